package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.role.RoleSchedule;
import dev.gatehouse.domain.tenant.UserDetail;

import java.util.List;
import java.util.Optional;

/**
 * Whether an emergency account is a Global Administrator the way Microsoft's emergency-access guidance asks: active
 * at tenant scope, and — where Entra ID P2 brings Privileged Identity Management — permanent, not eligible and
 * without an end date, read from PIM's schedules. Without P2 there is no PIM, so an active assignment is permanent
 * (decision 0011, §6).
 */
final class GlobalAdministratorCheck {

    static final String ID = "globalAdministrator";
    private static final String LABEL = "Global Administrator";

    private final HealthRead read;
    private final AccountFacts account;

    GlobalAdministratorCheck(HealthRead read, AccountFacts account) {
        this.read = read;
        this.account = account;
    }

    HealthCheck check() {
        UserDetail detail = account.detail();
        Optional<String> unreadable = detail.whyUnreadable(UserDetail.Part.ROLES);
        if (unreadable.isPresent()) {
            return HealthCheck.unknown(ID, LABEL, unreadable.get());
        }
        Optional<RoleAssignment> held = detail.roles().stream()
                .filter(r -> r.is(DirectoryRole.GLOBAL_ADMINISTRATOR) && r.tenantWide())
                .min((a, b) -> Boolean.compare(a.viaGroup() != null, b.viaGroup() != null));
        Fact<List<RoleSchedule>> schedules = account.roleSchedules();
        boolean withoutP2 = read.licences().value().map(l -> !l.entraIdP2()).orElse(false);
        if (withoutP2 || !schedules.isKnown()) {
            return withoutSchedules(held, withoutP2, schedules);
        }
        return fromSchedules(held, new GlobalAdminSchedules(schedules.get()));
    }

    /** Today's reading of the active assignments alone: green only where there is no PIM to change them. */
    private HealthCheck withoutSchedules(Optional<RoleAssignment> held, boolean withoutP2,
                                         Fact<List<RoleSchedule>> schedules) {
        if (held.isEmpty()) {
            return notActive();
        }
        String how = held.get().viaGroup() == null ? "Active, assigned directly"
                : "Active, through the group " + held.get().viaGroup();
        if (withoutP2) {
            return HealthCheck.green(ID, LABEL, how + ", and permanent: without Entra ID P2 there is no PIM to make "
                    + "it eligible or time-bound.");
        }
        if (!read.licences().isKnown()) {
            return HealthCheck.amber(ID, LABEL, how + ". Whether PIM could give it an end date is unknown: "
                    + read.licences().whyUnknown());
        }
        return HealthCheck.amber(ID, LABEL, how + ". The tenant has Entra ID P2, so PIM may manage the role, but its "
                + "schedules could not be read, so whether the assignment ends is unknown: " + schedules.whyUnknown()
                + " Check in the Entra admin center (" + GlobalAdminSchedules.PIM_ASSIGNMENTS + ", Global "
                + "Administrator) that it is active and permanent.");
    }

    private HealthCheck fromSchedules(Optional<RoleAssignment> held, GlobalAdminSchedules pim) {
        UserDetail detail = account.detail();
        Optional<RoleSchedule> permanent = pim.permanent();
        if (permanent.isPresent()) {
            return HealthCheck.green(ID, LABEL, "Active and permanent, " + GlobalAdminSchedules.holder(permanent.get(),
                    detail) + ": PIM shows no end date.");
        }
        Optional<RoleSchedule> timeBound = pim.timeBound();
        if (timeBound.isPresent()) {
            return HealthCheck.red(ID, LABEL, "Active only " + GlobalAdminSchedules.until(timeBound.get()) + ", "
                    + GlobalAdminSchedules.holder(timeBound.get(), detail) + ": after that the account is no "
                    + "administrator and cannot repair anything in an emergency. " + GlobalAdminSchedules.fix(
                    timeBound.get()));
        }
        Optional<RoleSchedule> eligible = pim.eligible();
        if (eligible.isPresent()) {
            return HealthCheck.red(ID, LABEL, "Only eligible in PIM (" + GlobalAdminSchedules.until(eligible.get())
                    + "), not active: the account is no administrator until the role is activated, which PIM's "
                    + "settings can tie to MFA, a justification or an approval, and an emergency cannot wait for "
                    + "them. Let the set-up add a permanent, active assignment (set-up, step Role), or assign the role "
                    + "as Active and Permanently assigned in the Entra admin center ("
                    + GlobalAdminSchedules.PIM_ASSIGNMENTS + ").");
        }
        if (held.isPresent()) {
            return HealthCheck.amber(ID, LABEL, "Active, but PIM lists no schedule for it, so whether it ends is "
                    + "unknown. Check in the Entra admin center (" + GlobalAdminSchedules.PIM_ASSIGNMENTS + ", Global "
                    + "Administrator) that it is active and permanent.");
        }
        return notActive();
    }

    private static HealthCheck notActive() {
        return HealthCheck.red(ID, LABEL, "Not an active Global Administrator: in an emergency it could not "
                + "repair the tenant. Assign the role, permanent and active (set-up, step Role).");
    }
}
