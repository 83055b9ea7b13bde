package dev.gatehouse.domain.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the tenant's authentication methods policy ({@code authenticationMethodConfigurations}).
 *
 * @param id Graph's configuration id: {@code Fido2}, {@code MicrosoftAuthenticator}, {@code Sms},
 *           {@code TemporaryAccessPass}, {@code SoftwareOath}, {@code Email}, {@code Voice}, …
 */
public record MethodConfiguration(String id, boolean enabled, List<PolicyTarget> includeTargets,
                                  List<PolicyTarget> excludeTargets) {

    public MethodConfiguration {
        Objects.requireNonNull(id, "id");
        includeTargets = List.copyOf(includeTargets);
        excludeTargets = List.copyOf(excludeTargets);
    }

    /**
     * Enabled, and one include target is {@code all_users}, the user or one of their groups, and no exclude target
     * is (graph-facts §5.3). Ids compare case-insensitively, as Graph's object ids do.
     *
     * @param groupIds every group the user belongs to, transitively
     */
    public boolean appliesTo(String userId, Set<String> groupIds) {
        return enabled && includeTargets.stream().anyMatch(t -> names(t, userId, groupIds))
                && excludeTargets.stream().noneMatch(t -> names(t, userId, groupIds));
    }

    /** The first include target that brings the user in, for explanations. */
    public Optional<PolicyTarget> targetFor(String userId, Set<String> groupIds) {
        return includeTargets.stream().filter(t -> names(t, userId, groupIds)).findFirst();
    }

    /** The first exclude target that takes the user out, for explanations. */
    public Optional<PolicyTarget> excludedBy(String userId, Set<String> groupIds) {
        return excludeTargets.stream().filter(t -> names(t, userId, groupIds)).findFirst();
    }

    private static boolean names(PolicyTarget target, String userId, Set<String> groupIds) {
        return target.isAllUsers() || target.id().equalsIgnoreCase(userId)
                || groupIds.stream().anyMatch(target.id()::equalsIgnoreCase);
    }
}
