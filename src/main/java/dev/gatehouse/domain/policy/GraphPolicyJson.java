package dev.gatehouse.domain.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.TreeSet;

/**
 * The Graph v1.0 request bodies of the policy writes, built here so that what a plan shows, what an export holds
 * and what the tenant receives are the same bytes. Lists are sorted, so the same policy always reads the same.
 * Shapes follow the v1.0 resource pages: conditionalAccessPolicy, conditionalAccessGuestsOrExternalUsers,
 * conditionalAccessGrantControls, signInFrequencySessionControl and authenticationStrengthPolicy (graph-facts §9,
 * §10.2, §10.4).
 */
public final class GraphPolicyJson {

    /** Every kind of guest and external user, as the portal's "Guest or external users" choice sends it. */
    public static final String ALL_GUEST_OR_EXTERNAL_USER_TYPES = "internalGuest,b2bCollaborationGuest,"
            + "b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider";

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphPolicyJson() {
    }

    /**
     * {@code POST /identity/conditionalAccess/policies}. The policy's id is not sent (Graph refuses it); a required
     * authentication strength is sent as {@code {"id": …}} only, the one shape Graph accepts for the relationship.
     */
    public static String conditionalAccessPolicy(ConditionalAccessPolicy policy) {
        ObjectNode body = JSON.createObjectNode();
        body.put("displayName", policy.displayName());
        body.put("state", policy.state().graphValue());
        ObjectNode conditions = body.putObject("conditions");
        clientAppsAndApplications(conditions, policy);
        users(conditions.putObject("users"), policy.users());
        if (!policy.locations().isNone()) {
            locations(conditions.putObject("locations"), policy.locations());
        }
        grant(body.putObject("grantControls"), policy.grant());
        policy.signInFrequency().ifPresent(hours -> signInFrequency(body.putObject("sessionControls")
                .putObject("signInFrequency"), hours));
        return text(body);
    }

    /**
     * {@code PATCH /identity/conditionalAccess/policies/{id}} turning the policy Graph returned ({@code currentJson},
     * its {@code GET}) into {@code draft}, in one request. Sent: {@code displayName}, {@code state},
     * {@code conditions}, {@code grantControls} and {@code sessionControls}; never the read-only {@code id},
     * {@code templateId}, {@code createdDateTime} or {@code modifiedDateTime}.
     * <ul>
     *   <li>The conditions Gatehouse manages come from the draft: {@code users} and {@code applications} (each
     *   replaced whole: a field the draft cannot express, such as an application filter beside a user action, would
     *   change what the policy means), {@code clientAppTypes} and {@code locations}. Every other condition
     *   ({@code platforms}, {@code devices}, risk levels, {@code authenticationFlows}…) is sent back as Graph
     *   returned it. A guest/external-user object the draft keeps is kept as it was (its types and tenants), so
     *   "exclude guests" set to a narrower choice in the portal is not widened.</li>
     *   <li>{@code grantControls} is the draft's, whole: keeping, say, terms of use beside an OR would add a way to
     *   satisfy the policy that the plan never showed.</li>
     *   <li>{@code sessionControls} keeps every control but the sign-in frequency, which is the draft's.</li>
     * </ul>
     * What the draft removes (locations, a guest exclusion, the sign-in frequency) is sent as {@code null} rather
     * than left out, so it is removed whether Graph replaces or merges the complex values of a PATCH.
     *
     * @throws IllegalArgumentException when {@code currentJson} is not a policy object
     */
    public static String conditionalAccessUpdate(String currentJson, ConditionalAccessPolicy draft) {
        JsonNode current;
        try {
            current = JSON.readTree(currentJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The Conditional Access policy read from Graph is not JSON", e);
        }
        if (current == null || !current.isObject()) {
            throw new IllegalArgumentException("The Conditional Access policy read from Graph is not a JSON object");
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("displayName", draft.displayName());
        body.put("state", draft.state().graphValue());

        ObjectNode conditions = current.path("conditions").isObject()
                ? ((ObjectNode) current.get("conditions")).deepCopy() : JSON.createObjectNode();
        JsonNode currentUsers = conditions.path("users");
        clientAppsAndApplications(conditions, draft);
        ObjectNode users = JSON.createObjectNode();
        users(users, draft.users());
        keepOrClearGuests(users, currentUsers, "includeGuestsOrExternalUsers", draft.users().includeGuestsOrExternalUsers());
        keepOrClearGuests(users, currentUsers, "excludeGuestsOrExternalUsers", draft.users().excludeGuestsOrExternalUsers());
        conditions.set("users", users);
        if (draft.locations().isNone()) {
            conditions.putNull("locations");
        } else {
            locations(conditions.putObject("locations"), draft.locations());
        }
        body.set("conditions", conditions);

        grant(body.putObject("grantControls"), draft.grant());

        ObjectNode session = current.path("sessionControls").isObject()
                ? ((ObjectNode) current.get("sessionControls")).deepCopy() : JSON.createObjectNode();
        draft.signInFrequency().ifPresentOrElse(hours -> signInFrequency(session.putObject("signInFrequency"), hours),
                () -> session.putNull("signInFrequency"));
        boolean anyControl = session.properties().stream()
                .anyMatch(control -> !control.getValue().isNull() && !control.getKey().startsWith("@odata."));
        if (anyControl) {
            body.set("sessionControls", session);
        } else {
            body.putNull("sessionControls");
        }
        return text(body);
    }

    /** {@code clientAppTypes} and the {@code applications} condition (apps and user actions), written whole. */
    private static void clientAppsAndApplications(ObjectNode conditions, ConditionalAccessPolicy policy) {
        strings(conditions, "clientAppTypes", policy.clientAppTypes());
        ObjectNode applications = conditions.putObject("applications");
        strings(applications, "includeApplications", policy.includeApplications());
        strings(applications, "excludeApplications", policy.excludeApplications());
        strings(applications, "includeUserActions", policy.includeUserActions());
    }

    private static void locations(ObjectNode locations, ConditionalAccessPolicy.Locations where) {
        strings(locations, "includeLocations", where.includeLocations());
        strings(locations, "excludeLocations", where.excludeLocations());
    }

    /** The current guest/external-user object when the draft keeps the choice, null when it drops it. */
    private static void keepOrClearGuests(ObjectNode users, JsonNode currentUsers, String field, boolean wanted) {
        if (!wanted) {
            users.putNull(field);
        } else if (currentUsers.path(field).isObject()) {
            users.set(field, currentUsers.get(field).deepCopy());
        }
    }

    /** {@code PATCH /identity/conditionalAccess/policies/{id}} changing the state alone. */
    public static String conditionalAccessState(ConditionalAccessPolicy.State state) {
        ObjectNode body = JSON.createObjectNode();
        body.put("state", state.graphValue());
        return text(body);
    }

    /**
     * {@code POST /policies/authenticationStrengthPolicies}. {@code policyType} and {@code requirementsSatisfied} are
     * computed by Graph and not sent; the combinations keep their order.
     */
    public static String authenticationStrength(NewAuthenticationStrength strength) {
        ObjectNode body = JSON.createObjectNode();
        body.put("@odata.type", "#microsoft.graph.authenticationStrengthPolicy");
        body.put("displayName", strength.displayName());
        if (strength.description() != null) {
            body.put("description", strength.description());
        }
        ArrayNode combinations = body.putArray("allowedCombinations");
        strength.allowedCombinations().forEach(combinations::add);
        return text(body);
    }

    private static void users(ObjectNode users, ConditionalAccessPolicy.Users who) {
        strings(users, "includeUsers", who.includeUsers());
        strings(users, "excludeUsers", who.excludeUsers());
        strings(users, "includeGroups", who.includeGroups());
        strings(users, "excludeGroups", who.excludeGroups());
        strings(users, "includeRoles", who.includeRoles());
        strings(users, "excludeRoles", who.excludeRoles());
        if (who.includeGuestsOrExternalUsers()) {
            allGuestsAndExternalUsers(users.putObject("includeGuestsOrExternalUsers"));
        }
        if (who.excludeGuestsOrExternalUsers()) {
            allGuestsAndExternalUsers(users.putObject("excludeGuestsOrExternalUsers"));
        }
    }

    /** conditionalAccessGuestsOrExternalUsers: every type, from every external tenant. */
    private static void allGuestsAndExternalUsers(ObjectNode guests) {
        guests.put("guestOrExternalUserTypes", ALL_GUEST_OR_EXTERNAL_USER_TYPES);
        ObjectNode tenants = guests.putObject("externalTenants");
        tenants.put("@odata.type", "#microsoft.graph.conditionalAccessAllExternalTenants");
        tenants.put("membershipKind", "all");
    }

    private static void grant(ObjectNode grant, ConditionalAccessPolicy.Grant controls) {
        grant.put("operator", controls.requireAll() ? "AND" : "OR");
        strings(grant, "builtInControls", controls.builtInControls());
        controls.strength().ifPresent(strength -> grant.putObject("authenticationStrength").put("id", strength.id()));
    }

    /** In whole days when the hours make whole days; "every time" for 0 (what the read side maps back). */
    private static void signInFrequency(ObjectNode frequency, int hours) {
        frequency.put("isEnabled", true);
        if (hours == 0) {
            frequency.put("frequencyInterval", "everyTime");
        } else {
            boolean days = hours % 24 == 0;
            frequency.put("type", days ? "days" : "hours");
            frequency.put("value", days ? hours / 24 : hours);
            frequency.put("frequencyInterval", "timeBased");
        }
        frequency.put("authenticationType", "primaryAndSecondaryAuthentication");
    }

    private static void strings(ObjectNode parent, String field, Collection<String> values) {
        ArrayNode array = parent.putArray(field);
        new TreeSet<>(values).forEach(array::add);
    }

    private static String text(ObjectNode body) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
