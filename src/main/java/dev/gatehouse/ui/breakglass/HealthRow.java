package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.AccountHealth;
import dev.gatehouse.domain.breakglass.GroupHealth;
import dev.gatehouse.domain.breakglass.HealthCheck;
import dev.gatehouse.domain.breakglass.Verdict;

import java.util.List;
import java.util.Objects;

/**
 * One row of the health view as the home shows it: the group's, or one account's. Names come from the tenant: the view
 * puts them on screen through {@code VisibleText}.
 *
 * @param name     the display name ("Emergency Access 01"), or the id when the tenant gives none
 * @param identity the user principal name, or the object id; empty when there is neither (no group chosen)
 * @param verdict  the worst verdict of its checks
 */
public record HealthRow(String name, String identity, Verdict verdict, List<HealthCheck> checks) {

    public HealthRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(verdict, "verdict");
        checks = List.copyOf(checks);
    }

    static HealthRow of(GroupHealth group) {
        String id = group.id().orElse("");
        return new HealthRow(nameOr(group.displayName(), id), id, group.verdict(), group.checks());
    }

    static HealthRow of(AccountHealth account) {
        String identity = account.userPrincipalName() == null || account.userPrincipalName().isBlank() ? account.id()
                : account.userPrincipalName();
        return new HealthRow(nameOr(account.displayName(), identity), identity, account.verdict(), account.checks());
    }

    /** The checks that are amber or red, in the domain's order: what the admin must read. */
    public List<HealthCheck> needingAttention() {
        return checks.stream().filter(check -> check.verdict() != Verdict.GREEN).toList();
    }

    /** The checks that are green, in the domain's order. */
    public List<HealthCheck> fine() {
        return checks.stream().filter(check -> check.verdict() == Verdict.GREEN).toList();
    }

    long count(Verdict wanted) {
        return checks.stream().filter(check -> check.verdict() == wanted).count();
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }
}
