package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.sim.fault.FaultSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The opt-in identity-reports limit: 5 requests per 10 s per caller on methods, reports and logs. */
class IdentityReportsThrottleTest {

    private static final String METHODS = "/users/megan.bowen@tailspintoys.com/authentication/methods";

    @Test
    void theSpecTurnsTheLimitOnAndDescribesIt() {
        assertThat(FaultSpec.parse("auth-methods-limit=on").authMethodsLimit()).isTrue();
        assertThat(FaultSpec.parse("none").authMethodsLimit()).isFalse();
        assertThat(FaultSpec.parse("auth-methods-limit=on").describe()).isEqualTo("auth-methods-limit=on");
        FaultSpec mixed = FaultSpec.parse("429=0.1,auth-methods-limit=on");
        assertThat(FaultSpec.parse(mixed.describe())).isEqualTo(mixed);
        assertThatThrownBy(() -> FaultSpec.parse("auth-methods-limit=yes")).hasMessageContaining("on or off");
    }

    @Test
    void theSixthRequestWithinTenSecondsIsThrottled() {
        TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
        try (SimServer sim = SimServer.start(SimOptions.defaults().withClock(clock)
                .withFaults(FaultSpec.parse("auth-methods-limit=on")))) {
            SimHttp http = new SimHttp(sim);
            for (int i = 0; i < 5; i++) {
                assertThat(http.get(METHODS).status()).isEqualTo(200);
            }
            SimHttp.Answer throttled = http.get("/reports/authenticationMethods/userRegistrationDetails");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.errorCode()).isEqualTo("TooManyRequests");
            assertThat(throttled.header("Retry-After")).isEqualTo("10");
            assertThat(http.get("/users?$top=1").status()).as("directory reads are another bucket").isEqualTo(200);
            assertThat(http.getAs("patti.fernandez@tailspintoys.com", METHODS).status()).as("another caller")
                    .isEqualTo(200);

            clock.set(Instant.parse("2026-03-02T09:00:04Z"));
            assertThat(http.get("/auditLogs/directoryAudits").header("Retry-After")).isEqualTo("6");
            clock.set(Instant.parse("2026-03-02T09:00:10Z"));
            assertThat(http.get("/auditLogs/directoryAudits").status()).isEqualTo(200);
        }
    }

    @Test
    void batchingDoesNotGetAroundIt() {
        try (SimServer sim = SimServer.start(SimOptions.defaults().withClock(new TestClock(Instant.parse(
                "2026-03-02T09:00:00Z"))).withFaults(FaultSpec.parse("auth-methods-limit=on")))) {
            StringBuilder requests = new StringBuilder();
            for (int i = 1; i <= 6; i++) {
                requests.append(i > 1 ? "," : "").append("{\"id\": \"").append(i)
                        .append("\", \"method\": \"GET\", \"url\": \"/me/authentication/methods\"}");
            }
            JsonNode responses = new SimHttp(sim).post("/$batch", "{\"requests\": [" + requests + "]}",
                    "Content-Type", "application/json").json().path("responses");
            int throttled = 0;
            for (JsonNode response : responses) {
                throttled += response.path("status").asInt() == 429 ? 1 : 0;
            }
            assertThat(throttled).isEqualTo(1);
        }
    }

    @Test
    void offByDefault() {
        try (SimServer sim = SimServer.start(SimOptions.defaults())) {
            SimHttp http = new SimHttp(sim);
            for (int i = 0; i < 8; i++) {
                assertThat(http.get(METHODS).status()).isEqualTo(200);
            }
        }
    }
}
