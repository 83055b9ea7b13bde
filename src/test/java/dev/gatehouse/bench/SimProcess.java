package dev.gatehouse.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code gatehouse sim} in a child JVM started as app/gatehouse starts it (java @app/jvm.options … Launcher sim), so
 * its resident memory is the standalone server's alone: read from {@code /proc/<pid>/status} (VmRSS).
 */
final class SimProcess implements AutoCloseable {

    private final Process process;
    private final String serviceRoot;

    private SimProcess(Process process, String serviceRoot) {
        this.process = process;
        this.serviceRoot = serviceRoot;
    }

    /**
     * @param jvmOptions an argument file such as app/jvm.options, or null to start with the JVM's defaults
     * @param classpath  the classpath holding dev.gatehouse.Launcher and its libraries
     */
    static SimProcess start(Path jvmOptions, String classpath, String scenario) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (jvmOptions != null) {
            command.add("@" + jvmOptions);
        }
        command.addAll(List.of("-cp", classpath, "dev.gatehouse.Launcher", "sim", "--scenario", scenario));
        Path log = Files.createTempFile("gatehouse-sim-bench", ".log");
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null || !first.startsWith("http://127.0.0.1:")) {
            process.destroyForcibly();
            throw new IllegalStateException("The sim did not start: " + first + "; see " + log);
        }
        return new SimProcess(process, first.trim());
    }

    long pid() {
        return process.pid();
    }

    String serviceRoot() {
        return serviceRoot;
    }

    int port() {
        return Integer.parseInt(serviceRoot.replaceAll("^http://127\\.0\\.0\\.1:(\\d+)/v1\\.0$", "$1"));
    }

    /** Resident memory in MB, from /proc (Linux only). */
    double residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(new File("/proc/" + process.pid() + "/status").toPath())) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
            }
        }
        throw new IOException("No VmRSS for " + process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
