package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test classes that change the tenant: one baseline server per class, reloaded before every test, on a clock
 * the tests move ({@link #advance}).
 */
abstract class OnWritableBaseline {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    static TestClock clock;
    static SimServer sim;
    static SimHttp http;

    @BeforeAll
    static void startServer() {
        clock = new TestClock(START);
        sim = SimServer.start(SimOptions.defaults().withClock(clock));
        http = new SimHttp(sim);
    }

    @BeforeEach
    void freshTenant() {
        clock.set(START);
        sim.loadScenario("baseline");
    }

    @AfterAll
    static void stopServer() {
        sim.close();
    }

    static void advance(Duration duration) {
        clock.set(clock.instant().plus(duration));
    }

    static String groupId(String displayName) {
        return http.get("/groups?$filter=displayName eq '" + displayName + "'&$select=id").json().path("value").get(0)
                .path("id").asText();
    }

    /** The strings of a JSON array. */
    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    /** A user's object id (UPN in, id out) read through the API. */
    static String id(String upn) {
        return http.get("/users/" + upn + "?$select=id").json().path("id").asText();
    }
}
