package dev.gatehouse.sim.http;

import dev.gatehouse.sim.access.RoleRules;
import dev.gatehouse.sim.odata.QueryOptions;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.GraphRequest;

import java.util.Map;

/**
 * What an endpoint gets: the request, the path variables its route pattern named, the tenant (locked for
 * reading or writing by the pipeline), the signed-in user acting and the role rules.
 */
public record ApiCall(GraphRequest request, Map<String, String> pathVariables, TenantState state, SimUser actor,
                      RoleRules rules) {

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

    /** The user named by a path variable (object id or UPN), or Graph's 404. */
    public SimUser user(String variable) {
        String idOrUpn = path(variable);
        return state.user(idOrUpn).orElseThrow(() -> GraphException.resourceNotFound(idOrUpn));
    }
}
