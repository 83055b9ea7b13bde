package dev.gatehouse.graph;

import dev.gatehouse.domain.tenant.TenantException;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where bearer tokens come from: MSAL for real tenants, a fixed value for the demo tenant, an environment
 * variable for {@code --graph-endpoint}. Implementations never return a blank token: they throw
 * {@link TenantException} with {@link TenantException.Kind#NOT_SIGNED_IN} instead.
 */
public interface TokenSource {

    /**
     * A token for the delegated permissions {@code scopes} (short names such as {@code User.Read.All}).
     * May block for a sign-in; called on a worker thread.
     */
    String accessToken(Set<String> scopes);

    /** The delegated permissions the current token carries, when known; used to explain a 403. */
    default Optional<Set<String>> grantedScopes() {
        return Optional.empty();
    }

    /** A token fixed for the connection's lifetime (the demo tenant's {@code sim-user:…} tokens, tests). */
    static TokenSource fixed(String token) {
        return supplied(() -> token, "No access token was configured for this connection.", "The access token");
    }

    /** Reads the variable at every request, so a refreshed token is picked up without reconnecting. */
    static TokenSource fromEnvironment(String variable) {
        return fromEnvironment(variable, System::getenv);
    }

    /** As {@link #fromEnvironment(String)}, reading variables through {@code environment} (tests, embedders). */
    static TokenSource fromEnvironment(String variable, UnaryOperator<String> environment) {
        return supplied(() -> environment.apply(variable), "The environment variable " + variable + " is empty or not set. "
                + "Put a Microsoft Graph access token for this endpoint in it (never on the command line).",
                "The environment variable " + variable);
    }

    /** @param source what holds the token, for "… contains a line break": the token itself is never quoted */
    private static TokenSource supplied(Supplier<String> token, String whenMissing, String source) {
        return new TokenSource() {
            @Override
            public String accessToken(Set<String> scopes) {
                String value = token.get();
                if (value == null || value.isBlank()) {
                    throw new TenantException(TenantException.Kind.NOT_SIGNED_IN, whenMissing);
                }
                String stripped = value.strip();
                TokenCharacters.problem(stripped).ifPresent(problem -> {
                    throw new TenantException(TenantException.Kind.NOT_SIGNED_IN, source + " " + problem
                            + ". Set it again (the token is not shown here).");
                });
                return stripped;
            }

            @Override
            public Optional<Set<String>> grantedScopes() {
                return JwtScopes.read(token.get());
            }
        };
    }
}
