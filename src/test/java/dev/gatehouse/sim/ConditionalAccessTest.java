package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Conditional Access CRUD over HTTP with Graph's validation, the P1 gate, the roles, and What If. */
class ConditionalAccessTest extends OnWritableBaseline {

    private static final String POLICIES = "/identity/conditionalAccess/policies";
    private static final String LEE = "lee.gu@tailspintoys.com";
    private static final String CUSTOM_STRENGTH = "050bc72e-290d-5ab4-95b4-10ed3d9de72a";

    @Test
    void listsPoliciesWithTheirStrengthExpanded() {
        JsonNode body = http.get(POLICIES).json();
        assertThat(body.path("@odata.context").asText()).endsWith("$metadata#identity/conditionalAccess/policies");
        assertThat(body.path("value")).hasSize(5);
        JsonNode admins = body.path("value").get(2);
        assertThat(admins.path("grantControls").path("authenticationStrength").path("displayName").asText())
                .isEqualTo("Phishing-resistant MFA");
        assertThat(http.get(POLICIES + "/" + admins.path("id").asText()).json().path("displayName").asText())
                .startsWith("CA003");
        assertThat(http.get(POLICIES + "/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }

    @Test
    void createsTheRegistrationPolicyAndStoresTheStrengthAsAReference() {
        SimHttp.Answer created = http.as(LEE, "POST", POLICIES, registrationPolicy());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode policy = created.json();
        assertThat(policy.path("@odata.context").asText()).endsWith("$metadata#identity/conditionalAccess/policies/$entity");
        assertThat(policy.path("createdDateTime").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(policy.path("modifiedDateTime").isNull()).isTrue();
        assertThat(policy.path("conditions").path("signInRiskLevels")).isEmpty();
        assertThat(policy.path("conditions").path("users").path("includeRoles")).isEmpty();
        assertThat(policy.path("grantControls").path("authenticationStrength").path("allowedCombinations")).hasSize(2);
        assertThat(UserWritesTest.lastAudit().path("activityDisplayName").asText()).isEqualTo("Add Conditional Access policy");
        String stored = sim.state().read(() -> sim.state().conditionalAccessPolicies().get(5)
                .path("grantControls").path("authenticationStrength").toString());
        assertThat(stored).isEqualTo("{\"id\":\"" + CUSTOM_STRENGTH + "\"}");
        assertThat(http.get(POLICIES).json().path("value")).hasSize(6);
    }

    @Test
    void refusesWhatGraphRefuses() {
        String policy = registrationPolicy();
        assertRefused(policy.replace("\"grantControls\": {\"operator\": \"OR\", \"builtInControls\": [\"compliantDevice\"]",
                "\"grantControls\": {\"operator\": \"OR\", \"builtInControls\": [\"mfa\"]"), null);
        assertRefused(policy.replace("{\"id\": \"" + CUSTOM_STRENGTH + "\"}", "{\"id\": \"" + CUSTOM_STRENGTH
                + "\", \"displayName\": \"Tailspin: passkey or Windows Hello\"}"), "1007: Incoming ConditionalAccessPolicy "
                + "object is null or does not match the schema of ConditionalAccessPolicy type.");
        assertRefused(policy.replace("{\"displayName\"", "{\"id\": \"x\", \"displayName\""), "1001: 'id' is a readonly field.");
        assertRefused(policy.replace("enabledForReportingButNotEnforced", "reportOnly"), "1007: Incoming "
                + "ConditionalAccessPolicy object is null or does not match the schema of ConditionalAccessPolicy type.");
        assertRefused(policy.replace("\"includeApplications\": []", "\"includeApplications\": [\"All\"]"), null);
        assertRefused(policy.replace(CUSTOM_STRENGTH, "00000000-0000-0000-0000-000000000009"), null);
        assertRefused(policy.replace("\"clientAppTypes\": [\"all\"]", "\"clientAppTypes\": [\"all\"], \"times\": null"),
                "1007: Incoming ConditionalAccessPolicy object is null or does not match the schema of "
                        + "ConditionalAccessPolicy type.");
        assertThat(http.get(POLICIES).json().path("value")).hasSize(5);
    }

    @Test
    void updatesAndDeletes() {
        String id = http.post(POLICIES, registrationPolicy(), "Content-Type", "application/json").json().path("id").asText();
        advance(java.time.Duration.ofMinutes(10));
        assertThat(http.patch(POLICIES + "/" + id, "{\"state\": \"enabled\"}").status()).isEqualTo(204);
        JsonNode updated = http.get(POLICIES + "/" + id).json();
        assertThat(updated.path("state").asText()).isEqualTo("enabled");
        assertThat(updated.path("modifiedDateTime").asText()).isEqualTo("2026-03-02T09:10:00Z");
        assertThat(updated.path("grantControls").path("builtInControls").get(0).asText()).isEqualTo("compliantDevice");
        assertThat(http.patch(POLICIES + "/" + id, "{\"state\": \"on\"}").status()).isEqualTo(400);
        assertThat(http.patch(POLICIES + "/" + id, "{\"createdDateTime\": \"2020-01-01T00:00:00Z\"}").status())
                .isEqualTo(400);
        assertThat(UserWritesTest.lastAudit().path("activityDisplayName").asText()).isEqualTo("Update Conditional Access policy");
        assertThat(http.delete(POLICIES + "/" + id).status()).isEqualTo(204);
        assertThat(http.get(POLICIES + "/" + id).status()).isEqualTo(404);
        assertThat(UserWritesTest.lastAudit().path("activityDisplayName").asText()).isEqualTo("Delete Conditional Access policy");
    }

    /** The documented example PATCHes conditions with signInRiskLevels alone: the other conditions stay. */
    @Test
    void aPartialConditionsPatchMergesConditionByCondition() {
        JsonNode before = http.get(POLICIES).json().path("value").get(0);
        String id = before.path("id").asText();

        assertThat(http.patch(POLICIES + "/" + id, "{\"conditions\": {\"signInRiskLevels\": [\"high\", \"medium\"]}}")
                .status()).isEqualTo(204);
        JsonNode risk = http.get(POLICIES + "/" + id).json().path("conditions");
        assertThat(risk.path("signInRiskLevels").toString()).isEqualTo("[\"high\",\"medium\"]");
        assertThat(risk.path("users")).isEqualTo(before.path("conditions").path("users"));
        assertThat(risk.path("applications")).isEqualTo(before.path("conditions").path("applications"));

        assertThat(http.patch(POLICIES + "/" + id, "{\"conditions\": {\"users\": {\"includeUsers\": [\"All\"]}}}")
                .status()).isEqualTo(204);
        JsonNode users = http.get(POLICIES + "/" + id).json().path("conditions");
        assertThat(users.path("users").path("includeUsers").toString()).isEqualTo("[\"All\"]");
        assertThat(users.path("users").path("excludeGroups")).as("a condition given replaces the stored one").isEmpty();
        assertThat(users.path("signInRiskLevels").toString()).isEqualTo("[\"high\",\"medium\"]");
        assertThat(users.path("clientAppTypes")).isEqualTo(before.path("conditions").path("clientAppTypes"));
    }

    /** A policy that requires a strength keeps it when a PATCH leaves grantControls out. */
    @Test
    void aConditionsPatchOfAPolicyWithAStrengthKeepsTheStrength() {
        JsonNode admins = http.get(POLICIES).json().path("value").get(2);
        String id = admins.path("id").asText();

        SimHttp.Answer patched = http.patch(POLICIES + "/" + id, "{\"conditions\": {\"signInRiskLevels\": [\"high\"]}}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(204);
        JsonNode after = http.get(POLICIES + "/" + id).json();
        assertThat(after.path("grantControls")).isEqualTo(admins.path("grantControls"));
        assertThat(after.path("conditions").path("users")).isEqualTo(admins.path("conditions").path("users"));
    }

    @Test
    void rolesAndTheP1Gate() {
        assertThat(http.as("patti.fernandez@tailspintoys.com", "GET", POLICIES, null).status()).isEqualTo(403);
        assertThat(http.as("johanna.lorenz@tailspintoys.com", "GET", POLICIES, null).status()).as("Global Reader")
                .isEqualTo(200);
        assertThat(http.as("johanna.lorenz@tailspintoys.com", "POST", POLICIES, registrationPolicy()).status())
                .isEqualTo(403);
        sim.loadScenario("baseline-free");
        for (SimHttp.Answer answer : List.of(http.get(POLICIES), http.post(POLICIES, registrationPolicy(),
                "Content-Type", "application/json"), http.post("/identity/conditionalAccess/evaluate",
                whatIf("adele.vance@tailspintoys.com", true), "Content-Type", "application/json"))) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.errorCode()).isEqualTo("AccessDenied");
            assertThat(answer.errorMessage()).isEqualTo("Your tenant is not licensed for this feature. Please upgrade "
                    + "your subscription to access it.");
        }
    }

    @Test
    void whatIfForTheRegistrationPolicy() {
        http.post(POLICIES, registrationPolicy(), "Content-Type", "application/json");
        JsonNode admin = http.post("/identity/conditionalAccess/evaluate", whatIf("adele.vance@tailspintoys.com", false),
                "Content-Type", "application/json").json();
        assertThat(admin.path("@odata.context").asText())
                .endsWith("$metadata#Collection(microsoft.graph.whatIfAnalysisResult)");
        assertThat(admin.path("value")).hasSize(6);
        JsonNode registration = find(admin, "Protect security info registration");
        assertThat(registration.path("policyApplies").asBoolean()).isTrue();
        assertThat(registration.path("analysisReasons").asText()).isEqualTo("notSet");
        assertThat(registration.path("state").asText()).isEqualTo("enabledForReportingButNotEnforced");
        assertThat(find(admin, "CA005: Finance requires a compliant device (pilot)").path("analysisReasons").asText())
                .isEqualTo("users");
        assertThat(applied(http.post("/identity/conditionalAccess/evaluate", whatIf("adele.vance@tailspintoys.com", true),
                "Content-Type", "application/json").json())).containsExactly(
                "CA001: Require multifactor authentication for all users",
                "CA003: Require phishing-resistant MFA for administrators",
                "Protect security info registration");
        JsonNode guest = http.post("/identity/conditionalAccess/evaluate",
                whatIf("jordan.miller_fabrikam.com#EXT#@tailspintoys.onmicrosoft.com", false), "Content-Type",
                "application/json").json();
        assertThat(find(guest, "Protect security info registration").path("analysisReasons").asText()).isEqualTo("users");
        JsonNode breakGlass = http.post("/identity/conditionalAccess/evaluate",
                whatIf("bg-admin-01@tailspintoys.onmicrosoft.com", true), "Content-Type", "application/json").json();
        assertThat(applied(breakGlass)).containsExactly("CA004: Emergency access accounts use phishing-resistant MFA");
        SimHttp.Answer unknown = http.post("/identity/conditionalAccess/evaluate",
                whatIf("00000000-0000-0000-0000-000000000000", true), "Content-Type", "application/json");
        assertThat(unknown.status()).isEqualTo(404);
    }

    private String registrationPolicy() {
        return """
                {"displayName": "Protect security info registration", "state": "enabledForReportingButNotEnforced",
                 "conditions": {"clientAppTypes": ["all"],
                   "applications": {"includeApplications": [], "includeUserActions": ["urn:user:registersecurityinfo"]},
                   "users": {"includeUsers": ["All"], "excludeGroups": ["%s"],
                     "excludeGuestsOrExternalUsers": {"guestOrExternalUserTypes": "internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider",
                       "externalTenants": {"@odata.type": "#microsoft.graph.conditionalAccessAllExternalTenants", "membershipKind": "all"}}}},
                 "grantControls": {"operator": "OR", "builtInControls": ["compliantDevice"], "authenticationStrength": {"id": "%s"}},
                 "sessionControls": {"signInFrequency": {"isEnabled": true, "type": "hours", "value": 1,
                   "frequencyInterval": "timeBased", "authenticationType": "primaryAndSecondaryAuthentication"}}}
                """.formatted(groupId("Emergency Access Accounts"), CUSTOM_STRENGTH);
    }

    private static String whatIf(String user, boolean appliedOnly) {
        String userId = user.contains("@") ? id(user.replace("#", "%23")) : user;
        return """
                {"signInIdentity": {"@odata.type": "#microsoft.graph.userSignIn", "userId": "%s"},
                 "signInContext": {"@odata.type": "#microsoft.graph.userActionContext", "userAction": "registerSecurityInformation"},
                 "signInConditions": {"clientAppType": "browser", "devicePlatform": "windows", "deviceInfo": {"isCompliant": true}},
                 "appliedPoliciesOnly": %s}""".formatted(userId, appliedOnly);
    }

    private static void assertRefused(String body, String message) {
        SimHttp.Answer answer = http.post(POLICIES, body, "Content-Type", "application/json");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("BadRequest");
        if (message != null) {
            assertThat(answer.errorMessage()).isEqualTo(message);
        }
    }

    private static JsonNode find(JsonNode results, String displayName) {
        for (JsonNode item : results.path("value")) {
            if (item.path("displayName").asText().equals(displayName)) {
                return item;
            }
        }
        throw new AssertionError(displayName + " not in " + results);
    }

    private static List<String> applied(JsonNode results) {
        List<String> names = new ArrayList<>();
        results.path("value").forEach(item -> {
            assertThat(item.path("policyApplies").asBoolean()).isTrue();
            names.add(item.path("displayName").asText());
        });
        return names;
    }
}
