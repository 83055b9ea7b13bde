package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.DemoEndUser;
import dev.gatehouse.domain.tenant.TenantException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The demo tenant's end-user controls over HTTP, next to its Graph service root ({@code …/_demo/users/{upn}/…}). Not
 * Graph, so not through the Graph client: a plain loopback POST whose JSON answer says what happened. The pass goes in
 * the request body to the demo server on this computer and nowhere else; nothing here is logged.
 */
final class DemoEndUserOverHttp implements DemoEndUser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String root;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param serviceRoot the demo connection's {@code http://127.0.0.1:N/v1.0} */
    DemoEndUserOverHttp(String serviceRoot) {
        this.root = serviceRoot.replaceFirst("/v1\\.0/?$", "");
    }

    @Override
    public Outcome signInWithTemporaryAccessPass(String userPrincipalName, Secret pass) {
        return post(userPrincipalName, "/signIn/temporaryAccessPass",
                JSON.createObjectNode().put("temporaryAccessPass", pass.reveal()), "signedIn");
    }

    @Override
    public Outcome registerPasskey(String userPrincipalName, String model, String aaGuid) {
        return post(userPrincipalName, "/register/fido2", JSON.createObjectNode().put("displayName", model)
                .put("model", model).put("aaGuid", aaGuid), "registered");
    }

    private Outcome post(String userPrincipalName, String action, JsonNode body, String success) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "/_demo/users/"
                        + URLEncoder.encode(userPrincipalName, StandardCharsets.UTF_8) + action))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer trainer") // the trainer controls refuse calls without a token
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            JsonNode answer = JSON.readTree(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
            String outcome = answer.path("outcome").asText("");
            String words = answer.path("explanation").asText(answer.path("error").path("message")
                    .asText("The demo tenant gave no answer."));
            return new Outcome(outcome.equals(success), words);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantException(TenantException.Kind.CANCELLED, "Stopped before the demo tenant answered.");
        } catch (IOException e) {
            throw new TenantException(TenantException.Kind.UNAVAILABLE, "The demo tenant did not answer: "
                    + e.getMessage());
        }
    }
}
