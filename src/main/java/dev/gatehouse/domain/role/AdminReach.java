package dev.gatehouse.domain.role;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.gatehouse.domain.role.DirectoryRole.AUTHENTICATION_ADMINISTRATOR;
import static dev.gatehouse.domain.role.DirectoryRole.DIRECTORY_READERS;
import static dev.gatehouse.domain.role.DirectoryRole.GLOBAL_ADMINISTRATOR;
import static dev.gatehouse.domain.role.DirectoryRole.GROUPS_ADMINISTRATOR;
import static dev.gatehouse.domain.role.DirectoryRole.GUEST_INVITER;
import static dev.gatehouse.domain.role.DirectoryRole.HELPDESK_ADMINISTRATOR;
import static dev.gatehouse.domain.role.DirectoryRole.MESSAGE_CENTER_READER;
import static dev.gatehouse.domain.role.DirectoryRole.PASSWORD_ADMINISTRATOR;
import static dev.gatehouse.domain.role.DirectoryRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR;
import static dev.gatehouse.domain.role.DirectoryRole.REPORTS_READER;
import static dev.gatehouse.domain.role.DirectoryRole.USER_ADMINISTRATOR;

/**
 * Which admin may act on which user, from Entra's "privileged roles and permissions" tables (graph-facts §2).
 * The one copy of the matrix: recovery guardrails ask it before offering a plan, and the demo tenant asks it
 * before answering 403, so an explanation and the tenant can never disagree.
 */
public final class AdminReach {

    /** What an admin wants to do to another user. */
    public enum Capability {
        /** "Who can reset passwords", which also governs invalidating refresh tokens (revoke sessions). */
        RESET_PASSWORD,
        /** Add, delete or reset authentication methods, TAP and resetPassword included. */
        MANAGE_METHODS,
        /** "Who can perform sensitive actions": accountEnabled, phones, otherMails, passwordProfile, UPN, delete. */
        SENSITIVE_ACTIONS
    }

    /** For each acting role, the roles a target may hold and still be reachable. Users without a role always are. */
    private static final Map<DirectoryRole, Set<DirectoryRole>> PASSWORD_RESET = Map.of(
            PASSWORD_ADMINISTRATOR, EnumSet.of(DIRECTORY_READERS, GUEST_INVITER, PASSWORD_ADMINISTRATOR),
            HELPDESK_ADMINISTRATOR, EnumSet.of(DIRECTORY_READERS, GUEST_INVITER, HELPDESK_ADMINISTRATOR,
                    MESSAGE_CENTER_READER, PASSWORD_ADMINISTRATOR, REPORTS_READER),
            AUTHENTICATION_ADMINISTRATOR, EnumSet.of(AUTHENTICATION_ADMINISTRATOR, DIRECTORY_READERS, GUEST_INVITER,
                    MESSAGE_CENTER_READER, PASSWORD_ADMINISTRATOR, REPORTS_READER),
            USER_ADMINISTRATOR, EnumSet.of(DIRECTORY_READERS, GROUPS_ADMINISTRATOR, GUEST_INVITER,
                    HELPDESK_ADMINISTRATOR, MESSAGE_CENTER_READER, PASSWORD_ADMINISTRATOR, REPORTS_READER,
                    USER_ADMINISTRATOR));

    private static final Map<DirectoryRole, Set<DirectoryRole>> METHODS = Map.of(
            AUTHENTICATION_ADMINISTRATOR, PASSWORD_RESET.get(AUTHENTICATION_ADMINISTRATOR));

    private static final Map<DirectoryRole, Set<DirectoryRole>> SENSITIVE = Map.of(
            AUTHENTICATION_ADMINISTRATOR, PASSWORD_RESET.get(AUTHENTICATION_ADMINISTRATOR),
            USER_ADMINISTRATOR, PASSWORD_RESET.get(USER_ADMINISTRATOR));

    /** Roles that reach every user, admins included. */
    private static final List<DirectoryRole> REACH_EVERYONE = List.of(PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
            GLOBAL_ADMINISTRATOR);

    private AdminReach() {
    }

    /**
     * @param actorRoles               template ids of the acting admin's active tenant-wide roles
     * @param targetRoles              template ids of the target's active roles
     * @param targetInRoleAssignableGroup member or owner of a role-assignable group: only PAA and GA reach them
     */
    public static boolean reaches(Capability capability, Collection<String> actorRoles, Collection<String> targetRoles,
                                  boolean targetInRoleAssignableGroup) {
        Set<String> actor = lower(actorRoles);
        if (REACH_EVERYONE.stream().anyMatch(r -> actor.contains(r.templateId()))) {
            return true;
        }
        if (targetInRoleAssignableGroup) {
            return false;
        }
        Set<String> target = lower(targetRoles);
        return table(capability).entrySet().stream()
                .filter(column -> actor.contains(column.getKey().templateId()))
                .anyMatch(column -> column.getValue().stream().map(DirectoryRole::templateId).collect(Collectors.toSet())
                        .containsAll(target));
    }

    /** The roles that may do this to a target: everyone in the table for an ordinary user, PAA or GA otherwise. */
    public static List<DirectoryRole> rolesThatReach(Capability capability, Collection<String> targetRoles,
                                                     boolean targetInRoleAssignableGroup) {
        Set<String> target = lower(targetRoles);
        List<DirectoryRole> roles = table(capability).entrySet().stream()
                .filter(column -> !targetInRoleAssignableGroup && column.getValue().stream()
                        .map(DirectoryRole::templateId).collect(Collectors.toSet()).containsAll(target))
                .map(Map.Entry::getKey)
                .sorted()
                .collect(Collectors.toList());
        roles.addAll(REACH_EVERYONE);
        return List.copyOf(roles);
    }

    private static Map<DirectoryRole, Set<DirectoryRole>> table(Capability capability) {
        return switch (capability) {
            case RESET_PASSWORD -> PASSWORD_RESET;
            case MANAGE_METHODS -> METHODS;
            case SENSITIVE_ACTIONS -> SENSITIVE;
        };
    }

    private static Set<String> lower(Collection<String> ids) {
        return ids.stream().map(id -> id.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
    }
}
