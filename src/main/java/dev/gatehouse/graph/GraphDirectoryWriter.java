package dev.gatehouse.graph;

import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.ReferenceCreate;
import com.microsoft.graph.models.UnifiedRoleAssignment;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.tenant.DirectoryWriter;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link DirectoryWriter} over Microsoft Graph v1.0 and the SDK's typed models, with the {@link GraphTenantWriter}
 * discipline: each request is one {@link GraphOperation} through the gateway (cancellable, logged without bodies,
 * errors mapped), sent once, so a change Graph may or may not have carried out is reported as such. Uses the
 * {@link PermissionSet#DIRECTORY_WRITES} scopes. The new account's password travels only in the SDK model of the
 * one POST, cleared once it is sent.
 */
final class GraphDirectoryWriter implements DirectoryWriter {

    /** Graph's answer to a second identical role assignment or group membership (HTTP 400, Request_BadRequest). */
    private static final List<String> ALREADY_THERE = List.of("conflicting object", "already exist");

    private final GraphGateway gateway;

    GraphDirectoryWriter(GraphGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public CreatedUser createUser(NewUser request) {
        PasswordProfile password = new PasswordProfile();
        password.setPassword(request.password().reveal());
        password.setForceChangePasswordNextSignIn(request.forceChangePasswordNextSignIn());
        User user = new User();
        user.setAccountEnabled(true);
        user.setDisplayName(request.displayName());
        user.setMailNickname(request.mailNickname());
        user.setUserPrincipalName(request.userPrincipalName());
        user.setPasswordProfile(password);
        request.usageLocation().ifPresent(user::setUsageLocation);
        String subject = "the account '" + request.userPrincipalName() + "'";
        try {
            User created = gateway.call(GraphOperation.CREATE_USER, subject, () -> client().users().post(user));
            String id = Created.id(created == null ? null : created.getId(), subject);
            return new CreatedUser(id, created.getUserPrincipalName(), created.getDisplayName());
        } finally {
            password.setPassword(null);
        }
    }

    @Override
    public void deleteUser(String userId) {
        String key = GraphTenantDirectory.requireKey(userId);
        run(GraphOperation.DELETE_USER, GraphTenantWriter.subject(key), () -> client().users().byUserId(key).delete());
    }

    @Override
    public GroupRef createRoleAssignableGroup(NewGroup request) {
        Group group = new Group();
        group.setDisplayName(request.displayName());
        group.setDescription(request.description());
        group.setMailNickname(request.mailNickname());
        // a security group without mail, assigned membership: the only kind Entra lets hold roles and Graph creates
        group.setMailEnabled(false);
        group.setSecurityEnabled(true);
        group.setIsAssignableToRole(true);
        String subject = "the group '" + request.displayName() + "'";
        Group created = gateway.call(GraphOperation.CREATE_ROLE_ASSIGNABLE_GROUP, subject,
                () -> client().groups().post(group));
        String id = Created.id(created == null ? null : created.getId(), subject);
        return new GroupRef(id, created.getDisplayName(), Boolean.TRUE.equals(created.getIsAssignableToRole()));
    }

    @Override
    public void deleteRoleAssignableGroup(GroupRef group) {
        if (!group.roleAssignable()) {
            throw new TenantException(Kind.REJECTED, "Gatehouse deletes only the role-assignable groups it creates; "
                    + groupSubject(group) + " is not one. Delete it in the Entra admin center if it must go.");
        }
        run(GraphOperation.DELETE_ROLE_ASSIGNABLE_GROUP, groupSubject(group),
                () -> client().groups().byGroupId(group.id()).delete());
    }

    @Override
    public void addGroupMember(GroupRef group, String memberId) {
        ReferenceCreate member = new ReferenceCreate();
        member.setOdataId(gateway.serviceRoot() + "/directoryObjects/" + memberId);
        GraphOperation operation = group.roleAssignable() ? GraphOperation.ADD_ROLE_ASSIGNABLE_GROUP_MEMBER
                : GraphOperation.ADD_GROUP_MEMBER;
        String subject = membership(group, memberId);
        explainingDuplicates(subject + " already exists: nothing was changed",
                () -> run(operation, subject, () -> client().groups().byGroupId(group.id()).members().ref().post(member)));
    }

    @Override
    public void removeGroupMember(GroupRef group, String memberId) {
        GraphOperation operation = group.roleAssignable() ? GraphOperation.REMOVE_ROLE_ASSIGNABLE_GROUP_MEMBER
                : GraphOperation.REMOVE_GROUP_MEMBER;
        run(operation, membership(group, memberId), () -> client().groups().byGroupId(group.id()).members()
                .byDirectoryObjectId(memberId).ref().delete());
    }

    @Override
    public CreatedRoleAssignment assignDirectoryRole(NewRoleAssignment request) {
        UnifiedRoleAssignment assignment = new UnifiedRoleAssignment();
        assignment.setRoleDefinitionId(request.roleDefinitionId());
        assignment.setPrincipalId(request.principalId());
        assignment.setDirectoryScopeId(request.directoryScopeId());
        String role = DirectoryRole.byTemplateId(request.roleDefinitionId()).map(DirectoryRole::displayName)
                .orElse(request.roleDefinitionId());
        String subject = "the " + role + " role assignment of '" + request.principalId() + "' at scope '"
                + request.directoryScopeId() + "'";
        UnifiedRoleAssignment created = explainingDuplicates(subject + " already exists: nothing was changed",
                () -> gateway.call(GraphOperation.ASSIGN_DIRECTORY_ROLE, subject,
                        () -> client().roleManagement().directory().roleAssignments().post(assignment)));
        String id = Created.id(created == null ? null : created.getId(), subject);
        return new CreatedRoleAssignment(id, created.getRoleDefinitionId(), created.getPrincipalId(),
                created.getDirectoryScopeId());
    }

    @Override
    public void removeDirectoryRoleAssignment(String assignmentId) {
        run(GraphOperation.REMOVE_DIRECTORY_ROLE_ASSIGNMENT, "the role assignment '" + assignmentId + "'",
                () -> client().roleManagement().directory().roleAssignments().byUnifiedRoleAssignmentId(assignmentId)
                        .delete());
    }

    @Override
    public void removeLicences(String userId, List<String> skuIds) {
        String key = GraphTenantDirectory.requireKey(userId);
        if (skuIds.isEmpty()) {
            return;
        }
        AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
        // Graph answers 400 when addLicenses is missing, even to a request that only removes
        body.setAddLicenses(new ArrayList<>());
        body.setRemoveLicenses(skuIds.stream().map(UUID::fromString).toList());
        gateway.call(GraphOperation.REMOVE_LICENCES, "the licences of " + GraphTenantWriter.subject(key),
                () -> client().users().byUserId(key).assignLicense().post(body));
    }

    /**
     * Graph refuses a second identical membership or role assignment with a bare 400 in directory words; the admin
     * is told it already exists, with Graph's words kept.
     */
    private static <T> T explainingDuplicates(String already, Supplier<T> write) {
        try {
            return write.get();
        } catch (TenantException e) {
            boolean duplicate = e.kind() == Kind.REJECTED && e.httpStatus() == 400
                    && ALREADY_THERE.stream().anyMatch(e.getMessage()::contains);
            if (!duplicate) {
                throw e;
            }
            throw new TenantException(Kind.REJECTED, capitalise(already) + ". " + e.getMessage(), e.httpStatus(),
                    e.graphCode(), e.requestId(), e);
        }
    }

    /** One request without an answer body. */
    private Void run(GraphOperation operation, String subject, Runnable request) {
        return gateway.call(operation, subject, () -> {
            request.run();
            return null;
        });
    }

    private static String membership(GroupRef group, String memberId) {
        return "the membership of '" + memberId + "' in " + groupSubject(group);
    }

    private static String groupSubject(GroupRef group) {
        return "the group '" + (group.displayName() == null ? group.id() : group.displayName()) + "'";
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private GraphServiceClient client() {
        return gateway.client(PermissionSet.DIRECTORY_WRITES);
    }
}
