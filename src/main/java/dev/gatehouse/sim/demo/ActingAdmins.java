package dev.gatehouse.sim.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.access.RoleRules;
import dev.gatehouse.sim.http.ApiCall;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.state.SimGroup;
import dev.gatehouse.sim.state.SimRoleAssignment;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.Wire;
import dev.gatehouse.sim.wire.WireResponse;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who a plain bearer token acts as, under {@code /_demo/}: the admins a trainer may switch to ({@code GET /actors}) and
 * the switch itself ({@code POST /actor}), so the guardrails of a smaller role can be shown without a second account.
 */
public final class ActingAdmins {

    private ActingAdmins() {
    }

    public static void register(Router router) {
        router.get("/actors", ActingAdmins::list)
                .post("/actor", ActingAdmins::switchActor);
    }

    /**
     * The enabled members who hold an active directory role (directly or through a role-assignable group), with the
     * roles' names, ordered by display name; and who the scenario's admin and the current actor are.
     */
    private static Reply list(ApiCall call) {
        TenantState state = call.state();
        return state.read(() -> {
            RoleRules rules = new RoleRules(state);
            ObjectNode body = Wire.object();
            body.put("signedInAdmin", state.signedInAdmin().map(SimUser::userPrincipalName).orElse(null));
            body.put("scenarioAdmin", state.scenarioAdmin().map(SimUser::userPrincipalName).orElse(null));
            ArrayNode admins = body.putArray("admins");
            for (SimUser user : roleHolders(state)) {
                List<String> roles = rules.activeRoleTemplateIds(user.id()).stream()
                        .map(state.roles()::displayName).sorted().toList();
                if (!roles.isEmpty()) {
                    ObjectNode admin = admins.addObject();
                    admin.put("userPrincipalName", user.userPrincipalName());
                    admin.put("displayName", user.displayName());
                    admin.set("roles", Wire.strings(roles));
                }
            }
            return answer(body);
        });
    }

    /** Users named by a role assignment, or members of a group that is: the only places roles come from. */
    private static List<SimUser> roleHolders(TenantState state) {
        Set<String> ids = new LinkedHashSet<>();
        for (SimRoleAssignment assignment : state.roleAssignments()) {
            Optional<SimGroup> group = state.group(assignment.principalId());
            if (group.isPresent()) {
                ids.addAll(group.get().members());
            } else {
                ids.add(assignment.principalId());
            }
        }
        return ids.stream().map(state::user).flatMap(Optional::stream)
                .filter(user -> !user.guest() && user.accountEnabled())
                .sorted(Comparator.comparing(SimUser::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** {@code {"userPrincipalName": …}}: plain bearer tokens act as this member from now on (until a reset). */
    private static Reply switchActor(ApiCall call) {
        TenantState state = call.state();
        String upn = call.body().path("userPrincipalName").asText("");
        return state.write(() -> {
            SimUser user = state.user(upn).orElseThrow(() -> GraphException.resourceNotFound(upn));
            if (user.guest() || !user.accountEnabled()) {
                throw GraphException.badRequest("The signed-in admin must be an enabled member of the tenant.");
            }
            state.signedInAdmin(user.id());
            ObjectNode answer = Wire.object();
            answer.put("signedInAdmin", user.userPrincipalName());
            return answer(answer);
        });
    }

    private static Reply answer(ObjectNode body) {
        return new Reply.Raw(WireResponse.json(200, body));
    }
}
