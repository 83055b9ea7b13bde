package dev.gatehouse.domain.breakglass;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the admin chose in the set-up's first stage, saved in the run's answers under {@link #ANSWER}: no secret, so
 * it may be kept. The accounts are named once here, so a run stopped after creating them finds the same ones.
 *
 * @param count              how many accounts, 2 to 4 (Microsoft: at least two, so one lost key is not the end)
 * @param accounts           {@code count} names; when the emergency-access group already exists its members are the
 *                           accounts, and these names are used only for the ones it lacks
 * @param groupName          the role-assignable group's name when one has to be created
 * @param twoPartPassword    show each new account's password once, in two halves, for two people to write down; by
 *                           default nobody ever sees it (the account signs in with its key)
 * @param newPass            replace a usable pass an account already holds, deliberately
 * @param tapLifetimeMinutes each pass's lifetime; the tenant's default when absent
 * @param removeOtherMembers remove members of the group that are not emergency accounts (a separate step)
 * @param keyModels          optional: the AAGUIDs of the key models the admin will register, so the methods-policy
 *                           stage can say before any request whether the FIDO2 key restrictions would refuse them
 */
public record SetupChoices(int count, List<AccountName> accounts, String groupName, boolean twoPartPassword,
                           boolean newPass, Optional<Integer> tapLifetimeMinutes, boolean removeOtherMembers,
                           List<String> keyModels) {

    public static final String ANSWER = "breakglassSetup";
    public static final int FEWEST = 2;
    public static final int MOST = 4;
    public static final int DEFAULT_COUNT = 2;
    public static final String DEFAULT_GROUP_NAME = "Emergency access accounts";
    private static final Pattern AAGUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public SetupChoices {
        accounts = List.copyOf(accounts);
        groupName = groupName == null || groupName.isBlank() ? DEFAULT_GROUP_NAME : groupName.strip();
        tapLifetimeMinutes = tapLifetimeMinutes == null ? Optional.empty() : tapLifetimeMinutes;
        keyModels = keyModels == null ? List.of() : keyModels.stream().map(g -> g.strip().toLowerCase(Locale.ROOT))
                .filter(g -> !g.isEmpty()).distinct().toList();
    }

    /** {@code count} accounts named from {@code prefix} on the tenant's initial domain, everything else default. */
    public static SetupChoices of(int count, String prefix, String initialDomain) {
        return new SetupChoices(count, AccountNames.fromPrefix(prefix, Math.max(0, Math.min(count, MOST)),
                initialDomain), DEFAULT_GROUP_NAME, false, false, Optional.empty(), false, List.of());
    }

    public SetupChoices withGroupName(String name) {
        return new SetupChoices(count, accounts, name, twoPartPassword, newPass, tapLifetimeMinutes,
                removeOtherMembers, keyModels);
    }

    /** These choices naming {@code aaGuids} as the key models the admin will register. */
    public SetupChoices withKeyModels(List<String> aaGuids) {
        return new SetupChoices(count, accounts, groupName, twoPartPassword, newPass, tapLifetimeMinutes,
                removeOtherMembers, aaGuids);
    }

    /** The choices of this invocation that are not names: they apply to this attempt, not to the run's accounts. */
    public SetupChoices withFlags(boolean twoPart, boolean replacePass, Optional<Integer> lifetime,
                                  boolean removeOthers) {
        return new SetupChoices(count, accounts, groupName, twoPart, replacePass, lifetime, removeOthers, keyModels);
    }

    /** Why {@code count} accounts is refused; empty for 2 to 4. */
    public static Optional<String> countProblem(int count) {
        if (count >= FEWEST && count <= MOST) {
            return Optional.empty();
        }
        return Optional.of("Choose " + FEWEST + " to " + MOST + " accounts, not " + count + ": Microsoft advises at "
                + "least two, so that one lost key or one locked account is not the end, and every extra account is "
                + "one more Global Administrator to guard and test.");
    }

    /**
     * Everything wrong with these choices on a tenant whose initial domain is {@code initialDomain}, each as a
     * sentence saying how to fix it; empty when they can be used.
     */
    public List<String> problems(String initialDomain) {
        List<String> problems = new ArrayList<>();
        countProblem(count).ifPresent(problems::add);
        if (accounts.size() != count && problems.isEmpty()) {
            problems.add("Name " + count + " accounts, not " + accounts.size() + ".");
        }
        accounts.forEach(name -> problems.addAll(AccountNames.problems(name, initialDomain)));
        long distinct = accounts.stream().map(a -> a.userPrincipalName().toLowerCase(Locale.ROOT))
                .distinct().count();
        if (distinct != accounts.size()) {
            problems.add("Two accounts have the same sign-in name: each needs its own.");
        }
        if (groupName.length() > 120) {
            problems.add("The group's name is longer than 120 characters; choose a shorter one.");
        }
        tapLifetimeMinutes.filter(m -> m < 10 || m > 43200).ifPresent(m -> problems.add("A Temporary Access Pass "
                + "lives 10 minutes to 30 days (43200 minutes), not " + m + " minutes."));
        keyModels.stream().filter(guid -> !AAGUID.matcher(guid).matches()).forEach(guid -> problems.add("\u201c"
                + guid + "\u201d is not an AAGUID: a key model's AAGUID is 32 hexadecimal digits in groups of 8-4-4-4-12, "
                + "such as 2fc0579f-8113-47ea-b116-555a8db9202a. The key's vendor publishes it."));
        return problems;
    }
}
