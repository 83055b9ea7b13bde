package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.tenant.RequiredAccess;
import dev.gatehouse.domain.tenant.SignedInAdmin;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The roles the set-up's writes need, and the refusal an admin without them reads before any request is sent, rather
 * than a Graph 403 halfway through. Roles are the signed-in admin's active, tenant-wide ones: a PIM-eligible role
 * that is not activated does not count, as Entra would not count it either.
 */
public final class SetupAccess {

    /** Creating the accounts (user-post-users). */
    static final RequiredAccess ACCOUNTS = RequiredAccess.of("User.ReadWrite.All", "User Administrator",
            "Global Administrator");
    /** A role-assignable group and its members (graph-facts §3: Group.ReadWrite.All is not enough). */
    static final RequiredAccess GROUP = RequiredAccess.of("Group.ReadWrite.All and RoleManagement.ReadWrite.Directory",
            "Privileged Role Administrator", "Global Administrator").withLicence("Microsoft Entra ID P1");
    /** A permanent Global Administrator assignment (graph-facts §4). */
    static final RequiredAccess ROLE = RequiredAccess.of("RoleManagement.ReadWrite.Directory",
            "Privileged Role Administrator", "Global Administrator");
    /** A method configuration of the authentication methods policy (graph-facts §5.2). */
    static final RequiredAccess METHODS_POLICY = RequiredAccess.of("Policy.ReadWrite.AuthenticationMethod",
            "Authentication Policy Administrator", "Global Administrator");
    /**
     * A pass for an account that holds Global Administrator: an Authentication Administrator may issue passes to
     * non-admins only (graph-facts §2), so a Privileged Authentication Administrator or Global Administrator.
     */
    static final RequiredAccess TAP = RequiredAccess.of("UserAuthenticationMethod.ReadWrite.All",
            "Privileged Authentication Administrator", "Global Administrator");

    private SetupAccess() {
    }

    /**
     * The set-up as a whole: it makes Global Administrators and a role-assignable group, which only a Privileged Role
     * Administrator or Global Administrator may do. Asked first, so an Authentication Administrator (or anyone else)
     * is told before anything is sent.
     */
    public static Optional<String> gate(SignedInAdmin admin) {
        if (holdsAny(admin, DirectoryRole.GLOBAL_ADMINISTRATOR, DirectoryRole.PRIVILEGED_ROLE_ADMINISTRATOR)) {
            return Optional.empty();
        }
        return Optional.of("Setting up emergency-access accounts needs a Privileged Role Administrator or Global "
                + "Administrator: it makes each account a permanent Global Administrator and puts them in a "
                + "role-assignable group, which no lesser role may do. You are signed in as " + who(admin) + " with "
                + roles(admin) + ". Nothing was sent. Sign in as a Global Administrator (or activate that role in "
                + "Privileged Identity Management first), or ask one to run the set-up.");
    }

    /** Why this admin may not run a stage that needs {@code access}; empty when they hold one of its roles. */
    static Optional<String> refusal(SignedInAdmin admin, RequiredAccess access, String what) {
        boolean holds = admin.roles().stream().filter(RoleAssignment::tenantWide)
                .anyMatch(r -> r.knownRole().map(role -> access.roles().contains(role.displayName())).orElse(false));
        if (holds) {
            return Optional.empty();
        }
        return Optional.of(what + " needs " + access.rolesSentence() + ". You are signed in as " + who(admin)
                + " with " + roles(admin) + ". Nothing was sent.");
    }

    private static boolean holdsAny(SignedInAdmin admin, DirectoryRole... roles) {
        return Arrays.stream(roles).anyMatch(admin::holds);
    }

    private static String who(SignedInAdmin admin) {
        String upn = admin.profile().userPrincipalName();
        return upn == null ? admin.profile().id() : upn;
    }

    private static String roles(SignedInAdmin admin) {
        List<String> names = admin.roles().stream().filter(RoleAssignment::tenantWide)
                .map(r -> r.roleName() == null ? r.knownRole().map(DirectoryRole::displayName)
                        .orElse(r.roleDefinitionId()) : r.roleName())
                .distinct().collect(Collectors.toList());
        return names.isEmpty() ? "no active admin role" : "the role" + (names.size() == 1 ? " " : "s ")
                + String.join(", ", names);
    }
}
