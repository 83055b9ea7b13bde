package dev.gatehouse.sim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.access.RoleRules;
import dev.gatehouse.sim.odata.QueryOptions;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireRequest;
import dev.gatehouse.sim.wire.Wire;

import java.io.IOException;

import java.util.Map;

/**
 * What an endpoint gets: the request, the path variables its route pattern named, the tenant (locked for
 * reading or writing by the pipeline), the signed-in user acting, the role rules, and the service root
 * ({@code http://127.0.0.1:N/v1.0}) for the absolute URLs Graph writes into bodies and headers.
 */
public record ApiCall(WireRequest request, Map<String, String> pathVariables, TenantState state, SimUser actor,
                      RoleRules rules, String serviceRoot) {

    public String path(String variable) {
        String value = pathVariables.get(variable);
        if (value == null) {
            throw new IllegalStateException("Route has no path variable {" + variable + "}");
        }
        return value;
    }

    public QueryOptions options() {
        return QueryOptions.from(request);
    }

    /** {@code @odata.context} for a fragment such as {@code users/$entity}. */
    public String context(String fragment) {
        return serviceRoot + "/$metadata#" + fragment;
    }

    /** The request body as a JSON object; an empty body reads as {@code {}}, anything but an object is Graph's 400. */
    public ObjectNode body() {
        if (request.body().length == 0) {
            return Wire.object();
        }
        try {
            JsonNode body = Wire.MAPPER.readTree(request.body());
            if (body instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException malformed) {
            // answered below
        }
        throw GraphException.unreadableBody();
    }

    /** The user named by a path variable (object id or UPN), or Graph's 404. */
    public SimUser user(String variable) {
        String idOrUpn = path(variable);
        return state.user(idOrUpn).orElseThrow(() -> GraphException.resourceNotFound(idOrUpn));
    }
}
