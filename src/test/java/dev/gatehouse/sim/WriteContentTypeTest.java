package dev.gatehouse.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes whose body is not declared as JSON are answered as Graph answers them. */
class WriteContentTypeTest extends OnWritableBaseline {

    private static final String NEW_USER = "{\"accountEnabled\": true, \"displayName\": \"Ann Type\", \"mailNickname\": "
            + "\"ann.type\", \"userPrincipalName\": \"ann.type@tailspintoys.com\", \"passwordProfile\": "
            + "{\"password\": \"Ty9e-Check-2026\"}}";

    @Test
    void aBodyWithoutContentTypeIsRefused() {
        SimHttp.Answer answer = http.send("POST", "/v1.0/users", NEW_USER, "Authorization", "Bearer admin-token");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("BadRequest");
        assertThat(answer.errorMessage())
                .isEqualTo("Write requests (excluding DELETE) must contain the Content-Type header declaration.");
        assertThat(http.get("/users/ann.type@tailspintoys.com").status()).isEqualTo(404);
    }

    @Test
    void aBodyOfAnotherTypeIsRefused() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded"}) {
            SimHttp.Answer post = http.send("POST", "/v1.0/users", NEW_USER, "Authorization", "Bearer admin-token",
                    "Content-Type", type);
            SimHttp.Answer patch = http.send("PATCH", "/v1.0/users/megan.bowen@tailspintoys.com",
                    "{\"jobTitle\": \"Typed\"}", "Authorization", "Bearer admin-token", "Content-Type", type);

            assertThat(post.status()).as(type).isEqualTo(400);
            assertThat(post.errorMessage()).isEqualTo("Entity only allows writes with a JSON Content-Type header.");
            assertThat(patch.status()).as(type).isEqualTo(400);
        }
        assertThat(http.get("/users/megan.bowen@tailspintoys.com?$select=jobTitle").json().path("jobTitle").asText())
                .isNotEqualTo("Typed");
    }

    @Test
    void jsonWithParametersAndActionsWithoutABodyAreAccepted() {
        SimHttp.Answer created = http.send("POST", "/v1.0/users", NEW_USER, "Authorization", "Bearer admin-token",
                "Content-Type", "application/json; charset=utf-8");
        SimHttp.Answer revoked = http.send("POST", "/v1.0/users/megan.bowen@tailspintoys.com/revokeSignInSessions", null,
                "Authorization", "Bearer admin-token");

        assertThat(created.status()).isEqualTo(201);
        assertThat(revoked.status()).isEqualTo(200);
    }
}
