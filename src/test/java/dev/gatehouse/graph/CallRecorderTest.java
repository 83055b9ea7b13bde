package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.GraphCall;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CallRecorderTest {

    private static final ServiceRoot ROOT = ServiceRoot.parse("http://127.0.0.1:8123/v1.0");
    private static final Consumer<GraphCall> BROKEN_LOG = call -> {
        throw new IllegalStateException("the Activity view's listener failed");
    };

    @Test
    void recordsThePathBelowTheServiceRootWithADecodedQuery() {
        CallRecorder recorder = new CallRecorder(ROOT, call -> { }, Clock.systemUTC());
        HttpUrl url = HttpUrl.get("http://127.0.0.1:8123/v1.0/users?%24search=%22displayName%3Aad%22&%24top=25");

        assertThat(recorder.pathAndQuery(url)).isEqualTo("/users?$search=\"displayName:ad\"&$top=25");
    }

    @Test
    void keepsTheHostForAUrlOutsideTheServiceRoot() {
        CallRecorder recorder = new CallRecorder(ServiceRoot.parse("https://proxy.example.org/graph/v1.0"),
                call -> { }, Clock.systemUTC());

        assertThat(recorder.pathAndQuery(HttpUrl.get("https://proxy.example.org/graph/v1.0/me")))
                .isEqualTo("/me");
        assertThat(recorder.pathAndQuery(HttpUrl.get("https://elsewhere.example.org/v2/me")))
                .isEqualTo("https://elsewhere.example.org:443/v2/me");
    }

    @Test
    void aFailingCallLogDoesNotTurnA200IntoAFailure() throws IOException {
        OkHttpClient http = client(new CallRecorder(ROOT, BROKEN_LOG, Clock.systemUTC()),
                chain -> answer(chain.request(), 200));

        try (Response response = http.newCall(new Request.Builder().url(ROOT + "/organization").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
    }

    @Test
    void aFailingCallLogDoesNotMaskTheNetworkFailure() {
        OkHttpClient http = client(new CallRecorder(ROOT, BROKEN_LOG, Clock.systemUTC()), chain -> {
            throw new SocketTimeoutException("timeout");
        });

        assertThatThrownBy(() -> http.newCall(new Request.Builder().url(ROOT + "/organization").build()).execute())
                .isInstanceOf(SocketTimeoutException.class).hasMessage("timeout");
    }

    @Test
    void anAnswerInsideABatchIsRecordedWithTheBatchsTiming() {
        List<GraphCall> calls = new ArrayList<>();
        CallRecorder recorder = new CallRecorder(ROOT, calls::add, Clock.systemUTC());
        Request batchPost = new Request.Builder().url(ROOT + "/$batch").build();
        Response batch = answer(batchPost, 200).newBuilder().sentRequestAtMillis(1_000).receivedResponseAtMillis(1_250)
                .build();
        Request inner = new Request.Builder().url(ROOT + "/users/ada/authentication/methods").build();

        recorder.recordInBatch(batch, inner, answer(inner, 403).newBuilder().header("request-id", "rid-7").build(), 0);
        recorder.recordInBatch(batch, inner, answer(inner, 200), 429);

        assertThat(calls).extracting(GraphCall::method, GraphCall::pathAndQuery, GraphCall::status,
                        GraphCall::requestId, GraphCall::outcome)
                .containsExactly(
                        tuple("GET", "/users/ada/authentication/methods", 403, "rid-7",
                                "in $batch, HTTP 403"),
                        tuple("GET", "/users/ada/authentication/methods", 200, null,
                                "retried after 429 in $batch"));
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.startedAt().toEpochMilli()).isEqualTo(1_000);
            assertThat(call.duration().toMillis()).isEqualTo(250);
        });
    }

    private static OkHttpClient client(CallRecorder recorder, Interceptor server) {
        return new OkHttpClient.Builder().addInterceptor(recorder).addInterceptor(server).build();
    }

    private static Response answer(Request request, int status) {
        return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(status)
                .message("status " + status).body(ResponseBody.create("{}", MediaType.get("application/json")))
                .build();
    }
}
