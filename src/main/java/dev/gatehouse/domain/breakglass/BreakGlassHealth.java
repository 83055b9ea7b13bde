package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.signin.UserSnapshot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The health view of the tenant's emergency-access accounts: one row of checks per account, one for their group, and
 * the drill dates. Computed from one {@link HealthRead}; reads nothing itself.
 *
 * @param lastDrill the drill recorded on this machine, if any
 * @param nextDrill when the next drill is due (today when none is recorded)
 */
public record BreakGlassHealth(List<AccountHealth> accounts, GroupHealth group, Optional<LocalDate> lastDrill,
                               LocalDate nextDrill) {

    public BreakGlassHealth {
        accounts = List.copyOf(accounts);
    }

    public static BreakGlassHealth of(HealthRead read) {
        List<AccountHealth> rows = new ArrayList<>();
        List<UserSnapshot> snapshots = new ArrayList<>();
        for (AccountFacts account : read.accounts()) {
            AccountChecks checks = new AccountChecks(read, account);
            rows.add(new AccountHealth(account.id(), account.userPrincipalName(), account.displayName(), checks.all()));
            snapshots.add(checks.snapshot());
        }
        GroupHealth group = read.group().value()
                .map(facts -> new GroupHealth(Optional.of(facts.group().id()), facts.group().displayName(),
                        GroupChecks.of(read, facts, snapshots)))
                .orElseGet(() -> new GroupHealth(Optional.empty(), "No group", List.of(HealthCheck.red("group",
                        "Emergency-access group", read.group().whyUnknown() + " Choose it (" + EmergencyAccess.HOW_TO_CHOOSE
                                + ") or create it with the set-up wizard."))));
        return new BreakGlassHealth(rows, group, read.recordedDrill(),
                DrillSchedule.nextDue(read.recordedDrill(), read.today()));
    }

    /** The worst verdict of every row. */
    public Verdict verdict() {
        Verdict worst = group.verdict();
        for (AccountHealth account : accounts) {
            worst = worst.worse(account.verdict());
        }
        return worst;
    }
}
