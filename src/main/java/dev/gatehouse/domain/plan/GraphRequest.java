package dev.gatehouse.domain.plan;

import dev.gatehouse.domain.secret.Secret;

import java.util.Objects;

/**
 * The exact HTTP request a step will send, as shown to the admin before it runs.
 *
 * @param path relative to the service root, e.g. {@code /users/{id}/revokeSignInSessions}
 * @param body JSON body with every secret already replaced by a mask, or null when there is none
 */
public record GraphRequest(String method, String path, String body) {

    public static final String SECRET_MASK = Secret.MASK;

    public GraphRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    public static GraphRequest of(String method, String path) {
        return new GraphRequest(method, path, null);
    }

    @Override
    public String toString() {
        return body == null ? method + " " + path : method + " " + path + "\n" + body;
    }
}
