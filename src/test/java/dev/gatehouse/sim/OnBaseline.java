package dev.gatehouse.sim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Test classes that share one running baseline tenant for all their tests (they only read from it). */
abstract class OnBaseline {

    static SimServer sim;
    static SimHttp http;

    @BeforeAll
    static void startBaseline() {
        sim = SimServer.start(SimOptions.defaults());
        http = new SimHttp(sim);
    }

    @AfterAll
    static void stopBaseline() {
        sim.close();
    }
}
