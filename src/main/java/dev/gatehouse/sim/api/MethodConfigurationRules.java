package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.access.MethodsPolicy;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;

import java.util.Set;

/**
 * What a method configuration must satisfy after an update: a known state, well-formed targets naming
 * {@code all_users}, a group or a user of the tenant, and for the Temporary Access Pass the documented ranges
 * (temporaryAccessPassAuthenticationMethodConfiguration; graph-facts §5.2): lifetimes 10–43200 minutes with
 * minimum ≤ default ≤ maximum, length 8–48.
 */
final class MethodConfigurationRules {

    private static final int MIN_LIFETIME = 10;
    private static final int MAX_LIFETIME = 43200;

    private MethodConfigurationRules() {
    }

    static void check(ObjectNode configuration, TenantState state) {
        String status = configuration.path("state").asText();
        if (!Set.of("enabled", "disabled").contains(status)) {
            throw GraphException.methodsBadRequest("Invalid state '" + status + "'. Use enabled or disabled.");
        }
        targets(configuration.path("includeTargets"), "includeTargets", state);
        targets(configuration.path("excludeTargets"), "excludeTargets", state);
        if (configuration.path("@odata.type").asText().endsWith("temporaryAccessPassAuthenticationMethodConfiguration")) {
            temporaryAccessPass(configuration);
        }
    }

    private static void targets(JsonNode targets, String property, TenantState state) {
        if (targets.isMissingNode() || targets.isNull()) {
            return;
        }
        if (!targets.isArray()) {
            throw GraphException.methodsBadRequest(property + " must be an array of targets.");
        }
        for (JsonNode target : targets) {
            String type = target.path("targetType").asText();
            String id = target.path("id").asText();
            boolean known = switch (type) {
                case "group" -> id.equals(MethodsPolicy.ALL_USERS) || state.group(id).isPresent();
                case "user" -> state.user(id).isPresent();
                default -> throw GraphException.methodsBadRequest("Invalid targetType '" + type + "' in " + property
                        + ". Use group or user.");
            };
            if (!known) {
                throw GraphException.methodsBadRequest("The " + type + " '" + id + "' in " + property
                        + " does not exist in the tenant.");
            }
        }
    }

    private static void temporaryAccessPass(ObjectNode configuration) {
        int minimum = configuration.path("minimumLifetimeInMinutes").asInt(60);
        int maximum = configuration.path("maximumLifetimeInMinutes").asInt(480);
        int fallback = configuration.path("defaultLifetimeInMinutes").asInt(60);
        int length = configuration.path("defaultLength").asInt(8);
        for (int value : new int[]{minimum, maximum, fallback}) {
            if (value < MIN_LIFETIME || value > MAX_LIFETIME) {
                throw GraphException.methodsBadRequest("Temporary Access Pass lifetimes must be between " + MIN_LIFETIME
                        + " and " + MAX_LIFETIME + " minutes.");
            }
        }
        if (minimum > maximum || fallback < minimum || fallback > maximum) {
            throw GraphException.methodsBadRequest("The Temporary Access Pass lifetimes must satisfy "
                    + "minimumLifetimeInMinutes <= defaultLifetimeInMinutes <= maximumLifetimeInMinutes.");
        }
        if (length < 8 || length > 48) {
            throw GraphException.methodsBadRequest("defaultLength must be between 8 and 48.");
        }
    }
}
