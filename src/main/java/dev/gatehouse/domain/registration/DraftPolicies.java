package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;

import java.util.ArrayList;
import java.util.List;

/** The tenant's policies as they will be once the designed policy is saved: the draft in, any older copy out. */
final class DraftPolicies {

    private DraftPolicies() {
    }

    /** The same policy in another state. */
    static ConditionalAccessPolicy inState(ConditionalAccessPolicy policy, State state) {
        return policy.withState(state);
    }

    /** Whether the draft changes a policy the tenant already has (same id) rather than adding one. */
    static boolean replacesExisting(ConditionalAccessPolicy draft, List<ConditionalAccessPolicy> tenant) {
        return draft.id() != null && tenant.stream().anyMatch(p -> draft.id().equalsIgnoreCase(p.id()));
    }

    /** The tenant's policies without the draft's older copy, then the draft. */
    static List<ConditionalAccessPolicy> with(List<ConditionalAccessPolicy> tenant, ConditionalAccessPolicy draft) {
        List<ConditionalAccessPolicy> all = new ArrayList<>(tenant.stream()
                .filter(p -> draft.id() == null || !draft.id().equalsIgnoreCase(p.id())).toList());
        all.add(draft);
        return all;
    }
}
