package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The baseline demo tenant with Entra ID P2 and the PIM schedules a test gives its accounts: a scenario file written
 * to the test's folder, nothing bundled changes. An account given a schedule loses the permanent roles the baseline
 * gives it, so the schedule is all it holds.
 */
public final class PimScenario {

    public static final String FIRST = "bg-admin-01@tailspintoys.onmicrosoft.com";
    public static final String SECOND = "bg-admin-02@tailspintoys.onmicrosoft.com";
    public static final String NO_EXPIRATION = "{\"type\": \"noExpiration\"}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode scenario = JSON.createObjectNode().put("extends", "baseline").put("name", "pim");

    private PimScenario(boolean p2) {
        if (p2) {
            ObjectNode sku = scenario.putArray("subscribedSkus").addObject()
                    .put("skuId", "84a661c4-e949-4bd2-a560-ed7766fcaf2b").put("skuPartNumber", "AAD_PREMIUM_P2")
                    .put("capabilityStatus", "Enabled").put("appliesTo", "User").put("consumedUnits", 0);
            sku.putObject("prepaidUnits").put("enabled", 5).put("suspended", 0).put("warning", 0).put("lockedOut", 0);
            sku.putArray("servicePlans").addObject().put("servicePlanId", "eec0eb4f-6444-4f95-aba0-50c24d67f998")
                    .put("servicePlanName", "AAD_PREMIUM_P2").put("provisioningStatus", "Success")
                    .put("appliesTo", "User");
        }
        scenario.putArray("users");
        scenario.putArray("roleAssignmentSchedules");
        scenario.putArray("roleEligibilitySchedules");
    }

    /** The baseline with Entra ID P2 added. */
    public static PimScenario withP2() {
        return new PimScenario(true);
    }

    /** The baseline as it is, without P2, where PIM schedules can be seeded but Graph serves none. */
    public static PimScenario withoutP2() {
        return new PimScenario(false);
    }

    /** An expiration ending at {@code end} (an ISO date-time or a relative one such as {@code +10d}). */
    public static String until(String end) {
        return "{\"type\": \"afterDateTime\", \"endDateTime\": \"" + end + "\"}";
    }

    /** The account may activate Global Administrator, and holds it no other way. */
    public PimScenario eligible(String upn, String expiration) {
        return schedule("roleEligibilitySchedules", upn, expiration, null);
    }

    /** The account holds Global Administrator actively as the expiration says, and no other way. */
    public PimScenario active(String upn, String expiration) {
        return schedule("roleAssignmentSchedules", upn, expiration, "Assigned");
    }

    /** The account activated its eligibility for Global Administrator, until {@code expiration}, and holds it no other way. */
    public PimScenario activated(String upn, String expiration) {
        return schedule("roleAssignmentSchedules", upn, expiration, "Activated");
    }

    /** PIM's settings for Global Administrator require active assignments to end, after at most {@code maximum}. */
    public PimScenario activeAssignmentsMustEnd(String maximum) {
        ObjectNode policy = scenario.withArray("roleManagementPolicyAssignments").addObject()
                .put("roleDefinitionId", "{{role:Global Administrator}}").putObject("policy");
        policy.putArray("rules").addObject()
                .put("@odata.type", "#microsoft.graph.unifiedRoleManagementPolicyExpirationRule")
                .put("id", "Expiration_Admin_Assignment").put("isExpirationRequired", true)
                .put("maximumDuration", maximum);
        return this;
    }

    private PimScenario schedule(String list, String upn, String expiration, String assignmentType) {
        ((ArrayNode) scenario.get("users")).addObject().put("userPrincipalName", upn).putArray("roles");
        ((ObjectNode) scenario.get("users").get(scenario.get("users").size() - 1)).putArray("$replace").add("roles");
        ObjectNode schedule = ((ArrayNode) scenario.get(list)).addObject().put("principalId", "{{user:" + upn + "}}")
                .put("roleDefinitionId", "{{role:Global Administrator}}").put("directoryScopeId", "/");
        if (assignmentType != null) {
            schedule.put("assignmentType", assignmentType);
        }
        try {
            schedule.putObject("scheduleInfo").put("startDateTime", "-30d").set("expiration",
                    JSON.readTree(expiration));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes the scenario as {@code pim.json} in {@code folder}; its path, for {@code --scenario} or a load. */
    public String write(Path folder) {
        try {
            Path file = folder.resolve("pim.json");
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(scenario));
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
