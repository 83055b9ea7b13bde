package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.policy.MethodConfigurationChange;
import dev.gatehouse.domain.policy.MethodConfigurationSnapshot;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;

import java.util.Locale;

/**
 * The PATCH body of a {@link MethodConfigurationChange}, made from the configuration as Graph returned it, and the
 * snapshot that undoes it. The body names only the state, the include targets and the settings the change sets
 * (graph-facts §5.2: the body must carry the configuration's {@code @odata.type}; the whole target list is sent,
 * since whether PATCH merges lists is not documented). Targets kept are copied as Graph returned them, with fields
 * Gatehouse does not model ({@code isRegistrationRequired}, passkey profiles), so keeping them changes nothing.
 *
 * @param body     the PATCH body
 * @param previous the values of the same properties before, as Graph returned them (properties it did not return
 *                 are left out: they cannot be restored to "absent")
 */
record MethodConfigurationPatch(String body, MethodConfigurationSnapshot previous) {

    private static final String TYPE = "@odata.type";

    static MethodConfigurationPatch of(JsonNode current, MethodConfigurationChange change) {
        String type = current.path(TYPE).asText("");
        if (type.isEmpty()) {
            throw new TenantException(Kind.UNEXPECTED, "Graph returned the '" + change.configurationId()
                    + "' configuration without its @odata.type, which a change must repeat. Nothing was changed.");
        }
        ObjectNode patch = JsonRequests.JSON.createObjectNode();
        patch.put(TYPE, type);
        patch.put("state", change.enabled() ? "enabled" : "disabled");
        patch.set("includeTargets", targets(current.path("includeTargets"), change));
        change.selfServiceRegistrationAllowed().ifPresent(allowed -> patch.put("isSelfServiceRegistrationAllowed", allowed));
        change.temporaryAccessPass().ifPresent(tap -> temporaryAccessPass(patch, tap));

        ObjectNode previous = JsonRequests.JSON.createObjectNode();
        previous.put(TYPE, type);
        patch.fieldNames().forEachRemaining(name -> {
            if (!name.equals(TYPE) && current.has(name)) {
                previous.set(name, current.get(name).deepCopy());
            }
        });
        return new MethodConfigurationPatch(patch.toString(),
                new MethodConfigurationSnapshot(change.configurationId(), previous.toString()));
    }

    private static ArrayNode targets(JsonNode existing, MethodConfigurationChange change) {
        ArrayNode targets = JsonRequests.JSON.createArrayNode();
        if (change.targets() == MethodConfigurationChange.Targets.ADD) {
            existing.forEach(target -> targets.add(target.deepCopy()));
        }
        for (PolicyTarget wanted : change.includeTargets()) {
            boolean present = false;
            for (JsonNode target : targets) {
                present |= target.path("id").asText().equalsIgnoreCase(wanted.id());
            }
            if (!present) {
                ObjectNode target = targets.addObject();
                target.put("targetType", wanted.kind().name().toLowerCase(Locale.ROOT));
                target.put("id", wanted.id());
                target.put("isRegistrationRequired", false);
            }
        }
        return targets;
    }

    private static void temporaryAccessPass(ObjectNode patch, TapSettings tap) {
        patch.put("defaultLifetimeInMinutes", tap.defaultLifetimeMinutes());
        patch.put("minimumLifetimeInMinutes", tap.minimumLifetimeMinutes());
        patch.put("maximumLifetimeInMinutes", tap.maximumLifetimeMinutes());
        patch.put("isUsableOnce", tap.usableOnceOnly());
        patch.put("defaultLength", tap.defaultLength());
    }
}
