package dev.gatehouse.sim;

import dev.gatehouse.sim.fault.FaultSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fault injection: the spec syntax and seeded, repeatable 429/503/slow answers. */
class FaultTest {

    @Test
    void specParsesEveryKey() {
        FaultSpec spec = FaultSpec.parse("429=0.1, 503=0.05, slow=0.2:300ms, retry-after=2, seed=7");
        assertThat(spec).isEqualTo(new FaultSpec(0.1, 0.05, 0.2, Duration.ofMillis(300), 2, 7));
        assertThat(FaultSpec.parse("slow=1:1.5s").delay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(FaultSpec.parse(null).none()).isTrue();
        assertThat(FaultSpec.parse("none").none()).isTrue();
        assertThat(FaultSpec.parse(spec.describe())).isEqualTo(spec);
    }

    @Test
    void badSpecsAreExplained() {
        assertThatThrownBy(() -> FaultSpec.parse("429=2")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> FaultSpec.parse("404=0.1")).hasMessageContaining("unknown key '404'");
        assertThatThrownBy(() -> FaultSpec.parse("slow=0.5")).hasMessageContaining("slow=0.2:300ms");
        assertThatThrownBy(() -> FaultSpec.parse("slow=0.5:fast")).hasMessageContaining("300ms or 2s");
        assertThatThrownBy(() -> FaultSpec.parse("429=0.7,503=0.6")).hasMessageContaining("more than 1");
        assertThatThrownBy(() -> FaultSpec.parse("429")).hasMessageContaining("key=value");
    }

    @Test
    void throttledAndUnavailableAnswersAreSeededAndCarryRetryAfter() {
        List<Integer> first = statuses("429=0.3,503=0.2,retry-after=3,seed=42", 40);
        List<Integer> second = statuses("429=0.3,503=0.2,retry-after=3,seed=42", 40);
        assertThat(first).isEqualTo(second);
        assertThat(first).contains(200, 429, 503);
        long throttled = first.stream().filter(s -> s == 429).count();
        assertThat(throttled).isBetween(4L, 24L);
        assertThat(statuses("429=0.3,503=0.2,retry-after=3,seed=43", 40)).isNotEqualTo(first);
    }

    @Test
    void throttledAnswersLookLikeGraphs() {
        try (SimServer sim = SimServer.start(SimOptions.defaults().withFaults(FaultSpec.parse("429=1,retry-after=3")))) {
            SimHttp.Answer answer = new SimHttp(sim).get("/me");
            assertThat(answer.status()).isEqualTo(429);
            assertThat(answer.header("Retry-After")).isEqualTo("3");
            assertThat(answer.errorCode()).isEqualTo("TooManyRequests");
        }
        try (SimServer sim = SimServer.start(SimOptions.defaults().withFaults(FaultSpec.parse("503=1")))) {
            SimHttp.Answer answer = new SimHttp(sim).get("/me");
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).isEqualTo("1");
            assertThat(answer.errorCode()).isEqualTo("serviceNotAvailable");
        }
    }

    @Test
    void slowAnswersAreDelayed() {
        try (SimServer sim = SimServer.start(SimOptions.defaults().withFaults(FaultSpec.parse("slow=1:250ms")))) {
            long start = System.nanoTime();
            assertThat(new SimHttp(sim).get("/me").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void requestsInsideABatchAreThrottledOneByOne() {
        try (SimServer sim = SimServer.start(SimOptions.defaults().withFaults(FaultSpec.parse("429=0.5,seed=3")))) {
            SimHttp http = new SimHttp(sim);
            StringBuilder body = new StringBuilder("{\"requests\": [");
            for (int i = 1; i <= 20; i++) {
                body.append(i > 1 ? "," : "").append("{\"id\": \"").append(i).append("\", \"method\": \"GET\", \"url\": \"/me\"}");
            }
            SimHttp.Answer answer;
            do {
                answer = http.post("/$batch", body + "]}", "Content-Type", "application/json");
            } while (answer.status() == 429);
            List<Integer> inner = new ArrayList<>();
            answer.json().path("responses").forEach(r -> inner.add(r.path("status").asInt()));
            assertThat(inner).contains(200, 429);
            answer.json().path("responses").forEach(r -> {
                if (r.path("status").asInt() == 429) {
                    assertThat(r.path("headers").path("Retry-After").asText()).isEqualTo("1");
                }
            });
        }
    }

    private static List<Integer> statuses(String spec, int requests) {
        try (SimServer sim = SimServer.start(SimOptions.defaults().withFaults(FaultSpec.parse(spec)))) {
            SimHttp http = new SimHttp(sim);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                statuses.add(http.get("/organization").status());
            }
            return statuses;
        }
    }
}
