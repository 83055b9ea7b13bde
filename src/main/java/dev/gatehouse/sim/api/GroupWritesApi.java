package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.audit.AuditActivity;
import dev.gatehouse.sim.audit.DirectoryAuditLog;
import dev.gatehouse.sim.audit.DirectoryAuditLog.ModifiedProperty;
import dev.gatehouse.sim.http.ApiCall;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.state.SimGroup;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes to groups: {@code POST /groups} (group-post-groups: displayName, mailEnabled, mailNickname and
 * securityEnabled required; {@code isAssignableToRole} only at creation, only with Entra ID P1 and a
 * Privileged Role Administrator, never dynamic, at most 500 per tenant), {@code PATCH /groups/{id}} of names
 * (never {@code isAssignableToRole}), {@code DELETE /groups/{id}} (204), and membership through
 * {@code POST /groups/{id}/members/$ref} and {@code DELETE /groups/{id}/members/{id}/$ref} (204; a
 * role-assignable group takes no nested groups and only role managers change it; graph-facts §3).
 */
public final class GroupWritesApi {

    static final int ROLE_ASSIGNABLE_LIMIT = 500;

    private static final Set<String> WRITABLE = Set.of("displayName", "description", "mailEnabled", "mailNickname",
            "securityEnabled", "groupTypes", "isAssignableToRole", "visibility", "membershipRule",
            "membershipRuleProcessingState", "members@odata.bind", "owners@odata.bind");

    private GroupWritesApi() {
    }

    public static void register(Router router) {
        router.post("/groups", GroupWritesApi::create)
                .patch("/groups/{groupId}", GroupWritesApi::update)
                .delete("/groups/{groupId}", GroupWritesApi::delete)
                .post("/groups/{groupId}/members/$ref", GroupWritesApi::addMember)
                .delete("/groups/{groupId}/members/{memberId}/$ref", GroupWritesApi::removeMember);
    }

    private static Reply create(ApiCall call) {
        TenantState state = call.state();
        Body body = new Body(call.body());
        body.json().fieldNames().forEachRemaining(name -> {
            if (!WRITABLE.contains(name) && !name.startsWith("@")) {
                if (DirectoryShapes.group().declares(name)) {
                    throw GraphException.directoryBadRequest("The demo tenant does not set the property '" + name
                            + "' of a group.");
                }
                throw GraphException.unknownBodyProperty(name, DirectoryShapes.GROUP);
            }
        });
        boolean roleAssignable = body.bool("isAssignableToRole").orElse(false);
        if (roleAssignable && !state.hasEntraIdPremium()) {
            throw GraphException.notLicensed();
        }
        if (!call.rules().canCreateGroups(call.actor(), roleAssignable)) {
            throw GraphException.insufficientPrivileges();
        }
        String displayName = body.requiredText("displayName", GraphException.requiredProperty("displayName"));
        boolean mailEnabled = body.bool("mailEnabled").orElseThrow(() -> GraphException.requiredProperty("mailEnabled"));
        String mailNickname = body.requiredText("mailNickname", GraphException.requiredProperty("mailNickname"));
        boolean securityEnabled = body.bool("securityEnabled")
                .orElseThrow(() -> GraphException.requiredProperty("securityEnabled"));
        List<String> groupTypes = body.strings("groupTypes").orElse(List.of());
        String membershipRule = body.text("membershipRule").orElse(null);
        if (roleAssignable) {
            if (!securityEnabled || membershipRule != null || groupTypes.contains("DynamicMembership")) {
                throw GraphException.directoryBadRequest("A role-assignable group must be a security group with "
                        + "assigned membership; dynamic membership is not supported.");
            }
            long existing = state.groups().stream().filter(SimGroup::roleAssignable).count();
            if (existing >= ROLE_ASSIGNABLE_LIMIT) {
                throw GraphException.directoryBadRequest("The tenant already has the maximum of " + ROLE_ASSIGNABLE_LIMIT
                        + " role-assignable groups.");
            }
        }
        if (groupTypes.contains("Unified") && state.groups().stream()
                .anyMatch(g -> mailNickname.equalsIgnoreCase(g.mailNickname()))) {
            throw GraphException.directoryBadRequest(
                    "Another object with the same value for property mailNickname already exists.");
        }
        SimGroup group = new SimGroup(UUID.randomUUID().toString(), displayName)
                .description(body.text("description").orElse(null))
                .mailEnabled(mailEnabled)
                .mailNickname(mailNickname)
                .securityEnabled(securityEnabled)
                .groupTypes(groupTypes)
                .membershipRule(membershipRule)
                .visibility(body.text("visibility").orElse(null))
                .createdDateTime(state.now());
        if (body.has("isAssignableToRole")) {
            group.isAssignableToRole(roleAssignable);
        }
        List<String> members = boundIds(body, "members@odata.bind", state);
        List<String> owners = boundIds(body, "owners@odata.bind", state);
        for (String member : members) {
            checkMember(group, member, state);
        }
        state.addGroup(group);
        group.members().addAll(members);
        group.owners().addAll(owners);
        DirectoryAuditLog audit = new DirectoryAuditLog(state);
        audit.record(call.actor(), AuditActivity.ADD_GROUP, "", DirectoryAuditLog.group(group,
                ModifiedProperty.of("DisplayName", null, displayName),
                ModifiedProperty.of("IsAssignableToRole", null, roleAssignable)));
        members.forEach(member -> auditMembership(call, AuditActivity.ADD_MEMBER_TO_GROUP, group, member));
        return new Reply.Created(new Reply.Entity<>(DirectoryShapes.group(), group, "groups"));
    }

    /**
     * PATCH of a group's names and visibility (204). {@code isAssignableToRole} is set at creation only; other
     * group properties are not modelled by the demo tenant and are refused rather than dropped.
     */
    private static Reply update(ApiCall call) {
        SimGroup group = DirectoryApi.group(call);
        if (!call.rules().canManageGroup(call.actor(), group)) {
            throw GraphException.insufficientPrivileges();
        }
        Body body = new Body(call.body());
        if (body.has("isAssignableToRole")) {
            throw GraphException.directoryBadRequest("The property isAssignableToRole can only be set when the group "
                    + "is created.");
        }
        List<ModifiedProperty> changed = new ArrayList<>();
        body.json().fieldNames().forEachRemaining(name -> {
            if (name.startsWith("@")) {
                return;
            }
            if (!Set.of("displayName", "description", "mailNickname", "visibility").contains(name)) {
                if (DirectoryShapes.group().declares(name)) {
                    throw GraphException.directoryBadRequest("The demo tenant does not update the property '" + name
                            + "' of a group.");
                }
                throw GraphException.unknownBodyProperty(name, DirectoryShapes.GROUP);
            }
            changed.add(ModifiedProperty.of(name, null, body.json().get(name).asText()));
        });
        body.text("displayName").ifPresent(group::displayName);
        body.text("mailNickname").ifPresent(group::mailNickname);
        if (body.has("description")) {
            group.description(body.text("description").orElse(null));
        }
        if (body.has("visibility")) {
            group.visibility(body.text("visibility").orElse(null));
        }
        new DirectoryAuditLog(call.state()).record(call.actor(), AuditActivity.UPDATE_GROUP, "",
                DirectoryAuditLog.group(group, changed.toArray(ModifiedProperty[]::new)));
        return new Reply.Raw(WireResponse.empty(204));
    }

    /**
     * group-delete: 204, by whoever may manage the group (for a role-assignable group a Privileged Role Administrator
     * or Global Administrator). Roles assigned to the group end with it.
     */
    private static Reply delete(ApiCall call) {
        SimGroup group = DirectoryApi.group(call);
        if (!call.rules().canManageGroup(call.actor(), group)) {
            throw GraphException.insufficientPrivileges();
        }
        call.state().removeGroup(group.id());
        new DirectoryAuditLog(call.state()).record(call.actor(), AuditActivity.DELETE_GROUP, "",
                DirectoryAuditLog.group(group));
        return new Reply.Raw(WireResponse.empty(204));
    }

    private static Reply addMember(ApiCall call) {
        SimGroup group = DirectoryApi.group(call);
        TenantState state = call.state();
        if (!call.rules().canManageGroup(call.actor(), group)) {
            throw GraphException.insufficientPrivileges();
        }
        Body body = new Body(call.body());
        String reference = body.requiredText("@odata.id", GraphException.requiredProperty("@odata.id"));
        String memberId = objectId(reference, state);
        if (group.membershipRule() != null) {
            throw GraphException.directoryBadRequest("Members of a group with dynamic membership are set by its rule.");
        }
        if (group.members().contains(memberId)) {
            throw GraphException.directoryBadRequest("One or more added object references already exist for the "
                    + "following modified properties: 'members'.");
        }
        checkMember(group, memberId, state);
        group.members().add(memberId);
        auditMembership(call, AuditActivity.ADD_MEMBER_TO_GROUP, group, memberId);
        return new Reply.Raw(WireResponse.empty(204));
    }

    private static Reply removeMember(ApiCall call) {
        SimGroup group = DirectoryApi.group(call);
        if (!call.rules().canManageGroup(call.actor(), group)) {
            throw GraphException.insufficientPrivileges();
        }
        String memberId = call.path("memberId");
        String stored = group.members().stream().filter(m -> m.equalsIgnoreCase(memberId)).findFirst()
                .orElseThrow(() -> GraphException.resourceNotFound(memberId));
        group.members().remove(stored);
        auditMembership(call, AuditActivity.REMOVE_MEMBER_FROM_GROUP, group, stored);
        return new Reply.Raw(WireResponse.empty(204));
    }

    /** Role-assignable groups hold users only (no nesting); no group holds itself. */
    private static void checkMember(SimGroup group, String memberId, TenantState state) {
        boolean isGroup = state.group(memberId).isPresent();
        if (isGroup && group.roleAssignable()) {
            throw GraphException.directoryBadRequest("A group cannot be added as a member of a role-assignable group: "
                    + "nested groups are not supported.");
        }
        if (memberId.equalsIgnoreCase(group.id())) {
            throw GraphException.directoryBadRequest("A group cannot be a member of itself.");
        }
    }

    private static List<String> boundIds(Body body, String property, TenantState state) {
        List<String> ids = new ArrayList<>();
        for (String reference : body.strings(property).orElse(List.of())) {
            ids.add(objectId(reference, state));
        }
        return ids;
    }

    /**
     * The object id at the end of an {@code @odata.id} such as
     * {@code https://graph.microsoft.com/v1.0/directoryObjects/{id}} (also {@code users/{id}}, {@code groups/{id}}).
     */
    static String objectId(String reference, TenantState state) {
        String id = reference.substring(reference.lastIndexOf('/') + 1);
        return state.user(id).map(SimUser::id)
                .or(() -> state.group(id).map(SimGroup::id))
                .orElseThrow(() -> GraphException.resourceNotFound(id));
    }

    private static void auditMembership(ApiCall call, AuditActivity activity, SimGroup group, String memberId) {
        TenantState state = call.state();
        ObjectNode target = state.user(memberId).map(DirectoryAuditLog::user)
                .orElseGet(() -> DirectoryAuditLog.group(state.group(memberId).orElseThrow()));
        new DirectoryAuditLog(state).record(call.actor(), activity, "", DirectoryAuditLog.group(group), target);
    }
}
