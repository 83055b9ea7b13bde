package dev.gatehouse.graph;

import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import dev.gatehouse.domain.tenant.TenantException;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Hands the token for one permission set to Kiota. Unlike graph-core's Azure Identity provider it never
 * returns an empty token (which Kiota would silently turn into an unauthenticated request, build-facts G7):
 * a request to a host other than the service root's, or in clear text to a non-loopback host, fails loudly.
 */
final class BearerTokenProvider implements AccessTokenProvider {

    private final ServiceRoot root;
    private final TokenSource tokens;
    private final Set<String> scopes;
    private final AllowedHostsValidator allowedHosts;

    BearerTokenProvider(ServiceRoot root, TokenSource tokens, Set<String> scopes) {
        this.root = root;
        this.tokens = tokens;
        this.scopes = Set.copyOf(scopes);
        this.allowedHosts = new AllowedHostsValidator(root.host());
    }

    @Override
    public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
        if (uri.getHost() == null || !allowedHosts.isUrlHostValid(uri)) {
            throw new TenantException(TenantException.Kind.UNEXPECTED, "Refusing to send the access token to "
                    + uri.getHost() + ": this connection only talks to " + root.host() + ".");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !ServiceRoot.isLoopback(uri.getHost())) {
            throw new TenantException(TenantException.Kind.UNEXPECTED, "Refusing to send the access token over plain "
                    + "http to " + uri.getHost() + ": it would travel in clear text.");
        }
        String token = tokens.accessToken(scopes);
        if (token == null || token.isBlank()) {
            throw new TenantException(TenantException.Kind.NOT_SIGNED_IN,
                    "No access token is available for " + root.host() + ". Sign in again.");
        }
        return token;
    }

    @Override
    public AllowedHostsValidator getAllowedHostsValidator() {
        return allowedHosts;
    }
}
