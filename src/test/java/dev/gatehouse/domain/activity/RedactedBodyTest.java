package dev.gatehouse.domain.activity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedBodyTest {

    @Test
    void aNewUsersPasswordIsBlankedAndTheRestKept() {
        String body = RedactedBody.of("{\"displayName\":\"BG 1\",\"passwordProfile\":{\"password\":\"Kestrel-4417\","
                + "\"forceChangePasswordNextSignIn\":false}}");

        assertThat(body).isEqualTo("{\"displayName\":\"BG 1\",\"passwordProfile\":{\"password\":\"<redacted>\","
                + "\"forceChangePasswordNextSignIn\":false}}");
    }

    @Test
    void secretsInsideArraysAndUnderOtherNamesAreBlankedToo() {
        String body = RedactedBody.of("[{\"newPassword\":\"a\"},{\"clientSecret\":\"b\",\"temporaryAccessPass\":\"c\","
                + "\"accessToken\":\"d\"}]");

        assertThat(body).doesNotContain("\"a\"", "\"b\"", "\"c\"", "\"d\"").contains("<redacted>");
    }

    @Test
    void everyValueUnderASecretsNameIsBlankedEvenInAList() {
        String body = RedactedBody.of("{\"passwords\":[\"x1\",{\"value\":\"x2\"}],\"tokenExpired\":false}");

        assertThat(body).doesNotContain("x1", "x2").contains("<redacted>").contains("\"tokenExpired\":false");
    }

    @Test
    void aBodyThatIsNotJsonIsNotKept() {
        assertThat(RedactedBody.of("password=hunter2")).isNull();
        assertThat(RedactedBody.of("\"just a string\"")).isNull();
        assertThat(RedactedBody.of("")).isNull();
        assertThat(RedactedBody.of("{\"a\":\"" + "x".repeat(RedactedBody.MAX_CHARS) + "\"}")).isNull();
    }
}
