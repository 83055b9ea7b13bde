package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.AccountHealth;
import dev.gatehouse.domain.breakglass.BreakGlassHealth;
import dev.gatehouse.domain.breakglass.CheckerConfig;

import java.util.List;
import java.util.Optional;

/**
 * The emergency-access entries for Maester's and ScubaGear's config files, ready to paste, with where each goes. They
 * name object ids, never a secret, so they may be copied freely.
 */
public record CheckerSnippets(String maester, String maesterWhere, String scubaGear, String scubaGearWhere) {

    /** Why there are none: no account is known. */
    static final String NO_ACCOUNTS = "No emergency-access account is known yet, so there is nothing for the checkers"
            + " to list: choose the emergency-access group, or create the accounts with the set-up wizard.";

    /** The entries for the accounts and group of {@code health}; empty when no account is known. */
    static Optional<CheckerSnippets> of(BreakGlassHealth health) {
        if (health.accounts().isEmpty()) {
            return Optional.empty();
        }
        List<CheckerConfig.Account> accounts = health.accounts().stream().map(CheckerSnippets::account).toList();
        Optional<CheckerConfig.Group> group = health.group().id()
                .map(id -> new CheckerConfig.Group(id, health.group().displayName()));
        return Optional.of(new CheckerSnippets(CheckerConfig.maester(accounts, group), CheckerConfig.maesterWhere(),
                CheckerConfig.scubaGear(accounts, group), CheckerConfig.scubaGearWhere()));
    }

    private static CheckerConfig.Account account(AccountHealth account) {
        return new CheckerConfig.Account(account.id(), account.userPrincipalName(), account.displayName());
    }
}
