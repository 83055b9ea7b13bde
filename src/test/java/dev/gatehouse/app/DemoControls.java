package dev.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The demo tenant's trainer controls ({@code /_demo/…}: switch the acting admin, sign a user in), reached over HTTP
 * next to the Graph service root a connection talks to.
 */
public final class DemoControls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String root;

    /** @param serviceRoot the connection's {@code http://127.0.0.1:N/v1.0} */
    public DemoControls(String serviceRoot) {
        this.root = serviceRoot.replaceFirst("/v1\\.0$", "");
    }

    /** POSTs {@code body} (JSON, or null for none) to {@code path} and returns the answer's JSON. */
    JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer trainer") // the trainer controls refuse calls without a token
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** From now on the demo tenant's bearer tokens act as this enabled member. */
    void actAs(String userPrincipalName) throws IOException, InterruptedException {
        post("/_demo/actor", JSON.createObjectNode().put("userPrincipalName", userPrincipalName).toString());
    }

    JsonNode signInWithPassword(String userPrincipalName, String password) throws IOException, InterruptedException {
        return post("/_demo/users/" + userPrincipalName + "/signIn/password",
                JSON.createObjectNode().put("password", password).toString());
    }

    public JsonNode signInWithTemporaryAccessPass(String userPrincipalName, String pass)
            throws IOException, InterruptedException {
        return post("/_demo/users/" + userPrincipalName + "/signIn/temporaryAccessPass",
                JSON.createObjectNode().put("temporaryAccessPass", pass).toString());
    }

    /** Within the pass's session: the user registers a passkey of this model and AAGUID at My Security Info. */
    public JsonNode registerPasskey(String userPrincipalName, String model, String aaGuid)
            throws IOException, InterruptedException {
        return post("/_demo/users/" + userPrincipalName + "/register/fido2", JSON.createObjectNode()
                .put("displayName", model).put("model", model).put("aaGuid", aaGuid).toString());
    }
}
