package dev.gatehouse.domain.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        strings(conditions, "clientAppTypes", policy.clientAppTypes());
        ObjectNode applications = conditions.putObject("applications");
        strings(applications, "includeApplications", policy.includeApplications());
        strings(applications, "excludeApplications", policy.excludeApplications());
        strings(applications, "includeUserActions", policy.includeUserActions());
        users(conditions.putObject("users"), policy.users());
        if (!policy.locations().isNone()) {
            ObjectNode locations = conditions.putObject("locations");
            strings(locations, "includeLocations", policy.locations().includeLocations());
            strings(locations, "excludeLocations", policy.locations().excludeLocations());
        }
        grant(body.putObject("grantControls"), policy.grant());
        policy.signInFrequency().ifPresent(hours -> signInFrequency(body.putObject("sessionControls")
                .putObject("signInFrequency"), hours));
        return text(body);
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
