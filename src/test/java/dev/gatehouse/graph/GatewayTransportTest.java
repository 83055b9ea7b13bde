package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.CallLog;
import okhttp3.ConnectionSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo tenant's loopback http gateway speaks cleartext only and builds no TLS stack (the platform's trust store
 * alone costs a cold start tens of milliseconds); a gateway to Microsoft Graph keeps TLS.
 */
class GatewayTransportTest {

    @Test
    void aLoopbackHttpGatewaySpeaksCleartextOnlyAndLoadsNoTrustStore() {
        GraphGateway demo = GraphGateway.open(ServiceRoot.parse("http://127.0.0.1:1/v1.0"), TokenSource.fixed("t"),
                new CallLog());
        try {
            assertThat(demo.http().connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
            assertThat(demo.http().x509TrustManager()).isNull();
        } finally {
            demo.close();
        }
    }

    @Test
    void aGatewayToGraphKeepsTls() {
        GraphGateway graph = GraphGateway.open(ServiceRoot.parse("https://graph.microsoft.com/v1.0"),
                TokenSource.fixed("t"), new CallLog());
        try {
            assertThat(graph.http().connectionSpecs()).anyMatch(ConnectionSpec::isTls);
            assertThat(graph.http().x509TrustManager()).isNotNull();
        } finally {
            graph.close();
        }
    }
}
