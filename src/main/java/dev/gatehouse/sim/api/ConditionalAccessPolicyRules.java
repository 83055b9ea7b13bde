package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.policy.DeviceFilterRule;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.Wire;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a Conditional Access policy from a request body into the stored form Graph returns (every condition
 * present, absent lists empty, absent objects null), refusing what Graph refuses (graph-facts §10): a body
 * that does not match the schema (unknown properties, wrong kinds, unknown enum values: {@code 1007}),
 * read-only properties ({@code 1001}), the {@code mfa} grant together with an authentication strength, an
 * authentication strength given as more than {@code {"id": …}} or naming no strength of the tenant, and user
 * actions mixed with applications.
 */
final class ConditionalAccessPolicyRules {

    static final String SCHEMA_MISMATCH = "1007: Incoming ConditionalAccessPolicy object is null or does not match the "
            + "schema of ConditionalAccessPolicy type.";

    private static final Set<String> READ_ONLY = Set.of("id", "createdDateTime", "modifiedDateTime", "templateId");
    private static final Set<String> TOP_LEVEL = Set.of("displayName", "description", "state", "conditions",
            "grantControls", "sessionControls");
    private static final Set<String> STATES = Set.of("enabled", "disabled", "enabledForReportingButNotEnforced");
    private static final Set<String> CLIENT_APP_TYPES = Set.of("all", "browser", "mobileAppsAndDesktopClients",
            "exchangeActiveSync", "easSupported", "other");
    private static final Set<String> GRANT_CONTROLS = Set.of("block", "mfa", "compliantDevice", "domainJoinedDevice",
            "approvedApplication", "compliantApplication", "passwordChange", "riskRemediation");
    private static final Set<String> USER_ACTIONS = Set.of("urn:user:registersecurityinfo", "urn:user:registerdevice");

    /** conditionalAccessConditionSet: list properties (default []) and object properties (default null). */
    private static final List<String> CONDITION_LISTS = List.of("userRiskLevels", "signInRiskLevels", "clientAppTypes",
            "servicePrincipalRiskLevels");
    private static final List<String> CONDITION_OBJECTS = List.of("platforms", "locations", "devices",
            "clientApplications", "authenticationFlows", "applications", "users");
    private static final List<String> APPLICATION_LISTS = List.of("includeApplications", "excludeApplications",
            "includeUserActions", "includeAuthenticationContextClassReferences");
    private static final List<String> USER_LISTS = List.of("includeUsers", "excludeUsers", "includeGroups",
            "excludeGroups", "includeRoles", "excludeRoles");
    private static final List<String> USER_OBJECTS = List.of("includeGuestsOrExternalUsers",
            "excludeGuestsOrExternalUsers");
    private static final List<String> GRANT_LISTS = List.of("builtInControls", "customAuthenticationFactors",
            "termsOfUse");

    private ConditionalAccessPolicyRules() {
    }

    /** Read-only properties of a write body, answered as Graph does. */
    static void refuseReadOnly(ObjectNode body) {
        for (String name : READ_ONLY) {
            if (body.has(name)) {
                throw GraphException.badRequest("1001: '" + name + "' is a readonly field.");
            }
        }
    }

    /** The stored form of a policy: {@code draft} holds the top-level properties, checked here. */
    static ObjectNode normalize(ObjectNode draft, TenantState state) {
        draft.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name) && !READ_ONLY.contains(name) && !name.startsWith("@odata.")) {
                throw schemaMismatch();
            }
        });
        String displayName = text(draft.get("displayName"));
        String policyState = text(draft.get("state"));
        if (displayName == null || displayName.isBlank() || policyState == null || !STATES.contains(policyState)) {
            throw schemaMismatch();
        }
        ObjectNode policy = Wire.object();
        policy.set("id", draft.path("id").deepCopy());
        policy.set("templateId", draft.has("templateId") ? draft.get("templateId").deepCopy() : NullNode.instance);
        policy.put("displayName", displayName);
        policy.set("createdDateTime", draft.path("createdDateTime").deepCopy());
        policy.set("modifiedDateTime", draft.has("modifiedDateTime") ? draft.get("modifiedDateTime").deepCopy()
                : NullNode.instance);
        policy.put("state", policyState);
        if (draft.hasNonNull("description")) {
            policy.put("description", text(draft.get("description")));
        }
        policy.set("sessionControls", objectOrNull(draft.get("sessionControls")));
        policy.set("conditions", conditions(draft.get("conditions")));
        policy.set("grantControls", grantControls(draft.get("grantControls"), state));
        checkUserActions(policy);
        return policy;
    }

    private static ObjectNode conditions(JsonNode node) {
        if (!(node instanceof ObjectNode given)) {
            throw schemaMismatch();
        }
        Map<String, JsonNode> known = new LinkedHashMap<>();
        CONDITION_LISTS.forEach(name -> known.put(name, stringList(given.get(name))));
        String insiderRiskLevels = text(given.get("insiderRiskLevels"));
        known.put("insiderRiskLevels", insiderRiskLevels == null ? NullNode.instance : Wire.text(insiderRiskLevels));
        CONDITION_OBJECTS.forEach(name -> known.put(name, objectOrNull(given.get(name))));
        rejectUnknown(given, known.keySet());
        for (JsonNode type : known.get("clientAppTypes")) {
            if (!CLIENT_APP_TYPES.contains(type.asText())) {
                throw schemaMismatch();
            }
        }
        if (known.get("clientAppTypes").isEmpty() || !known.get("applications").isObject()
                || !known.get("users").isObject()) {
            throw schemaMismatch();
        }
        known.put("applications", section((ObjectNode) known.get("applications"), APPLICATION_LISTS,
                List.of("applicationFilter")));
        known.put("users", section((ObjectNode) known.get("users"), USER_LISTS, USER_OBJECTS));
        JsonNode filter = known.get("devices").path("deviceFilter");
        if (filter.isObject()) {
            try {
                DeviceFilterRule.parse(filter.path("rule").asText(""));
            } catch (IllegalArgumentException invalid) {
                throw GraphException.badRequest("Invalid device filter rule: " + invalid.getMessage() + ".");
            }
        }
        ObjectNode conditions = Wire.object();
        known.forEach(conditions::set);
        return conditions;
    }

    private static JsonNode grantControls(JsonNode node, TenantState state) {
        if (node == null || node.isNull()) {
            return NullNode.instance;
        }
        if (!(node instanceof ObjectNode given)) {
            throw schemaMismatch();
        }
        rejectUnknown(given, Set.of("operator", "builtInControls", "customAuthenticationFactors", "termsOfUse",
                "authenticationStrength"));
        ObjectNode grant = Wire.object();
        String operator = text(given.get("operator"));
        if (operator == null || !Set.of("AND", "OR").contains(operator)) {
            throw schemaMismatch();
        }
        grant.put("operator", operator);
        GRANT_LISTS.forEach(name -> grant.set(name, stringList(given.get(name))));
        for (JsonNode control : grant.get("builtInControls")) {
            if (!GRANT_CONTROLS.contains(control.asText())) {
                throw schemaMismatch();
            }
        }
        JsonNode strength = given.get("authenticationStrength");
        if (strength == null || strength.isNull()) {
            grant.putNull("authenticationStrength");
            return grant;
        }
        grant.set("authenticationStrength", strengthReference(strength, state));
        for (JsonNode control : grant.get("builtInControls")) {
            if (control.asText().equals("mfa")) {
                throw GraphException.badRequest("The grant controls 'mfa' and 'authenticationStrength' cannot be used "
                        + "together in one policy: an authentication strength already requires multifactor "
                        + "authentication.");
            }
        }
        return grant;
    }

    /**
     * {@code authenticationStrength} is a relationship in a write: {@code {"id": …}} and nothing else; a copy of the
     * whole strength fails like any schema mismatch, a strength id the tenant lacks is refused.
     */
    private static ObjectNode strengthReference(JsonNode strength, TenantState state) {
        if (!(strength instanceof ObjectNode given) || !given.path("id").isTextual()) {
            throw schemaMismatch();
        }
        Iterator<String> names = given.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("id") && !name.equals("@odata.type")) {
                throw schemaMismatch();
            }
        }
        String id = given.get("id").asText();
        if (state.authenticationStrengthPolicies().stream().noneMatch(p -> p.path("id").asText().equalsIgnoreCase(id))) {
            throw GraphException.badRequest("The authentication strength policy '" + id + "' does not exist.");
        }
        ObjectNode reference = Wire.object();
        reference.put("id", id);
        return reference;
    }

    /** User-action policies target the action alone: no applications beside it, known actions only. */
    private static void checkUserActions(ObjectNode policy) {
        JsonNode applications = policy.path("conditions").path("applications");
        JsonNode actions = applications.path("includeUserActions");
        if (actions.isEmpty()) {
            return;
        }
        for (JsonNode action : actions) {
            if (!USER_ACTIONS.contains(action.asText())) {
                throw GraphException.badRequest("Unknown user action '" + action.asText()
                        + "'. Use urn:user:registersecurityinfo or urn:user:registerdevice.");
            }
        }
        if (!applications.path("includeApplications").isEmpty() || !applications.path("excludeApplications").isEmpty()) {
            throw GraphException.badRequest("A policy that targets a user action cannot also include or exclude "
                    + "applications: leave includeApplications empty.");
        }
        JsonNode grant = policy.path("grantControls");
        if (actions.toString().contains("urn:user:registerdevice") && grant.isObject()) {
            for (JsonNode control : grant.path("builtInControls")) {
                if (!control.asText().equals("mfa")) {
                    throw GraphException.badRequest("'Register or join devices' accepts only the 'mfa' grant control "
                            + "or an authentication strength.");
                }
            }
        }
    }

    private static ObjectNode section(ObjectNode given, List<String> lists, List<String> objects) {
        ObjectNode section = Wire.object();
        lists.forEach(name -> section.set(name, stringList(given.get(name))));
        objects.forEach(name -> section.set(name, objectOrNull(given.get(name))));
        rejectUnknown(given, section.properties().stream().map(Map.Entry::getKey).collect(Collectors.toSet()));
        return section;
    }

    private static void rejectUnknown(ObjectNode given, Set<String> known) {
        given.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name) && !name.startsWith("@odata.")) {
                throw schemaMismatch();
            }
        });
    }

    private static ArrayNode stringList(JsonNode node) {
        if (node == null || node.isNull()) {
            return Wire.array();
        }
        if (!node.isArray()) {
            throw schemaMismatch();
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw schemaMismatch();
            }
        }
        return (ArrayNode) node.deepCopy();
    }

    private static JsonNode objectOrNull(JsonNode node) {
        if (node == null || node.isNull()) {
            return NullNode.instance;
        }
        if (!node.isObject()) {
            throw schemaMismatch();
        }
        return node.deepCopy();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw schemaMismatch();
        }
        return node.asText();
    }

    static GraphException schemaMismatch() {
        return GraphException.badRequest(SCHEMA_MISMATCH);
    }
}
