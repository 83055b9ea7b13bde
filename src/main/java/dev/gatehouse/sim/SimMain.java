package dev.gatehouse.sim;

import dev.gatehouse.sim.fault.FaultSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the demo tenant standalone ({@code gatehouse sim --port N --scenario NAME --faults SPEC --scenarios-dir DIR}):
 * prints the
 * service root as the first line of output, exactly {@code http://127.0.0.1:N/v1.0}, then serves until the
 * thread is interrupted or the JVM shuts down.
 */
public final class SimMain {

    private SimMain() {
    }

    /** As {@link #run(int, String, String, PrintStream, PrintStream)}, reporting errors on {@code System.err}. */
    public static int run(int port, String scenario, String faults, PrintStream out) {
        return run(port, scenario, faults, out, System.err);
    }

    /**
     * @param faults a fault spec such as {@code 429=0.1,503=0.05,slow=0.2:300ms}; null or empty for none
     * @return 0 after an orderly stop, 2 for bad input (unknown scenario, bad fault spec, port in use)
     */
    public static int run(int port, String scenario, String faults, PrintStream out, PrintStream err) {
        return run(port, scenario, faults, null, out, err);
    }

    /**
     * @param scenariosDir the folder whose scenario files the trainer controls may load by name; null for none
     * @return 0 after an orderly stop, 2 for bad input
     */
    public static int run(int port, String scenario, String faults, Path scenariosDir, PrintStream out,
                          PrintStream err) {
        SimServer server;
        try {
            SimOptions options = SimOptions.defaults().withPort(port).withScenario(scenario)
                    .withFaults(FaultSpec.parse(faults)).withScenariosDir(scenariosDir);
            server = SimServer.start(options);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("gatehouse sim: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "gatehouse-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println(server.serviceRoot());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        return 0;
    }
}
