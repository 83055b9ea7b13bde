package dev.gatehouse.graph.signin;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.graph.GraphGateway;
import dev.gatehouse.graph.GraphTenantConnection;
import dev.gatehouse.graph.NetworkDeadlines;
import dev.gatehouse.graph.RetryPolicy;
import dev.gatehouse.graph.ServiceRoot;
import dev.gatehouse.graph.TokenSource;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Opens connections to real tenants: with MSAL for a cloud's own Graph, or, when the request names an explicit
 * Graph endpoint, with the access token from {@value #ACCESS_TOKEN_VARIABLE} (national clouds, proxies,
 * pipelines, test servers). Connecting reads the organisation, which signs in and proves the token works.
 */
public final class GraphSignIn {

    public static final String ACCESS_TOKEN_VARIABLE = "GATEHOUSE_ACCESS_TOKEN";

    private final Path tokenCacheDirectory;
    private final boolean allowUnprotectedTokenCache;
    private final UnaryOperator<String> environment;

    /**
     * @param allowUnprotectedTokenCache the user's explicit opt-in ({@value TokenCacheStore#ALLOW_UNPROTECTED_VARIABLE}=1),
     *                                   see {@link SignInSettings}
     */
    public GraphSignIn(Path tokenCacheDirectory, boolean allowUnprotectedTokenCache) {
        this(tokenCacheDirectory, allowUnprotectedTokenCache, System::getenv);
    }

    /** @param environment where {@value #ACCESS_TOKEN_VARIABLE} is read, normally {@code System::getenv} */
    public GraphSignIn(Path tokenCacheDirectory, boolean allowUnprotectedTokenCache, UnaryOperator<String> environment) {
        this.tokenCacheDirectory = tokenCacheDirectory;
        this.allowUnprotectedTokenCache = allowUnprotectedTokenCache;
        this.environment = environment;
    }

    /** Blocks for the sign-in; call it off the FX thread. */
    public GraphTenantConnection connect(SignInRequest request, SignInPrompt prompt) {
        ServiceRoot root;
        TokenSource tokens;
        if (request.graphEndpoint() != null && !request.graphEndpoint().isBlank()) {
            root = ServiceRoot.parse(request.graphEndpoint());
            tokens = TokenSource.fromEnvironment(ACCESS_TOKEN_VARIABLE, environment);
        } else {
            SignInSettings settings = SignInSettings.from(request, tokenCacheDirectory, allowUnprotectedTokenCache);
            root = settings.cloud().serviceRoot();
            tokens = MsalTokenSource.create(settings, prompt);
        }
        GraphGateway gateway = GraphGateway.open(root, tokens, new CallLog(), RetryPolicy.DEFAULT, deadlines(request));
        try {
            TenantInfo tenant = gateway.directory().tenant();
            return new GraphTenantConnection(gateway, label(tenant), false, () -> { });
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    /** The request's timeout (the CLI's --timeout), else the gateway's defaults: the GUI's sign-in sets none. */
    static NetworkDeadlines deadlines(SignInRequest request) {
        return request.timeout() == null ? NetworkDeadlines.DEFAULT : NetworkDeadlines.forRequest(request.timeout());
    }

    private static String label(TenantInfo tenant) {
        if (tenant.defaultDomain() != null) {
            return tenant.defaultDomain();
        }
        return tenant.displayName() != null ? tenant.displayName() : tenant.id();
    }
}
