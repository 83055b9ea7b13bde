package dev.gatehouse.sim;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Graph accepts, the demo tenant accepts, and whatever it refuses it refuses as Graph JSON: requests written on
 * a raw socket the way curl or a careless script sends them, not the way java.net.http tidies them up.
 */
class RawRequestsTest extends OnBaseline {

    private static final String ADMIN = "Authorization: Bearer admin-token\r\n";

    @Test
    void searchWithTheRawQuotesOfGraphsDocumentationAndCurl() {
        RawHttp.Answer answer = RawHttp.exchange(sim.port(), "GET /v1.0/users?$search=\"displayName:wa\"&$select=displayName"
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ADMIN + "ConsistencyLevel: eventual\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("value").toString()).contains("Ben Walters");
    }

    @Test
    void aMalformedPercentEscapeIsGraphsJsonErrorInTheQueryAndInThePath() {
        RawHttp.Answer query = RawHttp.exchange(sim.port(), "GET /v1.0/users?$filter=%zz HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n" + ADMIN + "Connection: close\r\n\r\n");
        RawHttp.Answer path = RawHttp.exchange(sim.port(), "GET /v1.0/us%zzers HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n" + ADMIN + "Connection: close\r\n\r\n");

        assertThat(query.status()).isEqualTo(400);
        assertThat(query.headers().get("Content-Type")).startsWith("application/json");
        assertThat(query.errorCode()).isEqualTo("BadRequest");
        assertThat(query.errorMessage()).contains("malformed percent-encoding");
        assertThat(query.json().path("error").path("innerError").path("request-id").asText()).isNotEmpty();
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.headers().get("Content-Type")).startsWith("application/json");
        assertThat(path.errorCode()).isEqualTo("BadRequest");
    }

    @Test
    void whatIsNotHttpAtAllIsAnsweredInGraphJsonToo() {
        RawHttp.Answer garbage = RawHttp.exchange(sim.port(), "GARBAGE\r\n\r\n");
        RawHttp.Answer hugeHeader = RawHttp.exchange(sim.port(), "GET /v1.0/users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + ADMIN + "X-Filler: " + "a".repeat(40_000) + "\r\n\r\n");

        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.errorCode()).isEqualTo("BadRequest");
        assertThat(hugeHeader.status()).isEqualTo(431);
        assertThat(hugeHeader.errorMessage()).contains("32 KB");
    }

    @Test
    void aBodyOverFourMegabytesIsGraphs413NotAReset() {
        String head = "POST /v1.0/users HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ADMIN + "Content-Type: application/json\r\n";
        // declared up front: answered at once, without reading the body
        RawHttp.Answer declared = RawHttp.exchange(sim.port(), (head + "Content-Length: 5000000\r\n\r\n{\"a\":\"")
                .getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(10));
        // chunked, so the size shows only while reading
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunked.writeBytes((head + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] chunk = "x".repeat(65_536).getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 70; i++) {
            chunked.writeBytes("10000\r\n".getBytes(StandardCharsets.ISO_8859_1));
            chunked.writeBytes(chunk);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        RawHttp.Answer streamed = RawHttp.exchange(sim.port(), chunked.toByteArray(), Duration.ofSeconds(10));

        for (RawHttp.Answer answer : new RawHttp.Answer[] {declared, streamed}) {
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.headers().get("Content-Type")).startsWith("application/json");
            assertThat(answer.errorMessage()).isEqualTo("The maximum request length supported is 4MB.");
        }
        assertThat(http.get("/users/$count", "ConsistencyLevel", "eventual").body()).isEqualTo("40");
    }
}
