package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Authentication strengths: built-ins, custom strengths, combinations, usage, deletion, licence and roles. */
class AuthenticationStrengthsTest extends OnWritableBaseline {

    private static final String ROOT = "/policies/authenticationStrengthPolicies";
    private static final String CUSTOM = "050bc72e-290d-5ab4-95b4-10ed3d9de72a";

    @Test
    void theBuiltInsHaveFixedIds() {
        JsonNode list = http.get(ROOT).json();
        assertThat(list.path("@odata.context").asText()).endsWith("$metadata#policies/authenticationStrengthPolicies");
        assertThat(ids(list)).containsExactly("00000000-0000-0000-0000-000000000002",
                "00000000-0000-0000-0000-000000000003", "00000000-0000-0000-0000-000000000004", CUSTOM);
        JsonNode phishingResistant = http.get(ROOT + "/00000000-0000-0000-0000-000000000004").json();
        assertThat(phishingResistant.path("policyType").asText()).isEqualTo("builtIn");
        assertThat(strings(phishingResistant.path("allowedCombinations")))
                .containsExactly("windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor");
        assertThat(http.get(ROOT + "?$filter=policyType eq 'custom'").json().path("value")).hasSize(1);
    }

    @Test
    void customStrengthsGetComputedProperties() {
        SimHttp.Answer created = http.post(ROOT, "{\"displayName\": \"Bootstrap FIDO2 or TAP\", \"allowedCombinations\":"
                + " [\"fido2\", \"temporaryAccessPassOneTime\"]}", "Content-Type", "application/json");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("policyType").asText()).isEqualTo("custom");
        assertThat(created.json().path("requirementsSatisfied").asText()).isEqualTo("mfa");
        assertThat(created.json().path("createdDateTime").asText()).isEqualTo("2026-03-02T09:00:00Z");
        JsonNode passwordOnly = http.post(ROOT, "{\"displayName\": \"Weak\", \"allowedCombinations\": [\"password, sms\","
                + " \"password\"]}", "Content-Type", "application/json").json();
        assertThat(strings(passwordOnly.path("allowedCombinations"))).containsExactly("password,sms", "password");
        assertThat(passwordOnly.path("requirementsSatisfied").asText()).isEqualTo("none");
        assertThat(UserWritesTest.lastAudit().path("activityDisplayName").asText())
                .isEqualTo("Authentication Strength Policy Create");
        assertThat(http.post(ROOT, "{\"displayName\": \"Bad\", \"allowedCombinations\": [\"fido3\"]}", "Content-Type",
                "application/json").status()).isEqualTo(400);
        assertThat(http.post(ROOT, "{\"displayName\": \"Weak\", \"allowedCombinations\": [\"fido2\"]}", "Content-Type",
                "application/json").status()).as("names are unique").isEqualTo(400);
        assertThat(http.post(ROOT, "{\"displayName\": \"Empty\"}", "Content-Type", "application/json").status())
                .isEqualTo(400);
    }

    @Test
    void patchChangesNamesOnlyAndNeverABuiltIn() {
        assertThat(http.patch(ROOT + "/" + CUSTOM, "{\"displayName\": \"Passkey or Hello\", \"description\": \"d\"}")
                .status()).isEqualTo(204);
        assertThat(http.get(ROOT + "/" + CUSTOM).json().path("displayName").asText()).isEqualTo("Passkey or Hello");
        assertThat(http.patch(ROOT + "/" + CUSTOM, "{\"allowedCombinations\": [\"fido2\"]}").status()).isEqualTo(400);
        assertThat(http.patch(ROOT + "/00000000-0000-0000-0000-000000000002", "{\"displayName\": \"x\"}").status())
                .isEqualTo(400);
    }

    @Test
    void combinationsCannotDropBelowWhatAnMfaPolicyNeeds() {
        String policy = """
                {"displayName": "Passkeys for Engineering", "state": "enabled",
                 "conditions": {"clientAppTypes": ["all"], "applications": {"includeApplications": ["All"]},
                   "users": {"includeGroups": ["%s"]}},
                 "grantControls": {"operator": "OR", "builtInControls": [], "authenticationStrength": {"id": "%s"}}}
                """.formatted(groupId("Engineering"), CUSTOM);
        String policyId = http.post("/identity/conditionalAccess/policies", policy, "Content-Type", "application/json")
                .json().path("id").asText();
        SimHttp.Answer weakened = http.post(ROOT + "/" + CUSTOM + "/updateAllowedCombinations",
                "{\"allowedCombinations\": [\"password\"]}", "Content-Type", "application/json");
        assertThat(weakened.status()).isEqualTo(400);
        SimHttp.Answer updated = http.post(ROOT + "/" + CUSTOM + "/updateAllowedCombinations",
                "{\"allowedCombinations\": [\"fido2\"]}", "Content-Type", "application/json");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode result = updated.json();
        assertThat(result.path("@odata.context").asText()).endsWith("$metadata#microsoft.graph.updateAllowedCombinationsResult");
        assertThat(strings(result.path("previousCombinations"))).containsExactly("fido2", "windowsHelloForBusiness");
        assertThat(strings(result.path("currentCombinations"))).containsExactly("fido2");
        assertThat(strings(result.path("conditionalAccessReferences"))).containsExactly(policyId);
        assertThat(result.path("additionalInformation").asText()).contains("1 Conditional Access policy");

        JsonNode usage = http.get(ROOT + "/" + CUSTOM + "/usage").json();
        assertThat(usage.path("mfa").get(0).path("id").asText()).isEqualTo(policyId);
        assertThat(usage.path("none")).isEmpty();
        JsonNode builtInUsage = http.get(ROOT + "/00000000-0000-0000-0000-000000000004/usage").json();
        assertThat(builtInUsage.path("mfa")).hasSize(2);

        assertThat(http.delete(ROOT + "/" + CUSTOM).status()).as("in use").isEqualTo(400);
        assertThat(http.delete("/identity/conditionalAccess/policies/" + policyId).status()).isEqualTo(204);
        assertThat(http.delete(ROOT + "/" + CUSTOM).status()).isEqualTo(204);
        assertThat(http.get(ROOT + "/" + CUSTOM).status()).isEqualTo(404);
        assertThat(http.delete(ROOT + "/00000000-0000-0000-0000-000000000003").status()).as("built-in").isEqualTo(400);
    }

    @Test
    void writesNeedP1AndAStrengthRole() {
        String body = "{\"displayName\": \"Passkeys\", \"allowedCombinations\": [\"fido2\"]}";
        assertThat(http.as("patti.fernandez@tailspintoys.com", "GET", ROOT, null).status()).isEqualTo(403);
        assertThat(http.as("patti.fernandez@tailspintoys.com", "POST", ROOT, body).status()).isEqualTo(403);
        assertThat(http.as("lee.gu@tailspintoys.com", "POST", ROOT, body).status()).isEqualTo(201);
        sim.loadScenario("baseline-free");
        assertThat(http.get(ROOT).json().path("value")).as("the built-ins are always there").hasSize(3);
        SimHttp.Answer unlicensed = http.post(ROOT, body, "Content-Type", "application/json");
        assertThat(unlicensed.status()).isEqualTo(403);
        assertThat(unlicensed.errorCode()).isEqualTo("AccessDenied");
    }

    private static List<String> ids(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.path("value").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

}
