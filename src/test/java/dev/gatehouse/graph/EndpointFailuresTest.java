package dev.gatehouse.graph;

import dev.gatehouse.domain.tenant.TenantException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failures the socket tests cannot stage on loopback (a host that drops connection attempts) and the ones that
 * must not be mistaken for others, with the phase OkHttp's events would have put on the exception.
 */
class EndpointFailuresTest {

    private final EndpointFailures failures = new EndpointFailures(ServiceRoot.parse("https://graph.contoso.test/v1.0"),
            NetworkDeadlines.DEFAULT);

    private static <T extends IOException> T in(ExchangePhase phase, T failure) {
        failure.addSuppressed(new ExchangePhase.Marker(phase));
        return failure;
    }

    private TenantException explain(IOException failure, GraphOperation operation) {
        return failures.explain(failure, operation, "user 'megan'").orElseThrow();
    }

    @Test
    void aHostThatDropsConnectionAttemptsIsGivenUpOnAtTheConnectDeadline() {
        TenantException e = explain(in(ExchangePhase.CONNECTING, new SocketTimeoutException("Connect timed out")),
                GraphOperation.READ_ORGANIZATION);

        assertThat(e.kind()).isEqualTo(TenantException.Kind.UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("Could not connect to graph.contoso.test within 10 s")
                .contains("a firewall may be dropping the connection");
    }

    @Test
    void aChangeThatNeverLeftIsNotCalledUncertainButOneThatWasSentIs() {
        TenantException notSent = explain(in(ExchangePhase.CONNECTING, new SocketTimeoutException("Connect timed out")),
                GraphOperation.REVOKE_SIGN_IN_SESSIONS);
        TenantException sent = explain(in(ExchangePhase.WAITING, new SocketTimeoutException("timeout")),
                GraphOperation.REVOKE_SIGN_IN_SESSIONS);

        assertThat(notSent.getMessage()).doesNotContain("may or may not");
        assertThat(sent.getMessage()).startsWith("graph.contoso.test sent nothing for 30 s after the request")
                .contains("the change may or may not have been applied").contains("Check user 'megan' before retrying");
    }

    @Test
    void aCertificateTheTlsPeerSentIsNotMistakenForPlainHttp() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertificateException("unable to find valid certification path"));

        assertThat(failures.explain(in(ExchangePhase.SECURING, untrusted), GraphOperation.READ_ORGANIZATION,
                null)).isEmpty(); // left to the general "secure connection failed" message
    }

    @Test
    void aHandshakeThatTheWholeRequestDeadlineEndedStillNamesTls() {
        IOException deadline = new java.io.InterruptedIOException("timeout");

        assertThat(explain(in(ExchangePhase.SECURING, deadline), GraphOperation.READ_ORGANIZATION).getMessage())
                .contains("did not start a secure (TLS) session within 60 s")
                .contains("Check the port: the service root must be an https endpoint");
    }
}
