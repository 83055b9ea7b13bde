package dev.gatehouse.sim;

import dev.gatehouse.sim.fault.FaultSpec;
import dev.gatehouse.sim.scenario.ScenarioRef;

import java.time.Clock;
import java.util.Objects;

/**
 * How to start the demo tenant.
 *
 * @param port     TCP port on 127.0.0.1; 0 picks a free one
 * @param scenario a scenario name as {@link ScenarioRef#parse} reads it, e.g. {@code baseline} or {@code large:100000}
 * @param faults   the share of responses to spoil; {@link FaultSpec#NONE} for none
 * @param clock    the tenant's "now": relative scenario dates and TAP lifetimes are measured against it
 */
public record SimOptions(int port, String scenario, FaultSpec faults, Clock clock) {

    public SimOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is out of range: use 1-65535, or 0 for a free port.");
        }
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
    }

    /** Random free port, the baseline scenario, no faults, the system clock. */
    public static SimOptions defaults() {
        return new SimOptions(0, "baseline", FaultSpec.NONE, Clock.systemUTC());
    }

    public SimOptions withPort(int value) {
        return new SimOptions(value, scenario, faults, clock);
    }

    public SimOptions withScenario(String value) {
        return new SimOptions(port, value, faults, clock);
    }

    public SimOptions withFaults(FaultSpec value) {
        return new SimOptions(port, scenario, value, clock);
    }

    public SimOptions withClock(Clock value) {
        return new SimOptions(port, scenario, faults, value);
    }
}
