package dev.gatehouse.sim.api;

import dev.gatehouse.sim.http.ApiCall;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.odata.EntityShape;
import dev.gatehouse.sim.odata.QueryOptions;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.state.RoleCatalog;
import dev.gatehouse.sim.state.SimGroup;
import dev.gatehouse.sim.state.SimRoleAssignment;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users, groups and their memberships: {@code /users}, {@code /users/{id|upn}}, {@code memberOf},
 * {@code transitiveMemberOf} (with the {@code microsoft.graph.group} cast) of users and of groups,
 * {@code /groups}, {@code /groups/{id}}, {@code /groups/{id}/members} and {@code /groups/{id}/owners} (with the
 * {@code microsoft.graph.user} cast). {@code /me} reaches the user routes through the pipeline's alias.
 */
public final class DirectoryApi {

    private static final String ADVANCED_CAST = "The OData cast on transitiveMemberOf is not supported because the "
            + "required parameters might be missing. Try adding $count=true query parameter and "
            + "ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information";

    private DirectoryApi() {
    }

    public static void register(Router router) {
        router.get("/users", DirectoryApi::listUsers)
                .get("/users/{userId}", DirectoryApi::getUser)
                .get("/users/{userId}/memberOf", call -> memberships(call, call.user("userId").id(), false, false))
                .get("/users/{userId}/memberOf/microsoft.graph.group",
                        call -> memberships(call, call.user("userId").id(), false, true))
                .get("/users/{userId}/transitiveMemberOf", call -> memberships(call, call.user("userId").id(), true, false))
                .get("/users/{userId}/transitiveMemberOf/microsoft.graph.group",
                        call -> memberships(call, call.user("userId").id(), true, true))
                .get("/groups/{groupId}/memberOf", call -> memberships(call, group(call).id(), false, false))
                .get("/groups/{groupId}/memberOf/microsoft.graph.group",
                        call -> memberships(call, group(call).id(), false, true))
                .get("/groups/{groupId}/transitiveMemberOf", call -> memberships(call, group(call).id(), true, false))
                .get("/groups/{groupId}/transitiveMemberOf/microsoft.graph.group",
                        call -> memberships(call, group(call).id(), true, true))
                .get("/groups", DirectoryApi::listGroups)
                .get("/groups/{groupId}", DirectoryApi::getGroup)
                .get("/groups/{groupId}/members", call -> principals(call, group(call).members(), false))
                .get("/groups/{groupId}/members/microsoft.graph.user",
                        call -> principals(call, group(call).members(), true))
                .get("/groups/{groupId}/owners", call -> principals(call, group(call).owners(), false))
                .get("/groups/{groupId}/owners/microsoft.graph.user",
                        call -> principals(call, group(call).owners(), true));
    }

    static String initialDomain(TenantState state) {
        for (var domain : state.organization().path("verifiedDomains")) {
            if (domain.path("isInitial").asBoolean()) {
                return domain.path("name").asText();
            }
        }
        return "";
    }

    private static Reply listUsers(ApiCall call) {
        refuseGuests(call);
        return new Reply.Collection<>(DirectoryShapes.user(call.state()), call.state().users(), "users",
                Reply.Paging.DIRECTORY);
    }

    private static Reply getUser(ApiCall call) {
        SimUser user = call.user("userId");
        return new Reply.Entity<>(DirectoryShapes.user(call.state()), user, "users");
    }

    private static Reply listGroups(ApiCall call) {
        refuseGuests(call);
        return new Reply.Collection<>(DirectoryShapes.group(), call.state().groups(), "groups", Reply.Paging.DIRECTORY);
    }

    private static Reply getGroup(ApiCall call) {
        return new Reply.Entity<>(DirectoryShapes.group(), group(call), "groups");
    }

    /**
     * Direct memberships are the groups listing the principal (a user or a group) plus the directory roles
     * assigned to it; transitive ones add nested groups and roles assigned to those groups.
     */
    private static Reply memberships(ApiCall call, String principalId, boolean transitive, boolean groupsOnly) {
        TenantState state = call.state();
        if (transitive && groupsOnly && !QueryOptions.from(call.request()).advanced()) {
            throw GraphException.unsupportedQuery(ADVANCED_CAST);
        }
        List<SimGroup> groups = transitive ? state.transitiveGroupsOf(principalId) : state.groupsWithMember(principalId);
        List<Object> items = new ArrayList<>(groups);
        if (!groupsOnly) {
            Set<String> principals = new LinkedHashSet<>();
            principals.add(principalId);
            if (transitive) {
                groups.forEach(g -> principals.add(g.id()));
            }
            Set<String> roleIds = new LinkedHashSet<>();
            for (String principal : principals) {
                state.assignmentsOf(principal).stream().filter(a -> a.directoryScopeId().equals("/"))
                        .map(SimRoleAssignment::roleDefinitionId).forEach(roleIds::add);
            }
            for (String templateId : roleIds) {
                items.add(roleObject(state, templateId));
            }
        }
        String fragment = groupsOnly ? "groups" : "directoryObjects";
        if (groupsOnly) {
            return new Reply.Collection<>(DirectoryShapes.group(), groups, DirectoryShapes.GROUP, fragment,
                    Reply.Paging.DIRECTORY, true, Map.of());
        }
        EntityShape<Object> shape = DirectoryShapes.directoryObjects(state);
        return new Reply.Collection<>(shape, items, DirectoryShapes.DIRECTORY_OBJECT, fragment, Reply.Paging.DIRECTORY,
                true, Map.of());
    }

    /** A group's members or owners (group-list-members, group-list-owners): directory objects, or users by cast. */
    private static Reply principals(ApiCall call, Set<String> ids, boolean usersOnly) {
        TenantState state = call.state();
        List<Object> items = new ArrayList<>();
        for (String id : ids) {
            state.user(id).ifPresentOrElse(items::add, () -> state.group(id).ifPresent(items::add));
        }
        if (usersOnly) {
            List<SimUser> users = items.stream().filter(SimUser.class::isInstance).map(SimUser.class::cast).toList();
            return new Reply.Collection<>(DirectoryShapes.user(state), users, DirectoryShapes.USER,
                    "users", Reply.Paging.DIRECTORY, true, Map.of());
        }
        return new Reply.Collection<>(DirectoryShapes.directoryObjects(state), items,
                DirectoryShapes.DIRECTORY_OBJECT, "directoryObjects", Reply.Paging.DIRECTORY, true, Map.of());
    }

    static DirectoryRoleObject roleObject(TenantState state, String templateId) {
        RoleCatalog roles = state.roles();
        return new DirectoryRoleObject(RoleCatalog.directoryRoleObjectId(state.tenantId(), templateId), templateId,
                roles.displayName(templateId), roles.description(templateId));
    }

    static SimGroup group(ApiCall call) {
        String id = call.path("groupId");
        return call.state().group(id).orElseThrow(() -> GraphException.resourceNotFound(id));
    }

    /** Guests cannot list users or groups ("Guest users cannot call this API", default guest permissions). */
    private static void refuseGuests(ApiCall call) {
        if (call.actor().guest()) {
            throw GraphException.insufficientPrivileges();
        }
    }
}
