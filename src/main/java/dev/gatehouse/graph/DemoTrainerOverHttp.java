package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.tenant.DemoTrainer;
import dev.gatehouse.domain.tenant.TenantException;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo tenant's reset and actor controls over HTTP: {@code POST /_demo/reset}, {@code GET /_demo/actors},
 * {@code POST /_demo/actor} (docs/demo-tenant.md, "Trainer controls").
 */
final class DemoTrainerOverHttp implements DemoTrainer {

    private final DemoLoopback demo;
    private final Runnable adminChanged;

    /**
     * @param serviceRoot  the demo connection's {@code http://127.0.0.1:N/v1.0}
     * @param adminChanged told after a reset or a change of actor: what remembered the signed-in admin forgets it
     */
    DemoTrainerOverHttp(String serviceRoot, Runnable adminChanged) {
        this.demo = new DemoLoopback(serviceRoot);
        this.adminChanged = adminChanged;
    }

    @Override
    public void reset() {
        refused(demo.post("/reset", DemoLoopback.body()));
        adminChanged.run();
    }

    @Override
    public Actors actors() {
        JsonNode answer = refused(demo.get("/actors"));
        List<Admin> admins = new ArrayList<>();
        for (JsonNode admin : answer.path("admins")) {
            List<String> roles = new ArrayList<>();
            admin.path("roles").forEach(role -> roles.add(role.asText()));
            admins.add(new Admin(admin.path("userPrincipalName").asText(), admin.path("displayName").asText(null),
                    roles));
        }
        return new Actors(answer.path("signedInAdmin").asText(null), answer.path("scenarioAdmin").asText(null), admins);
    }

    @Override
    public void actAs(String userPrincipalName) {
        refused(demo.post("/actor", DemoLoopback.body().put("userPrincipalName", userPrincipalName)));
        adminChanged.run();
    }

    /** The answer, unless it is an error: then the demo tenant's message as a failure the window shows. */
    private static JsonNode refused(JsonNode answer) {
        String error = DemoLoopback.error(answer);
        if (!error.isEmpty()) {
            throw new TenantException(TenantException.Kind.REJECTED, "The demo tenant refused: " + error);
        }
        return answer;
    }
}
