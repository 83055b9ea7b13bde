package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/** Deeply nested or endless $filter and $search expressions get Graph's 400, never a dead worker. */
class DeepQueryTest extends OnBaseline {

    private static final String EVENTUAL = "ConsistencyLevel";

    @Test
    void aThousandNestedParenthesesInAFilterAreRefusedWithGraphs400() {
        for (int depth : new int[] {1_000, 5_000}) {
            SimHttp.Answer answer = http.get("/users?$filter=" + nested(depth, "displayName eq 'Adele Vance'"));

            assertThat(answer.status()).as("depth " + depth).isEqualTo(400);
            assertThat(answer.errorCode()).isEqualTo("BadRequest");
            assertThat(answer.errorMessage()).startsWith("Invalid filter clause: The recursion limit has been exceeded");
        }
        assertThat(http.get("/users?$filter=" + nested(99, "displayName eq 'Adele Vance'")).status()).isEqualTo(200);
    }

    @Test
    void aThousandNotsOrNestedLambdasAreRefusedToo() {
        String nots = String.join("", Collections.nCopies(2_000, "not ")) + "accountEnabled eq true";

        SimHttp.Answer answer = http.get("/users?$filter=" + nots, EVENTUAL, "eventual");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorMessage()).contains("recursion limit");
    }

    @Test
    void aThousandNestedParenthesesInASearchAreRefusedWithGraphs400() {
        SimHttp.Answer answer = http.get("/users?$search=" + nested(2_000, "\"displayName:adele\""), EVENTUAL, "eventual");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("BadRequest");
        assertThat(answer.errorMessage()).startsWith("Syntax error in $search: The recursion limit has been exceeded");
        assertThat(http.get("/users?$search=" + nested(50, "\"displayName:adele\""), EVENTUAL, "eventual").status())
                .isEqualTo(200);
    }

    @Test
    void anEndlessChainOfConditionsInsideABatchIsRefusedNotEvaluated() {
        String chain = String.join(" or ", Collections.nCopies(20_000, "displayName eq 'x'"));
        String batch = "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\", \"url\": \"/users?$filter="
                + chain.replace(" ", "%20") + "\"}]}";

        SimHttp.Answer answer = http.post("/$batch", batch, "Content-Type", "application/json");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode inner = answer.json().path("responses").get(0);
        assertThat(inner.path("status").asInt()).isEqualTo(400);
        assertThat(inner.path("body").path("error").path("message").asText()).contains("more than 500 conditions");
    }

    private static String nested(int depth, String inner) {
        return "(".repeat(depth) + inner + ")".repeat(depth);
    }
}
