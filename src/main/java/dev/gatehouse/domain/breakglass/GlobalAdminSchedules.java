package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.role.RoleSchedule;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.UserDetail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What Privileged Identity Management schedules for an emergency account's Global Administrator role at tenant scope.
 * Microsoft asks for it active and permanent: not eligible (an eligible role must be activated first, which PIM's
 * settings may tie to MFA, a justification or an approval) and without an end date.
 *
 * @param all the account's schedules and those of the groups it holds the role through, any role
 */
record GlobalAdminSchedules(List<RoleSchedule> all) {

    /** Where an administrator changes an assignment in the Entra admin center. */
    static final String PIM_ASSIGNMENTS = "Identity governance > Privileged Identity Management > Microsoft Entra "
            + "roles > Assignments";

    GlobalAdminSchedules {
        all = List.copyOf(all);
    }

    /**
     * The account's schedules, then those of each role-assignable group it holds Global Administrator through (a
     * group's assignment is listed under the group's id, not the member's). Blocks on the network.
     */
    static List<RoleSchedule> read(TenantDirectory directory, UserDetail account) {
        List<RoleSchedule> schedules = new ArrayList<>(directory.roleSchedules(account.profile().id()));
        Set<String> throughGroups = account.roles().stream()
                .filter(r -> r.is(DirectoryRole.GLOBAL_ADMINISTRATOR) && r.tenantWide() && r.viaGroup() != null)
                .map(RoleAssignment::viaGroup).collect(Collectors.toSet());
        for (GroupRef group : account.roleAssignableGroups()) {
            if (throughGroups.contains(group.displayName())) {
                schedules.addAll(directory.roleSchedules(group.id()));
            }
        }
        return schedules;
    }

    /** An active, permanent assignment; the account's own before a group's. */
    Optional<RoleSchedule> permanent() {
        return globalAdministrator().filter(s -> s.active() && s.permanent()).findFirst();
    }

    /** The active assignment that lasts longest, when none is permanent. */
    Optional<RoleSchedule> timeBound() {
        return globalAdministrator().filter(s -> s.active() && !s.permanent())
                .max(Comparator.comparing(s -> s.end().orElse(Instant.MAX)));
    }

    Optional<RoleSchedule> eligible() {
        return globalAdministrator().filter(s -> s.kind() == RoleSchedule.Kind.ELIGIBLE).findFirst();
    }

    /**
     * How to make a time-bound assignment permanent. An activation of an eligible assignment cannot be updated: PIM ends
     * it on its own, so the account needs an assignment of its own beside it.
     */
    static String fix(RoleSchedule timeBound) {
        if (timeBound.kind() == RoleSchedule.Kind.ACTIVATED) {
            return "It is an activation of an eligible assignment, which PIM ends on its own: add a permanent, active "
                    + "assignment in the Entra admin center (" + PIM_ASSIGNMENTS + ", Global Administrator, Add "
                    + "assignments, assignment type Active, Permanently assigned), or run the set-up's Role step "
                    + "again once the activation has ended.";
        }
        return "Make it permanent in the Entra admin center (" + PIM_ASSIGNMENTS + ", Global Administrator, Active "
                + "assignments: Update, Permanently assigned).";
    }

    /** "until 12 Mar 2027, 09:00 UTC", or that it ends without a date. */
    static String until(RoleSchedule schedule) {
        return schedule.permanent() ? "permanently" : schedule.end().map(end -> "until "
                + dev.gatehouse.domain.text.Moments.of(end)).orElse("until a date Graph did not give");
    }

    /** "assigned directly" or "through the group Emergency Access Accounts". */
    static String holder(RoleSchedule schedule, UserDetail account) {
        if (schedule.principalId().equalsIgnoreCase(account.profile().id())) {
            return schedule.kind() == RoleSchedule.Kind.ACTIVATED ? "activated from its eligible assignment"
                    : "assigned directly";
        }
        return "through the group " + account.roleAssignableGroups().stream()
                .filter(g -> g.id().equalsIgnoreCase(schedule.principalId())).map(GroupRef::displayName).findFirst()
                .orElse(schedule.principalId());
    }

    private Stream<RoleSchedule> globalAdministrator() {
        return all.stream().filter(s -> s.is(DirectoryRole.GLOBAL_ADMINISTRATOR) && s.tenantWide());
    }
}
