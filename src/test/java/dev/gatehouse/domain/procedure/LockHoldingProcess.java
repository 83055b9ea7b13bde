package dev.gatehouse.domain.procedure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another Gatehouse process, for tests: takes a run lock the way the command line does and holds it until it is
 * killed (or its standard input closes), as a `gatehouse user recover` waiting at its prompt would.
 */
public final class LockHoldingProcess {

    public static final String ACTOR = "other.admin@tailspintoys.com";

    /** Run in a child JVM: {@code <data folder> <tenant> <procedure> <subject>}. */
    public static void main(String[] args) throws IOException {
        FileRunLocks locks = new FileRunLocks(Path.of(args[0]));
        RunLocks.RunLock lock = locks.acquire(new RunKey(args[1], args[2], args[3]),
                RunHolder.thisProcess(RunHolder.COMMAND_LINE, ACTOR, Instant.now()), "the test run", false);
        System.out.println("HELD " + ProcessHandle.current().pid());
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold until killed or told to stop
        }
        lock.close();
    }

    /** Starts the child and waits until it holds the lock. */
    public static Process start(Path dataFolder, RunKey key) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), LockHoldingProcess.class.getName(),
                dataFolder.toString(), key.tenant(), key.procedure(), key.subject()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("HELD ")) {
            child.destroyForcibly();
            throw new IllegalStateException("The lock-holding child did not take the lock: " + line);
        }
        return child;
    }

    /** Kills the child the way a crash would: no shutdown hooks, no cleanup. */
    public static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        if (!child.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The lock-holding child did not end");
        }
    }

    private LockHoldingProcess() {
    }
}
