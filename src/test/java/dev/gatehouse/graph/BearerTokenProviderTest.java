package dev.gatehouse.graph;

import dev.gatehouse.domain.tenant.TenantException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokenProviderTest {

    private final ServiceRoot loopback = ServiceRoot.parse("http://127.0.0.1:8123/v1.0");

    @Test
    void givesTheTokenForTheServiceRootsHostAndAsksForTheSetsScopes() {
        List<Set<String>> asked = new ArrayList<>();
        TokenSource source = scopes -> {
            asked.add(scopes);
            return "tok";
        };
        BearerTokenProvider provider = new BearerTokenProvider(loopback, source, PermissionSet.USERS_READ.scopes());

        assertThat(provider.getAuthorizationToken(URI.create("http://127.0.0.1:8123/v1.0/users"), Map.of()))
                .isEqualTo("tok");
        assertThat(asked).containsExactly(PermissionSet.USERS_READ.scopes());
        assertThat(provider.getAllowedHostsValidator().getAllowedHosts()).containsExactly("127.0.0.1");
    }

    @Test
    void refusesToSendTheTokenToAnotherHostInsteadOfSilentlyDroppingIt() {
        BearerTokenProvider provider = new BearerTokenProvider(loopback, TokenSource.fixed("tok"), Set.of("User.Read"));

        assertThatThrownBy(() -> provider.getAuthorizationToken(URI.create("https://graph.microsoft.com/v1.0/users"), Map.of()))
                .isInstanceOf(TenantException.class)
                .hasMessageContaining("Refusing to send the access token to graph.microsoft.com");
    }

    @Test
    void refusesPlainHttpToANonLoopbackHost() {
        ServiceRoot remote = ServiceRoot.parse("https://graph.example.org/v1.0");
        BearerTokenProvider provider = new BearerTokenProvider(remote, TokenSource.fixed("tok"), Set.of("User.Read"));

        assertThatThrownBy(() -> provider.getAuthorizationToken(URI.create("http://graph.example.org/v1.0/users"), Map.of()))
                .hasMessageContaining("plain http");
    }

    @Test
    void aBlankTokenFailsLoudlyAsNotSignedIn() {
        BearerTokenProvider provider = new BearerTokenProvider(loopback, TokenSource.fixed("  "), Set.of("User.Read"));

        assertThatThrownBy(() -> provider.getAuthorizationToken(URI.create("http://127.0.0.1:8123/v1.0/me"), Map.of()))
                .isInstanceOfSatisfying(TenantException.class,
                        e -> assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_SIGNED_IN));
    }

    @Test
    void aCustomSourceReturningBlankIsCaughtToo() {
        BearerTokenProvider provider = new BearerTokenProvider(loopback, scopes -> "", Set.of("User.Read"));

        assertThatThrownBy(() -> provider.getAuthorizationToken(URI.create("http://127.0.0.1:8123/v1.0/me"), Map.of()))
                .isInstanceOfSatisfying(TenantException.class,
                        e -> assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_SIGNED_IN));
    }

    @Test
    void anUnsetEnvironmentVariableNamesTheVariable() {
        TokenSource source = TokenSource.fromEnvironment("GATEHOUSE_TEST_SURELY_UNSET_VARIABLE");

        assertThatThrownBy(() -> source.accessToken(Set.of()))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_SIGNED_IN);
                    assertThat(e.getMessage()).contains("GATEHOUSE_TEST_SURELY_UNSET_VARIABLE");
                });
    }

    @Test
    void readsTheGrantedScopesOfAJwtForExplanations() {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"scp\":\"User.Read User.Read.All\"}".getBytes(StandardCharsets.UTF_8));
        TokenSource jwt = TokenSource.fixed("eyJhbGciOiJub25lIn0." + payload + ".sig");

        assertThat(jwt.grantedScopes()).contains(Set.of("User.Read", "User.Read.All"));
        assertThat(TokenSource.fixed("sim-user:ada@contoso.onmicrosoft.com").grantedScopes()).isEmpty();
    }
}
