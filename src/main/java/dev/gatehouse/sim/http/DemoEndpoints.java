package dev.gatehouse.sim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.access.RoleRules;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireRequest;
import dev.gatehouse.sim.wire.WireResponse;
import dev.gatehouse.sim.wire.Wire;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Trainer controls under {@code /_demo/}, outside the Graph API: show the state, reset the scenario, load another
 * one. {@link HttpFront} lets only local callers with a bearer token reach them ({@link LocalCallers}). End-user actions
 * ("sign in with this TAP and register a key", {@link dev.gatehouse.sim.demo.EndUserActions}) register further
 * routes on {@link #router()}.
 */
public final class DemoEndpoints {

    /** What the controls can do to the running server. */
    public interface Controls {
        TenantState reset();

        TenantState load(String scenario);

        List<String> scenarios();

        String faults();
    }

    private final Router router = new Router();
    private final Supplier<TenantState> tenant;
    private final String serviceRoot;

    /** @param serviceRoot the Graph service root the demo tenant serves, {@code http://127.0.0.1:N/v1.0} */
    public DemoEndpoints(Supplier<TenantState> tenant, Controls controls, String serviceRoot) {
        this.tenant = tenant;
        this.serviceRoot = serviceRoot;
        router.get("/state", call -> summary(call.state(), controls))
                .get("/scenarios", call -> {
                    ObjectNode body = Wire.object();
                    body.put("current", call.state().scenario());
                    body.set("scenarios", Wire.strings(controls.scenarios()));
                    return new Reply.Raw(WireResponse.json(200, body));
                })
                .post("/reset", call -> summary(controls.reset(), controls))
                .post("/scenario", call -> summary(load(call.request(), controls), controls));
    }

    public Router router() {
        return router;
    }

    /** @param request a request whose segments follow {@code /_demo} */
    public WireResponse handle(WireRequest request) {
        TenantState state = tenant.get();
        try {
            Router.Match match = router.match(request.method(), request.segments());
            ApiCall call = new ApiCall(request, match.variables(), state, state.signedInAdmin().orElse(null),
                    new RoleRules(state), serviceRoot);
            Reply reply = match.endpoint().handle(call);
            if (reply instanceof Reply.Raw raw) {
                return raw.response();
            }
            throw new IllegalStateException("Demo endpoints answer with finished responses");
        } catch (GraphException error) {
            return GraphErrorBodies.of(error, request, state.now());
        }
    }

    private static Reply summary(TenantState state, Controls controls) {
        ObjectNode body = Wire.MAPPER.valueToTree(state.read(state::summary));
        body.put("faults", controls.faults());
        return new Reply.Raw(WireResponse.json(200, body));
    }

    /** The scenario to load: {@code {"name": "compromised"}} in the body or {@code ?name=compromised}. */
    private static TenantState load(WireRequest request, Controls controls) {
        String name = request.query().stream().filter(p -> p.getKey().equals("name")).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        if (name == null && request.body().length > 0) {
            try {
                JsonNode body = Wire.MAPPER.readTree(request.body());
                name = body.path("name").asText(null);
            } catch (IOException e) {
                throw GraphException.badRequest("The body must be JSON such as {\"name\": \"compromised\"}.");
            }
        }
        if (name == null || name.isBlank()) {
            throw GraphException.badRequest("Name the scenario: {\"name\": \"compromised\"} or ?name=compromised.");
        }
        try {
            return controls.load(name);
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest(e.getMessage());
        }
    }
}
