package dev.gatehouse.domain.tenant;

import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.secret.Secret;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The write side of a tenant's accounts, groups and directory roles, as the emergency-access (break-glass) wizard
 * needs it: cloud-only accounts, one role-assignable group holding them, and a permanent Global Administrator
 * assignment each. Every creation has its undo here, so a plan can say how it is taken back.
 * <p>
 * Only plan steps call it, after the admin confirmed the plan. Every method blocks on the network (never on the FX
 * thread) and fails with a {@link TenantException} in the admin's words; an interrupted thread ends the call as
 * {@link TenantException.Kind#CANCELLED}. A change Graph neither confirmed nor refused (503, 504, a lost connection)
 * is sent once and reported as "may or may not have been applied". A new account's password is sent once and
 * reaches no log, call log, exception message or JSON.
 */
public interface DirectoryWriter {

    /**
     * {@code POST /users}: an enabled, cloud-only member account. Licences are not assigned.
     * Undo: {@link #deleteUser}.
     */
    CreatedUser createUser(NewUser user);

    /**
     * {@code DELETE /users/{id}}. Entra keeps the account in deleted items for 30 days, where it can be restored; its
     * role assignments go with it. Deleting an administrator, or a member of a role-assignable group, takes Privileged
     * Authentication Administrator or Global Administrator.
     */
    void deleteUser(String userId);

    /**
     * {@code POST /groups} with {@code isAssignableToRole}: a security group (not mail-enabled) whose membership is
     * assigned, never dynamic, and only Privileged Role Administrators and Global Administrators can change. Graph
     * cannot make an existing group role-assignable, nor this one ordinary. Needs Entra ID P1.
     * Undo: {@link #deleteRoleAssignableGroup}.
     */
    GroupRef createRoleAssignableGroup(NewGroup group);

    /**
     * {@code DELETE /groups/{id}} of a role-assignable group (the undo of {@link #createRoleAssignableGroup}); any other
     * group is refused before anything is sent. Role assignments made to the group end with it.
     */
    void deleteRoleAssignableGroup(GroupRef group);

    /**
     * {@code POST /groups/{id}/members/$ref}. Who may do it depends on the group: a role-assignable group's members
     * are changed only by Privileged Role Administrators (and Global Administrators). Undo: {@link #removeGroupMember}.
     */
    void addGroupMember(GroupRef group, String memberId);

    /** {@code DELETE /groups/{id}/members/{memberId}/$ref}: the member leaves the group; the account stays. */
    void removeGroupMember(GroupRef group, String memberId);

    /**
     * {@code POST /roleManagement/directory/roleAssignments}: a permanent, active assignment (not PIM-eligible, no end
     * date), as Microsoft advises for emergency-access accounts. Undo: {@link #removeDirectoryRoleAssignment}.
     */
    CreatedRoleAssignment assignDirectoryRole(NewRoleAssignment assignment);

    /** {@code DELETE /roleManagement/directory/roleAssignments/{id}}. */
    void removeDirectoryRoleAssignment(String assignmentId);

    /**
     * {@code POST /users/{id}/assignLicense} with these SKU ids in {@code removeLicenses} and none added: the user
     * loses the licences' services (an emergency-access account needs none). Graph refuses the whole request when
     * the user lacks one of them. Licences given through a group stay; they are taken back by leaving the group.
     */
    void removeLicences(String userId, List<String> skuIds);

    /**
     * A cloud-only account to create.
     *
     * @param userPrincipalName             on a verified domain of the tenant (for emergency access: the initial
     *                                      {@code *.onmicrosoft.com} one)
     * @param password                      generated locally and shown to nobody but the admin; sent once
     * @param forceChangePasswordNextSignIn false for an emergency-access account, whose password is kept, not changed
     * @param usageLocation                 a two-letter country code, only when a licence or a service needs one
     */
    record NewUser(String userPrincipalName, String displayName, String mailNickname, Secret password,
                   boolean forceChangePasswordNextSignIn, Optional<String> usageLocation) {

        public NewUser {
            Objects.requireNonNull(userPrincipalName, "userPrincipalName");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(mailNickname, "mailNickname");
            Objects.requireNonNull(password, "password");
            usageLocation = usageLocation == null ? Optional.empty() : usageLocation;
        }
    }

    /** The account Graph created. */
    record CreatedUser(String id, String userPrincipalName, String displayName) {
    }

    /**
     * A role-assignable security group to create.
     *
     * @param mailNickname required by Graph even for a group without mail
     * @param description  may be null
     */
    record NewGroup(String displayName, String mailNickname, String description) {

        public NewGroup {
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(mailNickname, "mailNickname");
        }
    }

    /**
     * A role to give a user or a role-assignable group.
     *
     * @param roleDefinitionId the role's template id (Graph accepts it as the definition id)
     * @param directoryScopeId {@code /} for the whole tenant
     */
    record NewRoleAssignment(String roleDefinitionId, String principalId, String directoryScopeId) {

        public NewRoleAssignment {
            Objects.requireNonNull(roleDefinitionId, "roleDefinitionId");
            Objects.requireNonNull(principalId, "principalId");
            Objects.requireNonNull(directoryScopeId, "directoryScopeId");
        }

        /** The role over the whole tenant ({@code directoryScopeId} {@code /}). */
        public static NewRoleAssignment tenantWide(DirectoryRole role, String principalId) {
            return new NewRoleAssignment(role.templateId(), principalId, "/");
        }
    }

    /** An assignment Graph created; {@code id} is what {@link #removeDirectoryRoleAssignment} takes. */
    record CreatedRoleAssignment(String id, String roleDefinitionId, String principalId, String directoryScopeId) {
    }
}
