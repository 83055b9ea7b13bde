package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.sim.state.SimUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Trainer controls under /_demo: state, reset and scenario switching. */
class DemoEndpointsTest {

    @Test
    void stateResetAndLoad() {
        try (SimServer sim = SimServer.start(SimOptions.defaults())) {
            SimHttp http = new SimHttp(sim);
            JsonNode state = http.demo("GET", "/state", null).json();
            assertThat(state.path("scenario").asText()).isEqualTo("baseline");
            assertThat(state.path("users").asInt()).isEqualTo(40);
            assertThat(state.path("entraIdPremium").asBoolean()).isTrue();
            assertThat(state.path("faults").asText()).isEqualTo("none");

            sim.state().write(() -> sim.state().user("megan.bowen@tailspintoys.com").map(u -> u.accountEnabled(false)));
            JsonNode reset = http.demo("POST", "/reset", null).json();
            assertThat(reset.path("scenario").asText()).isEqualTo("baseline");
            assertThat(sim.state().read(() -> sim.state().user("megan.bowen@tailspintoys.com")
                    .map(SimUser::accountEnabled).orElseThrow())).isTrue();

            JsonNode loaded = http.demo("POST", "/scenario", "{\"name\": \"new-hires\"}").json();
            assertThat(loaded.path("scenario").asText()).isEqualTo("new-hires");
            assertThat(http.get("/users/noah.patel@tailspintoys.com").status()).isEqualTo(200);
            assertThat(http.demo("POST", "/scenario?name=baseline-free", null).json()
                    .path("entraIdPremium").asBoolean()).isFalse();

            SimHttp.Answer bad = http.demo("POST", "/scenario", "{\"name\": \"nope\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.errorMessage()).contains("Unknown scenario 'nope'");
            assertThat(http.demo("GET", "/scenarios", null).json().path("scenarios").toString())
                    .contains("compromised", "large:N");
            assertThat(http.demo("GET", "/nothing", null).status()).isEqualTo(400);
        }
    }
}
