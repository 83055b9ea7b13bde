package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.DemoEndUser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The demo tenant's end-user controls over HTTP ({@code …/_demo/users/{upn}/…}, docs/demo-tenant.md). The pass or
 * password goes in the request body to the demo server on this computer and nowhere else; nothing here is logged.
 */
final class DemoEndUserOverHttp implements DemoEndUser {

    private final DemoLoopback demo;

    /** @param serviceRoot the demo connection's {@code http://127.0.0.1:N/v1.0} */
    DemoEndUserOverHttp(String serviceRoot) {
        this.demo = new DemoLoopback(serviceRoot);
    }

    @Override
    public Outcome signInWithTemporaryAccessPass(String userPrincipalName, Secret pass) {
        return post(userPrincipalName, "/signIn/temporaryAccessPass",
                DemoLoopback.body().put("temporaryAccessPass", pass.reveal()), "signedIn");
    }

    @Override
    public Outcome registerPasskey(String userPrincipalName, String model, String aaGuid) {
        return post(userPrincipalName, "/register/fido2", DemoLoopback.body().put("displayName", model)
                .put("model", model).put("aaGuid", aaGuid), "registered");
    }

    @Override
    public Outcome registerAuthenticator(String userPrincipalName) {
        return post(userPrincipalName, "/register/microsoftAuthenticator", DemoLoopback.body(), "registered");
    }

    @Override
    public Outcome signInWithPasswordAndPush(String userPrincipalName, Secret password) {
        return post(userPrincipalName, "/signIn/password",
                DemoLoopback.body().put("password", password.reveal()).put("secondFactor", "push"), "signedIn");
    }

    private Outcome post(String userPrincipalName, String action, JsonNode body, String success) {
        JsonNode answer = demo.post("/users/" + URLEncoder.encode(userPrincipalName, StandardCharsets.UTF_8) + action,
                body);
        String words = answer.path("explanation").asText(DemoLoopback.error(answer));
        return new Outcome(answer.path("outcome").asText("").equals(success),
                words.isEmpty() ? "The demo tenant gave no answer." : words);
    }
}
