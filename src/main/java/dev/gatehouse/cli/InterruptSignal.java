package dev.gatehouse.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Ctrl+C while a plan runs: the run is asked to stop, and gets time to journal and report what it did. */
public interface InterruptSignal {

    /**
     * Calls {@code onInterrupt} when the user interrupts, until the returned handle is closed. The caller closes it
     * once its report is printed.
     */
    Registration watch(Runnable onInterrupt);

    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The JVM's own Ctrl+C handling: a shutdown hook cancels the run and holds the exit until the run has
     * reported (or {@code grace} has passed); the process then ends with the shell's status for SIGINT, 130.
     */
    static InterruptSignal shutdownHook(Duration grace) {
        return onInterrupt -> {
            CountDownLatch reported = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                onInterrupt.run();
                try {
                    reported.await(grace.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "gatehouse-ctrl-c");
            Runtime.getRuntime().addShutdownHook(hook);
            return () -> {
                reported.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: counting down above lets it, and the JVM, finish
                }
            };
        };
    }
}
