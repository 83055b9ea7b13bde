package dev.gatehouse.graph;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The delegated Graph permissions each workspace asks for, requested when the workspace is first used rather
 * than all at sign-in. Each entry is the least-privileged delegated permission for the calls the workspace
 * makes, per the permission tables of the Graph v1.0 API reference.
 */
public enum PermissionSet {

    USERS_READ("Users (read-only)", List.of(
            new Permission("User.Read",
                    "sign you in and read your own profile and the organisation (GET /me, GET /organization)"),
            new Permission("User.Read.All",
                    "list, search and read users' full profiles: account enabled, synced, guest, sessions valid from"),
            new Permission("UserAuthenticationMethod.Read.All",
                    "list another user's authentication methods (GET /users/{id}/authentication/methods)"),
            new Permission("RoleManagement.Read.Directory",
                    "read directory role assignments, to tell admins from other users and to find who holds Global "
                            + "Administrator (the emergency-access accounts), and with Entra ID P2 whether Privileged "
                            + "Identity Management makes that role eligible or time-bound"),
            new Permission("GroupMember.Read.All",
                    "read the names of a user's groups (without it Graph returns only their ids), and groups and their "
                            + "members, to find and check the emergency-access group"),
            new Permission("AuditLog.Read.All",
                    "read when a user's phone, email and OATH methods were registered, which Graph records only in "
                            + "the directory audit log (GET /auditLogs/directoryAudits), what was done to the "
                            + "emergency-access accounts and when they last signed in (GET /auditLogs/signIns)"))),

    POLICIES_READ("Authentication policies (read-only)", List.of(
            new Permission("Policy.Read.AuthenticationMethod",
                    "read the authentication methods policy: which methods are enabled for whom, the TAP limits"),
            new Permission("Policy.Read.All",
                    "read Conditional Access policies, the authentication strengths they require and whether security "
                            + "defaults are on, and run What If (POST /identity/conditionalAccess/evaluate)"),
            new Permission("LicenseAssignment.Read.All",
                    "read the tenant's subscriptions (GET /subscribedSkus), to tell whether it has Entra ID P1"),
            new Permission("AuditLog.Read.All",
                    "read the user registration details report, to find who has no passkey or other method to "
                            + "register with (GET /reports/authenticationMethods/userRegistrationDetails)"))),

    USER_RECOVERY("User recovery actions", List.of(
            new Permission("User.RevokeSessions.All",
                    "revoke a user's sign-in sessions (POST /users/{id}/revokeSignInSessions)"),
            new Permission("User.EnableDisableAccount.All",
                    "disable and re-enable an account (PATCH /users/{id} accountEnabled)"),
            new Permission("UserAuthenticationMethod.ReadWrite.All",
                    "delete a user's authentication methods, issue a Temporary Access Pass, reset the password and "
                            + "follow the reset until it finishes"))),

    DIRECTORY_WRITES("Accounts, groups and roles (changes)", List.of(
            new Permission("User.ReadWrite.All", "create an emergency-access account, and delete it to undo that"),
            new Permission("Group.ReadWrite.All", "create the role-assignable group that holds the accounts"),
            new Permission("GroupMember.ReadWrite.All", "add members to a group and remove them"),
            new Permission("RoleManagement.ReadWrite.Directory",
                    "make the group role-assignable and change its members, and give or remove a directory role "
                            + "(POST and DELETE /roleManagement/directory/roleAssignments)"),
            new Permission("LicenseAssignment.ReadWrite.All",
                    "take licences off an emergency-access account, which needs none (POST /users/{id}/assignLicense)"))),

    POLICY_WRITES("Authentication policies (changes)", List.of(
            new Permission("Policy.ReadWrite.AuthenticationMethod",
                    "turn FIDO2 and the Temporary Access Pass on for a group, and restore their settings"),
            new Permission("Policy.ReadWrite.ConditionalAccess",
                    "create and delete authentication strengths and Conditional Access policies, change a "
                            + "policy's state, and exclude the emergency-access group from a policy"),
            new Permission("Policy.Read.All",
                    "read Conditional Access policies back, which their write APIs require with the write permission")));

    /** One delegated permission and why Gatehouse needs it, in words for the consent explanation. */
    public record Permission(String name, String reason) {
    }

    private final String workspace;
    private final List<Permission> permissions;

    PermissionSet(String workspace, List<Permission> permissions) {
        this.workspace = workspace;
        this.permissions = List.copyOf(permissions);
    }

    public String workspace() {
        return workspace;
    }

    public List<Permission> permissions() {
        return permissions;
    }

    /** Permission names in a stable order, as MSAL scopes (before cloud qualification). */
    public Set<String> scopes() {
        Set<String> names = new LinkedHashSet<>();
        permissions.forEach(p -> names.add(p.name()));
        return names;
    }
}
