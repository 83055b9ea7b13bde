package dev.gatehouse.graph;

import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Writer tests against one demo tenant per class, reloaded with the {@code baseline} scenario before every test
 * (a test may load another), reached through gateways acting as its users.
 */
abstract class OnWritableBaseline {

    static SimServer sim;
    private final SimGateways gateways = new SimGateways();

    @BeforeAll
    static void startSim() {
        sim = SimServer.start(SimOptions.defaults());
    }

    @AfterAll
    static void stopSim() {
        sim.close();
    }

    @BeforeEach
    void reload() {
        sim.loadScenario("baseline");
    }

    @AfterEach
    void closeGateways() {
        gateways.close();
    }

    GraphGateway gateway(String actingUpn) {
        return gateways.actingAs(sim, actingUpn);
    }

    /** The object id of the baseline's group of that name, read from the tenant's state. */
    static String groupId(String displayName) {
        return sim.state().read(() -> sim.state().groups().stream()
                .filter(g -> g.displayName().equals(displayName)).findFirst().orElseThrow().id());
    }
}
