package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import dev.gatehouse.domain.signin.PolicyScope;
import dev.gatehouse.domain.signin.UserSnapshot;

import java.util.List;
import java.util.Set;

/**
 * Which Conditional Access policies reach the emergency-access accounts. Microsoft's guidance: exclude them from
 * every policy so a misconfiguration cannot lock the tenant out, and require phishing-resistant MFA of them in one
 * policy of their own. So a policy may reach them only when it is such a dedicated policy; any other must exclude
 * them, and exclude them through the group, so an account added to the group is excluded everywhere at once.
 * Every resource and user action counts: a policy on one app still locks the accounts out of that app.
 */
public final class PolicyExclusions {

    /** The built-in authentication strength "Phishing-resistant MFA". */
    public static final String PHISHING_RESISTANT_STRENGTH = "00000000-0000-0000-0000-000000000004";

    /** The combinations Entra counts as phishing-resistant. */
    static final Set<String> PHISHING_RESISTANT_COMBINATIONS = Set.of("fido2", "windowsHelloForBusiness",
            "x509CertificateMultiFactor");

    private PolicyExclusions() {
    }

    /**
     * Requires a strength that allows phishing-resistant methods only, FIDO2 among them (the accounts' keys must be able
     * to meet it: a "Windows Hello only" or "certificate only" strength would lock them out), and nothing beside it — no
     * OR with a weaker control, no AND with a device or app condition the emergency laptop may not meet, no block.
     */
    public static boolean dedicatedPhishingResistant(ConditionalAccessPolicy policy) {
        ConditionalAccessPolicy.Grant grant = policy.grant();
        return grant.builtInControls().isEmpty() && grant.strength().map(s -> !s.allowedCombinations().isEmpty()
                && s.allowedCombinations().stream().allMatch(PolicyExclusions::phishingResistant)
                && s.allowedCombinations().stream().anyMatch("fido2"::equalsIgnoreCase)).orElse(false);
    }

    private static boolean phishingResistant(String combination) {
        return PHISHING_RESISTANT_COMBINATIONS.stream().anyMatch(combination::equalsIgnoreCase);
    }

    /** The active policies that reach the account and are not dedicated to phishing-resistant MFA. */
    public static List<ConditionalAccessPolicy> reaching(List<ConditionalAccessPolicy> active, UserSnapshot account) {
        return active.stream().filter(p -> !dedicatedPhishingResistant(p))
                .filter(p -> PolicyScope.includesUser(p.users(), account)).toList();
    }

    /** The active dedicated phishing-resistant policies that reach the account. */
    public static List<ConditionalAccessPolicy> dedicated(List<ConditionalAccessPolicy> active, UserSnapshot account) {
        return active.stream().filter(PolicyExclusions::dedicatedPhishingResistant)
                .filter(p -> PolicyScope.includesUser(p.users(), account)).toList();
    }

    /**
     * The active policies that would reach one of the accounts but for their exclusions, are not dedicated, and do not
     * exclude the group: where the group's exclusion is missing (the accounts may still be excluded one by one, or by
     * role, which a new member of the group would not be).
     */
    public static List<ConditionalAccessPolicy> missingGroup(List<ConditionalAccessPolicy> active, String groupId,
                                                             List<UserSnapshot> accounts) {
        return active.stream().filter(p -> !dedicatedPhishingResistant(p))
                .filter(p -> !p.users().excludesGroup(groupId))
                .filter(p -> accounts.stream().anyMatch(a -> PolicyScope.includesUser(withoutExclusions(p.users()), a)))
                .toList();
    }

    private static Users withoutExclusions(Users users) {
        return new Users(users.includeUsers(), Set.of(), users.includeGroups(), Set.of(), users.includeRoles(),
                Set.of(), users.includeGuestsOrExternalUsers(), false);
    }
}
