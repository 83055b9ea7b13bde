package dev.gatehouse.graph.signin;

import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.graph.NetworkDeadlines;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class GraphSignInTest {

    @TempDir
    Path cache;

    @Test
    void anExplicitEndpointTakesItsTokenFromTheEnvironmentAndSaysSoWhenItIsMissing() {
        assumeThat(System.getenv(GraphSignIn.ACCESS_TOKEN_VARIABLE)).isNull();
        try (SimServer sim = SimServer.start(SimOptions.defaults())) {
            GraphSignIn signIn = new GraphSignIn(cache, false);

            assertThatThrownBy(() -> signIn.connect(new SignInRequest(null, null, null, sim.serviceRoot(), null),
                    SignInPrompt.SILENT))
                    .isInstanceOfSatisfying(TenantException.class, e ->
                            assertThat(e.getMessage()).contains("GATEHOUSE_ACCESS_TOKEN"));
        }
    }

    @Test
    void aRequestWithoutATimeoutAsTheAppMakesItGetsTheDefaultDeadlines() {
        SignInRequest fromTheWindow = new SignInRequest("contoso.onmicrosoft.com", "global",
                "2f4a9a3c-1b7e-4c55-8f0d-6a3e9b1c2d7f", null, SignInRequest.Flow.INTERACTIVE_BROWSER);
        SignInRequest fromTheCommandLine = new SignInRequest(null, null, null, "http://127.0.0.1:8080/v1.0", null,
                Duration.ofSeconds(4));

        assertThat(GraphSignIn.deadlines(fromTheWindow)).isEqualTo(NetworkDeadlines.DEFAULT);
        assertThat(GraphSignIn.deadlines(fromTheCommandLine)).isEqualTo(NetworkDeadlines.forRequest(Duration.ofSeconds(4)));
    }

    @Test
    void anEndpointInClearTextToAnotherMachineIsRefusedBeforeAnyRequest() {
        GraphSignIn signIn = new GraphSignIn(cache, false);

        assertThatThrownBy(() -> signIn.connect(new SignInRequest(null, null, null, "http://graph.example.org/v1.0",
                null), SignInPrompt.SILENT)).hasMessageContaining("clear text");
    }

    @Test
    void withoutAKeyringOnLinuxMsalSignInIsRefusedUnlessTheUnprotectedCacheIsAllowed() {
        assumeThat(TokenCacheStore.currentOs()).isEqualTo(TokenCacheStore.Os.LINUX);
        assumeThat(keyringUsable()).isFalse();
        GraphSignIn signIn = new GraphSignIn(cache, false);

        assertThatThrownBy(() -> signIn.connect(new SignInRequest("contoso.onmicrosoft.com", "global",
                "11111111-2222-3333-4444-555555555555", null, SignInRequest.Flow.DEVICE_CODE), SignInPrompt.SILENT))
                .hasMessageContaining("no usable keyring");
    }

    private boolean keyringUsable() {
        try {
            TokenCacheStore.open(cache.resolve("probe"), false);
            return true;
        } catch (TenantException keyringMissing) {
            return false;
        }
    }
}
