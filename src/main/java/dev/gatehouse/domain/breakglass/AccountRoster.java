package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.UserProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who the emergency-access accounts are, from one read: when the emergency-access group exists its members that can
 * be emergency accounts ARE the accounts (the choices' names serve only for those it lacks); otherwise the accounts
 * are found by the names chosen. An account that cannot be one (synced, disabled, a guest, off the initial domain) is
 * never silently used: it is a gap, with the reason.
 *
 * @param accounts valid accounts that exist, in the order found
 * @param toCreate names of the accounts still to create
 * @param gaps     why an account the set-up would use cannot be used, one sentence each; the stage refuses with them
 * @param others   members of the group that are not emergency accounts, with why
 */
public record AccountRoster(List<UserDetail> accounts, List<AccountName> toCreate, List<String> gaps,
                            List<Other> others) {

    /** A member of the group that is not one of the accounts. */
    public record Other(DirectoryPrincipal member, String why) {
        public String describe() {
            return member.label() + " (" + why + ")";
        }
    }

    public AccountRoster {
        accounts = List.copyOf(accounts);
        toCreate = List.copyOf(toCreate);
        gaps = List.copyOf(gaps);
        others = List.copyOf(others);
    }

    public static AccountRoster of(BreakGlassSetupRead read, SetupChoices choices) {
        String domain = read.tenant().initialDomain();
        List<UserDetail> accounts = new ArrayList<>();
        List<AccountName> toCreate = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        List<Other> others = new ArrayList<>();
        for (DirectoryPrincipal member : read.members()) {
            if (!member.isUser()) {
                others.add(new Other(member, "not a user account"));
                continue;
            }
            Optional<UserDetail> detail = read.member(member.id());
            if (detail.isEmpty()) {
                gaps.add("Could not check " + member.label() + ", a member of the group: " + read.unreadable()
                        .getOrDefault(member.label(), "it could not be read") + ".");
                continue;
            }
            Optional<String> why = whyNotOne(detail.get().profile(), domain);
            if (why.isPresent()) {
                others.add(new Other(member, why.get()));
            } else {
                accounts.add(detail.get());
            }
        }
        int needed = choices.count() - accounts.size();
        for (AccountName name : choices.accounts()) {
            if (needed <= 0) {
                break;
            }
            boolean member = read.members().stream().anyMatch(m -> name.is(m.userPrincipalName()));
            if (member) {
                continue; // counted above, as an account or as a member that cannot be one
            }
            Optional<UserDetail> existing = read.account(name.userPrincipalName());
            if (existing.isEmpty() && read.unreadable().containsKey(name.userPrincipalName())) {
                gaps.add("Could not check whether " + name.userPrincipalName() + " exists: "
                        + read.unreadable().get(name.userPrincipalName()) + ".");
            } else if (existing.isEmpty()) {
                toCreate.add(name);
            } else {
                Optional<String> why = whyNotOne(existing.get().profile(), domain);
                if (why.isPresent()) {
                    gaps.add(name.userPrincipalName() + " exists but cannot be an emergency-access account: " + why.get()
                            + ". Choose other names (another prefix), or fix that account and run the set-up again.");
                } else {
                    accounts.add(existing.get());
                }
            }
            needed--;
        }
        return new AccountRoster(accounts, toCreate, gaps, others);
    }

    /** Why this account cannot be an emergency-access account; empty when it can. */
    static Optional<String> whyNotOne(UserProfile profile, String initialDomain) {
        String upn = profile.userPrincipalName() == null ? "" : profile.userPrincipalName();
        if (profile.isGuest()) {
            return Optional.of("a guest, who signs in through another organisation");
        }
        if (profile.isSynced()) {
            return Optional.of("synced from on-premises Active Directory, so it depends on the on-premises systems an "
                    + "emergency may be about; Microsoft advises cloud-only accounts");
        }
        if (!upn.toLowerCase(Locale.ROOT).endsWith("@" + initialDomain.toLowerCase(Locale.ROOT))) {
            return Optional.of("not on the initial domain " + initialDomain + ": a custom or federated domain depends "
                    + "on DNS or federation that may be what failed");
        }
        if (!profile.accountEnabled()) {
            return Optional.of("disabled, so it cannot sign in; enable it if it is meant to be one");
        }
        return Optional.empty();
    }

    /** "Ada (ada@…), Bob (bob@…)". */
    public static String labels(List<UserDetail> accounts) {
        return String.join(", ", accounts.stream().map(AccountRoster::label).toList());
    }

    public static String label(UserDetail account) {
        UserProfile p = account.profile();
        return p.displayName() == null || p.displayName().isBlank() ? p.userPrincipalName()
                : p.displayName() + " (" + p.userPrincipalName() + ")";
    }
}
