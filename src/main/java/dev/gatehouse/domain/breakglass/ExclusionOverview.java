package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.signin.PolicyScope;
import dev.gatehouse.domain.signin.UserSnapshot;

import java.util.List;

/**
 * For every Conditional Access policy, whether the emergency-access group is excluded, as step 9 shows it before it
 * proposes anything: the admin sees the whole tenant, not only the policies a plan would change.
 */
public final class ExclusionOverview {

    /** Where a policy stands towards the group. */
    public enum Standing {
        EXCLUDED("group excluded"),
        DEDICATED("dedicated phishing-resistant policy: may reach the accounts"),
        MISSING("group NOT excluded, and the policy would reach the accounts"),
        NOT_REACHING("does not reach the accounts"),
        DISABLED("Off: reaches nobody");

        private final String words;

        Standing(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** One policy's line. */
    public record Row(String policyId, String displayName, ConditionalAccessPolicy.State state, Standing standing) {
    }

    private ExclusionOverview() {
    }

    /** For the set-up's read: empty until the group is there and the policies were read. */
    public static java.util.Optional<List<Row>> of(BreakGlassSetupRead read) {
        return read.group().flatMap(group -> read.health().filter(h -> h.policies().isKnown())
                .map(h -> of(h.policies().get(), group.id(), ExclusionsStage.snapshots(h))));
    }

    public static List<Row> of(List<ConditionalAccessPolicy> all, String groupId, List<UserSnapshot> accounts) {
        List<ConditionalAccessPolicy> missing = PolicyExclusions.missingGroup(all.stream()
                .filter(p -> p.state() != ConditionalAccessPolicy.State.DISABLED).toList(), groupId, accounts);
        return all.stream().map(p -> new Row(p.id(), p.displayName(), p.state(), standing(p, groupId, accounts,
                missing))).toList();
    }

    private static Standing standing(ConditionalAccessPolicy policy, String groupId, List<UserSnapshot> accounts,
                                     List<ConditionalAccessPolicy> missing) {
        if (policy.users().excludesGroup(groupId)) {
            return Standing.EXCLUDED;
        }
        if (policy.state() == ConditionalAccessPolicy.State.DISABLED) {
            return Standing.DISABLED;
        }
        if (PolicyExclusions.dedicatedPhishingResistant(policy)
                && accounts.stream().anyMatch(a -> PolicyScope.includesUser(policy.users(), a))) {
            return Standing.DEDICATED;
        }
        return missing.contains(policy) ? Standing.MISSING : Standing.NOT_REACHING;
    }
}
