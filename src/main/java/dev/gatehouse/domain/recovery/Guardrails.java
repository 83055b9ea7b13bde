package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.role.AdminReach;
import dev.gatehouse.domain.role.AdminReach.Capability;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.tenant.UserDetail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The role pre-check and the target-specific warnings, decided before any plan is offered, so an Authentication
 * Administrator acting on an admin reads an explanation instead of a Graph 403 halfway through a plan.
 */
public final class Guardrails {

    private Guardrails() {
    }

    public static AccessCheck check(RecoveryAction action, RecoveryContext context) {
        List<String> warnings = new ArrayList<>();
        Optional<String> refusal = refusal(action, context);
        if (refusal.isEmpty()) {
            warnings.addAll(warnings(action, context));
        }
        return new AccessCheck(refusal, warnings);
    }

    /** The Entra capability an action needs, or empty when it sends nothing. */
    public static Optional<Capability> capability(RecoveryAction action) {
        return switch (action) {
            case RESET_PASSWORD, REQUIRE_REREGISTER, ISSUE_TAP, DELETE_METHOD -> Optional.of(Capability.MANAGE_METHODS);
            case REVOKE_SESSIONS -> Optional.of(Capability.RESET_PASSWORD);
            case DISABLE, ENABLE -> Optional.of(Capability.SENSITIVE_ACTIONS);
            case REVOKE_MFA_SESSIONS, RECOVER -> Optional.empty();
        };
    }

    /** The roles (any one) that may do this to this target, for step explanations. */
    public static List<String> rolesNeeded(RecoveryAction action, RecoveryContext context) {
        return capability(action).map(c -> AdminReach.rolesThatReach(c, context.targetRoleIds(), privilegedGate(context))
                .stream().map(DirectoryRole::displayName).toList()).orElse(List.of());
    }

    private static Optional<String> refusal(RecoveryAction action, RecoveryContext context) {
        String name = context.targetName();
        if (context.actingOnSelf()) {
            switch (action) {
                case RESET_PASSWORD:
                    return Optional.of("Graph's resetPassword cannot target your own account. Change your own "
                            + "password at https://mysignins.microsoft.com/security-info, or ask another admin.");
                case ISSUE_TAP:
                    return Optional.of("Nobody can issue a Temporary Access Pass to themselves; ask another "
                            + "Authentication Administrator or Privileged Authentication Administrator.");
                case DISABLE:
                    return Optional.of("Disabling your own account would sign you out of this console and lock you "
                            + "out; ask another admin.");
                default:
                    break;
            }
        }
        if (action == RecoveryAction.ISSUE_TAP && context.profile().isGuest()) {
            return Optional.of(name + " is a guest: a Temporary Access Pass does not work for guest users, who sign "
                    + "in through their home organisation. Recover their sign-in there.");
        }
        if ((action == RecoveryAction.DISABLE || action == RecoveryAction.ENABLE) && context.profile().isSynced()) {
            return Optional.of(name + " is synced from on-premises Active Directory, which owns the account's "
                    + "enabled state: Entra refuses to change it. " + (action == RecoveryAction.DISABLE
                    ? "Disable the account in Active Directory and let it sync (or revoke sign-in sessions here now)."
                    : "Enable the account in Active Directory and let it sync."));
        }
        Optional<Capability> capability = capability(action);
        if (capability.isEmpty() || context.actingOnSelf()) {
            return Optional.empty();
        }
        boolean gate = privilegedGate(context);
        if (AdminReach.reaches(capability.get(), context.actorRoleIds(), context.targetRoleIds(), gate)) {
            return Optional.empty();
        }
        List<String> who = AdminReach.rolesThatReach(capability.get(), context.targetRoleIds(), gate).stream()
                .map(DirectoryRole::displayName).toList();
        return Optional.of("You cannot " + verb(action) + " " + name + ": " + whyOutOfReach(context)
                + " Only " + sentence(who) + " can. " + yourRoles(context));
    }

    /** Unknown roles count as privileged: promising what Entra will refuse is worse than asking for a stronger role. */
    private static boolean privilegedGate(RecoveryContext context) {
        return context.targetInRoleAssignableGroup() || !context.target().readable(UserDetail.Part.ROLES);
    }

    private static String whyOutOfReach(RecoveryContext context) {
        if (!context.target().readable(UserDetail.Part.ROLES)) {
            return "their admin roles could not be read, so they are treated as an admin.";
        }
        if (context.targetInRoleAssignableGroup()) {
            return "they are a member of a role-assignable group, which puts them beyond the reach of ordinary "
                    + "admin roles.";
        }
        if (context.target().isAdmin()) {
            String roles = context.target().roles().stream().map(r -> r.roleName() == null ? r.roleDefinitionId()
                    : r.roleName()).distinct().collect(Collectors.joining(", "));
            return "they hold " + roles + ".";
        }
        return "your roles do not allow it.";
    }

    private static String yourRoles(RecoveryContext context) {
        List<String> roles = context.actor().roles().stream().map(r -> r.roleName() == null ? r.roleDefinitionId()
                : r.roleName()).distinct().toList();
        return roles.isEmpty() ? "You hold no admin role." : "You hold " + sentence(roles) + ".";
    }

    private static String verb(RecoveryAction action) {
        return switch (action) {
            case RESET_PASSWORD -> "reset the password of";
            case REQUIRE_REREGISTER -> "delete the authentication methods of";
            case ISSUE_TAP -> "issue a Temporary Access Pass to";
            case DELETE_METHOD -> "delete an authentication method of";
            case REVOKE_SESSIONS -> "revoke the sign-in sessions of";
            case DISABLE -> "disable";
            case ENABLE -> "enable";
            case REVOKE_MFA_SESSIONS -> "revoke the MFA sessions of";
            case RECOVER -> "recover";
        };
    }

    private static List<String> warnings(RecoveryAction action, RecoveryContext context) {
        List<String> warnings = new ArrayList<>();
        String name = context.targetName();
        if (context.actingOnSelf() && action != RecoveryAction.REVOKE_MFA_SESSIONS) {
            warnings.add("This is your own account. " + switch (action) {
                case REVOKE_SESSIONS -> "Revoking your sessions signs this console out too; you will have to sign "
                        + "in again to continue.";
                case DELETE_METHOD, REQUIRE_REREGISTER -> "Deleting your own methods can leave you unable to sign "
                        + "in with MFA; make sure you keep one you can use right now.";
                default -> "Make sure you can still sign in afterwards.";
            });
        }
        context.emergencyAccount().warning().ifPresent(warnings::add);
        if (context.profile().isSynced() && (action == RecoveryAction.RESET_PASSWORD)) {
            warnings.add(name + " is synced from on-premises Active Directory: the new password is written back to "
                    + "AD only if password writeback is configured; without writeback Entra refuses the reset and "
                    + "the password must be changed in AD.");
        }
        if (context.profile().isGuest() && action == RecoveryAction.REVOKE_SESSIONS) {
            warnings.add(name + " is a guest: revoking sign-in sessions here has no effect on them, because they "
                    + "sign in through their home organisation. Remove their access or block sign-in instead.");
        }
        if (context.profile().isGuest() && (action == RecoveryAction.RESET_PASSWORD
                || action == RecoveryAction.REQUIRE_REREGISTER)) {
            warnings.add(name + " is a guest: they sign in with their home organisation's account and methods, "
                    + "which this tenant cannot change.");
        }
        if (!context.methodsKnown() && (action == RecoveryAction.REQUIRE_REREGISTER
                || action == RecoveryAction.DELETE_METHOD)) {
            warnings.add("The user's methods could not be read: "
                    + context.target().whyUnreadable(UserDetail.Part.METHODS).orElse("unknown reason"));
        }
        return warnings;
    }

    static String sentence(List<String> items) {
        if (items.isEmpty()) {
            return "nobody";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
