package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.audit.AuditActivity;
import dev.gatehouse.sim.audit.DirectoryAuditLog;
import dev.gatehouse.sim.http.ApiCall;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.odata.DocumentShape;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.odata.TableShape;
import dev.gatehouse.sim.state.SimRoleAssignment;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireResponse;
import dev.gatehouse.sim.wire.Wire;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static dev.gatehouse.sim.wire.Wire.text;

/**
 * {@code /roleManagement/directory/roleDefinitions} and {@code /roleAssignments} (with {@code $filter} on
 * principalId or roleDefinitionId and {@code $expand=roleDefinition} or {@code principal}); assignments are
 * created (POST, 201) and removed (DELETE, 204) by role managers.
 */
public final class RoleManagementApi {

    private static final String DEFINITION = "microsoft.graph.unifiedRoleDefinition";
    private static final String ASSIGNMENT = "microsoft.graph.unifiedRoleAssignment";
    private static final DocumentShape DEFINITIONS = DocumentShape.open(DEFINITION, Set.of("id", "description",
            "displayName", "isBuiltIn", "isEnabled", "resourceScopes", "rolePermissions", "templateId", "version",
            "inheritsPermissionsFrom"));

    private RoleManagementApi() {
    }

    public static void register(Router router) {
        router.get("/roleManagement/directory/roleDefinitions", call -> new Reply.Collection<>(DEFINITIONS,
                        call.state().roles().definitions(), "roleManagement/directory/roleDefinitions", null))
                .get("/roleManagement/directory/roleDefinitions/{definitionId}", RoleManagementApi::definition)
                .get("/roleManagement/directory/roleAssignments", RoleManagementApi::assignments)
                .get("/roleManagement/directory/roleAssignments/{assignmentId}", RoleManagementApi::assignment)
                .post("/roleManagement/directory/roleAssignments", RoleManagementApi::assign)
                .delete("/roleManagement/directory/roleAssignments/{assignmentId}", RoleManagementApi::unassign);
    }

    private static Reply definition(ApiCall call) {
        String id = call.path("definitionId");
        ObjectNode definition = call.state().roles().byId(id).orElseThrow(() -> GraphException.resourceNotFound(id));
        return new Reply.Entity<>(DEFINITIONS, definition, "roleManagement/directory/roleDefinitions");
    }

    private static Reply assignments(ApiCall call) {
        TenantState state = call.state();
        return new Reply.Collection<>(assignmentShape(state), state.roleAssignments(), ASSIGNMENT,
                "roleManagement/directory/roleAssignments", null, false, expansions(state));
    }

    private static Reply assignment(ApiCall call) {
        TenantState state = call.state();
        String id = call.path("assignmentId");
        SimRoleAssignment assignment = state.roleAssignments().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> GraphException.resourceNotFound(id));
        return new Reply.Entity<>(assignmentShape(state), assignment, ASSIGNMENT,
                "roleManagement/directory/roleAssignments", expansions(state));
    }

    /**
     * rbacapplication-post-roleassignments: a permanent, active, tenant-wide assignment of a role to a user or a
     * role-assignable group, made by a Privileged Role Administrator (or Global Administrator). 201.
     */
    private static Reply assign(ApiCall call) {
        if (!call.rules().canAssignRoles(call.actor())) {
            throw GraphException.insufficientPrivileges();
        }
        TenantState state = call.state();
        Body body = new Body(call.body());
        String roleDefinitionId = body.requiredText("roleDefinitionId", GraphException.requiredProperty("roleDefinitionId"));
        String principalId = body.requiredText("principalId", GraphException.requiredProperty("principalId"));
        String scope = body.text("directoryScopeId").orElseThrow(() -> GraphException.directoryBadRequest(
                "Either directoryScopeId or appScopeId must be specified."));
        if (!scope.equals("/")) {
            throw GraphException.directoryBadRequest("The demo tenant assigns roles at the tenant scope '/' only.");
        }
        String templateId = state.roles().byId(roleDefinitionId).map(d -> d.path("templateId").asText())
                .orElseThrow(() -> GraphException.resourceNotFound(roleDefinitionId));
        String principal = state.user(principalId).map(SimUser::id)
                .or(() -> state.group(principalId).map(group -> {
                    if (!group.roleAssignable()) {
                        throw GraphException.directoryBadRequest("The group '" + group.displayName()
                                + "' is not role-assignable: only groups created with isAssignableToRole can hold roles.");
                    }
                    return group.id();
                }))
                .orElseThrow(() -> GraphException.resourceNotFound(principalId));
        SimRoleAssignment assignment = SimRoleAssignment.tenantWide(principal, templateId);
        if (state.roleAssignments().stream().anyMatch(a -> a.id().equals(assignment.id()))) {
            throw GraphException.directoryBadRequest("A conflicting object with one or more of the specified property "
                    + "values is present in the directory.");
        }
        state.addRoleAssignment(assignment);
        new DirectoryAuditLog(state).record(call.actor(), AuditActivity.ADD_MEMBER_TO_ROLE, "",
                principalTarget(state, principal), DirectoryAuditLog.role(templateId, state.roles().displayName(templateId)));
        return new Reply.Created(new Reply.Entity<>(assignmentShape(state), assignment, ASSIGNMENT,
                "roleManagement/directory/roleAssignments", Map.of()));
    }

    private static Reply unassign(ApiCall call) {
        if (!call.rules().canAssignRoles(call.actor())) {
            throw GraphException.insufficientPrivileges();
        }
        TenantState state = call.state();
        String id = call.path("assignmentId");
        SimRoleAssignment assignment = state.roleAssignments().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> GraphException.resourceNotFound(id));
        state.removeRoleAssignment(id);
        new DirectoryAuditLog(state).record(call.actor(), AuditActivity.REMOVE_MEMBER_FROM_ROLE, "",
                principalTarget(state, assignment.principalId()), DirectoryAuditLog.role(assignment.roleDefinitionId(),
                        state.roles().displayName(assignment.roleDefinitionId())));
        return new Reply.Raw(WireResponse.empty(204));
    }

    private static ObjectNode principalTarget(TenantState state, String principalId) {
        return state.user(principalId).map(DirectoryAuditLog::user)
                .orElseGet(() -> DirectoryAuditLog.group(state.group(principalId).orElseThrow()));
    }

    private static TableShape<SimRoleAssignment> assignmentShape(TenantState state) {
        return TableShape.<SimRoleAssignment>builder(ASSIGNMENT)
                .property("id", a -> text(a.id()))
                .property("principalId", a -> text(a.principalId()))
                .property("directoryScopeId", a -> text(a.directoryScopeId()))
                .property("roleDefinitionId", a -> text(a.roleDefinitionId()))
                .selectable("appScopeId", a -> NullNode.instance)
                .selectable("condition", a -> NullNode.instance)
                .selectable("principalOrganizationId", a -> text(state.tenantId()))
                .build();
    }

    private static Map<String, Function<SimRoleAssignment, JsonNode>> expansions(TenantState state) {
        return Map.of(
                "roleDefinition", a -> state.roles().byId(a.roleDefinitionId()).map(d -> (JsonNode) d)
                        .orElse(NullNode.instance),
                "principal", a -> principal(state, a.principalId()));
    }

    private static JsonNode principal(TenantState state, String principalId) {
        ObjectNode node = Wire.object();
        state.user(principalId).ifPresentOrElse(user -> {
            node.put("@odata.type", "#" + DirectoryShapes.USER);
            node.put("id", user.id());
            node.put("accountEnabled", user.accountEnabled());
            node.put("displayName", user.displayName());
            node.put("userPrincipalName", user.userPrincipalName());
            node.put("userType", user.userType());
        }, () -> state.group(principalId).ifPresent(group -> {
            node.put("@odata.type", "#" + DirectoryShapes.GROUP);
            node.put("id", group.id());
            node.put("displayName", group.displayName());
            node.put("isAssignableToRole", group.isAssignableToRole());
        }));
        return node.isEmpty() ? NullNode.instance : node;
    }
}
