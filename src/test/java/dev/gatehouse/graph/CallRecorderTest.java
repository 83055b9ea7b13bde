package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.CallLog;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class CallRecorderTest {

    @Test
    void recordsThePathBelowTheServiceRootWithADecodedQuery() {
        CallRecorder recorder = new CallRecorder(ServiceRoot.parse("http://127.0.0.1:8123/v1.0"), new CallLog(),
                Clock.systemUTC());
        HttpUrl url = HttpUrl.get("http://127.0.0.1:8123/v1.0/users?%24search=%22displayName%3Aad%22&%24top=25");

        assertThat(recorder.pathAndQuery(url)).isEqualTo("/users?$search=\"displayName:ad\"&$top=25");
    }

    @Test
    void keepsTheHostForAUrlOutsideTheServiceRoot() {
        CallRecorder recorder = new CallRecorder(ServiceRoot.parse("https://proxy.example.org/graph/v1.0"),
                new CallLog(), Clock.systemUTC());

        assertThat(recorder.pathAndQuery(HttpUrl.get("https://proxy.example.org/graph/v1.0/me")))
                .isEqualTo("/me");
        assertThat(recorder.pathAndQuery(HttpUrl.get("https://elsewhere.example.org/v2/me")))
                .isEqualTo("https://elsewhere.example.org:443/v2/me");
    }
}
