package dev.gatehouse.sim.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.sim.state.SimGroup;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which authentication method configurations of the tenant's authentication methods policy apply to a user:
 * a configuration applies when its state is {@code enabled}, one of its {@code includeTargets} is
 * {@code all_users}, the user, or a group the user belongs to, and none of its {@code excludeTargets} is a group
 * the user belongs to (graph-facts §5, "authenticationMethodTarget"). Group membership counts transitively. The rule
 * itself is the domain's ({@link MethodConfiguration#appliesTo}), so the demo tenant and the sign-in simulator agree.
 */
public final class MethodsPolicy {

    public static final String ALL_USERS = PolicyTarget.ALL_USERS;

    private final TenantState state;

    public MethodsPolicy(TenantState state) {
        this.state = state;
    }

    public Optional<ObjectNode> configuration(String id) {
        return state.authenticationMethodConfiguration(id);
    }

    public boolean enabled(String configurationId) {
        return configuration(configurationId).map(c -> c.path("state").asText().equals("enabled")).orElse(false);
    }

    /** Enabled and targeting the user: the domain's rule, on the configuration as the tenant stores it. */
    public boolean appliesTo(String configurationId, SimUser user) {
        Set<String> groups = state.transitiveGroupsOf(user.id()).stream().map(SimGroup::id).collect(Collectors.toSet());
        return configuration(configurationId).map(c -> asDomain(configurationId, c).appliesTo(user.id(), groups))
                .orElse(false);
    }

    /** The configuration in the domain's terms ({@code state}, {@code includeTargets}, {@code excludeTargets}). */
    public static MethodConfiguration asDomain(String id, JsonNode configuration) {
        return new MethodConfiguration(id, configuration.path("state").asText().equals("enabled"),
                targets(configuration.path("includeTargets")), targets(configuration.path("excludeTargets")));
    }

    private static List<PolicyTarget> targets(JsonNode targets) {
        List<PolicyTarget> result = new ArrayList<>();
        for (JsonNode target : targets) {
            PolicyTarget.Kind kind = target.path("targetType").asText("group").equalsIgnoreCase("user")
                    ? PolicyTarget.Kind.USER : PolicyTarget.Kind.GROUP;
            result.add(new PolicyTarget(kind, target.path("id").asText(), null));
        }
        return result;
    }
}
