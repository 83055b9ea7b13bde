package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the gateway makes of an endpoint that misbehaves, where the CLI's end-to-end tests cannot reach: changes
 * (which must say whether they may have been applied), Retry-After against the request deadline, the call log, and
 * paging that would never end. Over real sockets to a {@link MisbehavingEndpoint}.
 */
@Timeout(30)
class GatewayAgainstBadEndpointTest {

    private MisbehavingEndpoint endpoint;
    private GraphGateway gateway;
    private final CallLog callLog = new CallLog();

    @AfterEach
    void stop() {
        gateway.close();
        endpoint.close();
    }

    private GraphGateway open(MisbehavingEndpoint.Behaviour behaviour, String scheme, NetworkDeadlines deadlines) {
        endpoint = MisbehavingEndpoint.start(behaviour);
        gateway = GraphGateway.open(ServiceRoot.parse(endpoint.serviceRoot(scheme)), TokenSource.fixed("token"),
                callLog, RetryPolicy.DEFAULT, deadlines);
        return gateway;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aChangeAnsweredByAnHtmlPageMayHaveBeenApplied() {
        open(MisbehavingEndpoint.answering(502, "text/html", utf8("<html>Bad gateway</html>")), "http",
                NetworkDeadlines.DEFAULT);

        assertThatThrownBy(() -> gateway.writer().revokeSignInSessions("megan"))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.httpStatus()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("answered HTTP 502 with an HTML page")
                            .contains("the change may or may not have been applied")
                            .contains("Check user 'megan' before retrying").doesNotContain("Bad gateway");
                });
    }

    @Test
    void aChangeSentToATlsPortIsNotCalledUncertain() {
        open(MisbehavingEndpoint.answeringInTls(), "http", NetworkDeadlines.DEFAULT);

        assertThatThrownBy(() -> gateway.writer().revokeSignInSessions("megan"))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("answered in TLS").doesNotContain("may or may not");
                });
    }

    @Test
    void aDeclaredLengthOverTheBoundIsRefusedWithoutWaitingForTheBody() {
        // the head promises 100 MB and nothing follows: reading would wait for the read deadline (30 s)
        open((connection, answer) -> {
            MisbehavingEndpoint.readRequest(connection);
            answer.write(MisbehavingEndpoint.head(200, "application/json", 100L * 1024 * 1024));
            answer.flush();
            Thread.sleep(60_000);
        }, "http", NetworkDeadlines.DEFAULT);
        long start = System.nanoTime();

        assertThatThrownBy(() -> gateway.directory().tenant())
                .isInstanceOfSatisfying(TenantException.class, e -> assertThat(e.getMessage())
                        .contains("answered HTTP 200 with more than 16 MB"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRetryAfterThatDoesNotFitTheRequestDeadlineFailsAtOnceAsThrottled() {
        byte[] throttled = utf8("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Slow down\"}}");
        open((connection, answer) -> {
            MisbehavingEndpoint.readRequest(connection);
            answer.write(MisbehavingEndpoint.head(429, "application/json", throttled.length, "Retry-After: 2"));
            answer.write(throttled);
        }, "http", NetworkDeadlines.forRequest(Duration.ofSeconds(4)));
        long start = System.nanoTime();

        // a first wait of 2 s leaves 2 s of the 4: enough; a second would leave none, so it is not taken
        assertThatThrownBy(() -> gateway.directory().tenant())
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
                    assertThat(e.getMessage()).contains("Try again in 2 seconds");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
        assertThat(endpoint.connections()).isEqualTo(2);
    }

    @Test
    void anAttemptEndedByTheRequestDeadlineIsLoggedAsTimedOut() {
        open(MisbehavingEndpoint.trickling(Duration.ofMillis(100)), "http", NetworkDeadlines.forRequest(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> gateway.directory().tenant())
                .isInstanceOfSatisfying(TenantException.class, e -> assertThat(e.getMessage())
                        .contains("did not finish answering within 1 s"));
        assertThat(callLog.snapshot()).extracting(GraphCall::outcome).containsOnly("timed out");
    }

    @Test
    void anAnswerThatIsNotHttpIsLoggedWithoutItsBytes() {
        // what an SSH port says first, with an escape sequence for good measure
        open((connection, answer) -> {
            MisbehavingEndpoint.readRequest(connection);
            answer.write(utf8("SSH-2.0-OpenSSH_9.6\u001b[2J\r\n"));
        }, "http", NetworkDeadlines.DEFAULT);

        assertThatThrownBy(() -> gateway.directory().tenant())
                .isInstanceOfSatisfying(TenantException.class, e -> assertThat(e.getMessage())
                        .contains("answered with something that is not HTTP").doesNotContain("SSH"));
        assertThat(callLog.snapshot()).isNotEmpty().extracting(GraphCall::outcome).containsOnly("not an HTTP answer");
    }

    @Test
    void aNextPageLinkThatPointsBackEndsTheReadInsteadOfLoopingForever() {
        open((connection, answer) -> {
            String requestLine = MisbehavingEndpoint.readRequest(connection);
            String path = requestLine.split(" ")[1];
            byte[] page = utf8("{\"value\":[],\"@odata.nextLink\":\"" + endpointRoot() + path + "\"}");
            answer.write(MisbehavingEndpoint.head(200, "application/json", page.length));
            answer.write(page);
        }, "http", NetworkDeadlines.DEFAULT);

        assertThatThrownBy(() -> gateway.directory().authenticationMethods("megan"))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("sent a next-page link it had sent before");
                });
        assertThatThrownBy(() -> gateway.directory().conditionalAccessPolicies())
                .hasMessageContaining("sent a next-page link it had sent before");
    }

    private String endpointRoot() {
        return "http://127.0.0.1:" + java.net.URI.create(endpoint.serviceRoot("http")).getPort();
    }
}
