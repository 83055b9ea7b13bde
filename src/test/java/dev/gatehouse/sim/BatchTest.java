package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON batching: per-request answers, dependsOn and 424, malformed batches. */
class BatchTest extends OnBaseline {

    @Test
    void eachRequestGetsItsOwnStatusHeadersAndBody() {
        JsonNode body = batch("""
                {"requests": [
                  {"id": "1", "method": "GET", "url": "/me?$select=displayName"},
                  {"id": "2", "method": "GET", "url": "/users/nobody@tailspintoys.com"},
                  {"id": "3", "method": "GET", "url": "users?$search=\\"displayName:meg\\"&$count=true",
                   "headers": {"ConsistencyLevel": "eventual"}},
                  {"id": "4", "method": "GET", "url": "/users?$search=\\"displayName:meg\\""}
                ]}""");
        Map<String, JsonNode> responses = byId(body);
        assertThat(responses.get("1").path("status").asInt()).isEqualTo(200);
        assertThat(responses.get("1").path("headers").path("Content-Type").asText()).startsWith("application/json");
        assertThat(responses.get("1").path("body").path("displayName").asText()).isEqualTo("Adele Vance");
        assertThat(responses.get("2").path("status").asInt()).isEqualTo(404);
        assertThat(responses.get("2").path("body").path("error").path("code").asText()).isEqualTo("Request_ResourceNotFound");
        assertThat(responses.get("3").path("body").path("@odata.count").asInt()).isEqualTo(1);
        assertThat(responses.get("4").path("status").asInt()).as("no header inside the batch").isEqualTo(400);
    }

    @Test
    void dependentsOfAFailedRequestAre424() {
        JsonNode body = batch("""
                {"requests": [
                  {"id": "a", "method": "GET", "url": "/users/nobody@tailspintoys.com"},
                  {"id": "b", "method": "GET", "url": "/me", "dependsOn": ["a"]},
                  {"id": "c", "method": "GET", "url": "/organization", "dependsOn": ["b"]},
                  {"id": "d", "method": "GET", "url": "/me"}
                ]}""");
        Map<String, JsonNode> responses = byId(body);
        assertThat(responses.get("a").path("status").asInt()).isEqualTo(404);
        assertThat(responses.get("b").path("status").asInt()).isEqualTo(424);
        assertThat(responses.get("c").path("status").asInt()).isEqualTo(424);
        assertThat(responses.get("d").path("status").asInt()).isEqualTo(200);
    }

    @Test
    void innerRequestsInheritTheBatchToken() {
        SimHttp.Answer answer = http.send("POST", "/v1.0/$batch", """
                {"requests": [{"id": "1", "method": "GET", "url": "/me"}]}""",
                "Authorization", "Bearer sim-user:megan.bowen@tailspintoys.com", "Content-Type", "application/json");
        assertThat(byId(answer.json()).get("1").path("body").path("displayName").asText()).isEqualTo("Megan Bowen");
        SimHttp.Answer anonymous = http.send("POST", "/v1.0/$batch", "{\"requests\": []}", "Content-Type",
                "application/json");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void malformedBatchesAre400() {
        assertThat(status("not json")).isEqualTo(400);
        assertThat(status("{\"nothing\": 1}")).isEqualTo(400);
        assertThat(status("""
                {"requests": [{"id": "1", "method": "GET", "url": "/me"}, {"id": "1", "method": "GET", "url": "/me"}]}"""))
                .as("duplicate ids").isEqualTo(400);
        assertThat(status("""
                {"requests": [{"id": "1", "method": "GET", "url": "/me", "dependsOn": ["9"]}]}"""))
                .as("unknown dependency").isEqualTo(400);
        StringBuilder many = new StringBuilder("{\"requests\": [");
        for (int i = 1; i <= 21; i++) {
            many.append(i > 1 ? "," : "").append("{\"id\": \"").append(i).append("\", \"method\": \"GET\", \"url\": \"/me\"}");
        }
        assertThat(status(many.append("]}").toString())).as("more than 20").isEqualTo(400);
        SimHttp.Answer answer = http.post("/$batch", "not json", "Content-Type", "application/json");
        assertThat(answer.errorCode()).isEqualTo("BadRequest");
    }

    @Test
    void aBatchCannotNestAnotherBatch() {
        JsonNode body = batch("""
                {"requests": [{"id": "1", "method": "POST", "url": "/$batch", "body": {"requests": []},
                  "headers": {"Content-Type": "application/json"}}]}""");
        assertThat(byId(body).get("1").path("status").asInt()).isEqualTo(400);
    }

    private static int status(String body) {
        return http.post("/$batch", body, "Content-Type", "application/json").status();
    }

    private static JsonNode batch(String body) {
        SimHttp.Answer answer = http.post("/$batch", body, "Content-Type", "application/json");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static Map<String, JsonNode> byId(JsonNode body) {
        Map<String, JsonNode> responses = new HashMap<>();
        body.path("responses").forEach(r -> responses.put(r.path("id").asText(), r));
        return responses;
    }
}
