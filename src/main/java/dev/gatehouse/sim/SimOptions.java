package dev.gatehouse.sim;

import dev.gatehouse.sim.fault.FaultSpec;
import dev.gatehouse.sim.scenario.ScenarioRef;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to start the demo tenant.
 *
 * @param port     TCP port on 127.0.0.1; 0 picks a free one
 * @param scenario a scenario name as {@link ScenarioRef#parse} reads it, e.g. {@code baseline} or {@code large:100000}
 * @param faults   the share of responses to spoil; {@link FaultSpec#NONE} for none
 * @param clock    the tenant's "now": relative scenario dates and TAP lifetimes are measured against it
 * @param scenariosDir the folder whose {@code .json} files {@code POST /_demo/scenario} may load by name; null for
 *                 none (then only bundled scenarios and {@code large:N})
 */
public record SimOptions(int port, String scenario, FaultSpec faults, Clock clock, Path scenariosDir) {

    public SimOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is out of range: use 1-65535, or 0 for a free port.");
        }
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
        if (scenariosDir != null && !Files.isDirectory(scenariosDir)) {
            throw new IllegalArgumentException("The scenarios folder " + scenariosDir + " does not exist or is not a "
                    + "folder.");
        }
    }

    /** Random free port, the baseline scenario, no faults, the system clock. */
    public static SimOptions defaults() {
        return new SimOptions(0, "baseline", FaultSpec.NONE, Clock.systemUTC(), null);
    }

    public SimOptions withPort(int value) {
        return new SimOptions(value, scenario, faults, clock, scenariosDir);
    }

    public SimOptions withScenario(String value) {
        return new SimOptions(port, value, faults, clock, scenariosDir);
    }

    public SimOptions withFaults(FaultSpec value) {
        return new SimOptions(port, scenario, value, clock, scenariosDir);
    }

    public SimOptions withClock(Clock value) {
        return new SimOptions(port, scenario, faults, value, scenariosDir);
    }

    public SimOptions withScenariosDir(Path value) {
        return new SimOptions(port, scenario, faults, clock, value);
    }
}
