package dev.gatehouse.graph;

import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Read-only tests against three demo tenants per class: {@code baseline} (break-glass set up right),
 * {@code breakglass-gaps} (set up half-way) and {@code baseline-free} (no Entra ID P1), reached through gateways
 * acting as their users.
 */
abstract class OnBreakGlassScenarios {

    static SimServer baseline;
    static SimServer gaps;
    static SimServer free;
    final SimGateways gateways = new SimGateways();

    @BeforeAll
    static void startSims() {
        baseline = SimServer.start(SimOptions.defaults());
        gaps = SimServer.start(SimOptions.defaults().withScenario("breakglass-gaps"));
        free = SimServer.start(SimOptions.defaults().withScenario("baseline-free"));
    }

    @AfterAll
    static void stopSims() {
        baseline.close();
        gaps.close();
        free.close();
    }

    @AfterEach
    void closeGateways() {
        gateways.close();
    }

    TenantDirectory directory(SimServer sim, String upn) {
        return gateways.actingAs(sim, upn).directory();
    }
}
