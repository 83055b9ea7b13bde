package dev.gatehouse.sim.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.state.SimGroup;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which authentication method configurations of the tenant's authentication methods policy apply to a user:
 * a configuration applies when its state is {@code enabled}, one of its {@code includeTargets} is
 * {@code all_users}, the user, or a group the user belongs to, and none of its {@code excludeTargets} is a group
 * the user belongs to (graph-facts §5, "authenticationMethodTarget"). Group membership counts transitively.
 */
public final class MethodsPolicy {

    public static final String ALL_USERS = "all_users";

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

    /** Enabled and targeting the user. */
    public boolean appliesTo(String configurationId, SimUser user) {
        Optional<ObjectNode> configuration = configuration(configurationId);
        if (configuration.isEmpty() || !enabled(configurationId)) {
            return false;
        }
        Set<String> groups = state.transitiveGroupsOf(user.id()).stream().map(SimGroup::id)
                .map(String::toLowerCase).collect(Collectors.toSet());
        boolean included = false;
        for (JsonNode target : configuration.get().path("includeTargets")) {
            String id = target.path("id").asText().toLowerCase();
            included |= id.equals(ALL_USERS) || id.equalsIgnoreCase(user.id()) || groups.contains(id);
        }
        for (JsonNode target : configuration.get().path("excludeTargets")) {
            String id = target.path("id").asText().toLowerCase();
            if (groups.contains(id) || id.equalsIgnoreCase(user.id())) {
                return false;
            }
        }
        return included;
    }
}
