package dev.gatehouse.domain.tenant;

import java.util.List;

/**
 * What a group-exclusion change did to a Conditional Access policy's {@code conditions.users.excludeGroups}.
 *
 * @param before  the excluded group ids as read just before the change
 * @param after   the excluded group ids as sent (equal to {@code before} when nothing was sent)
 * @param changed false when the policy already was as asked and nothing was sent
 */
public record GroupExclusionChange(String policyId, String displayName, List<String> before, List<String> after,
                                   boolean changed) {

    public GroupExclusionChange {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
