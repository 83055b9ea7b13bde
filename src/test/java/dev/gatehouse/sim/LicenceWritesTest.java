package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /users/{id}/assignLicense} over HTTP: Graph's required parameters, refusals, answer and audit entries. */
class LicenceWritesTest extends OnWritableBaseline {

    private static final String MEGAN = "megan.bowen@tailspintoys.com";
    private static final String SPB = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final String REMOVE_SPB = "{\"addLicenses\": [], \"removeLicenses\": [\"" + SPB + "\"]}";

    private static int consumedSpb() {
        for (JsonNode sku : http.get("/subscribedSkus").json().path("value")) {
            if (sku.path("skuId").asText().equals(SPB)) {
                return sku.path("consumedUnits").asInt();
            }
        }
        throw new AssertionError("no SPB subscription");
    }

    @Test
    void removingALicenceAnswersTheUserAndFreesASeat() {
        int consumed = consumedSpb();

        SimHttp.Answer answer = http.post("/users/" + MEGAN + "/assignLicense", REMOVE_SPB,
                "Content-Type", "application/json");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("@odata.context").asText()).endsWith("$metadata#users/$entity");
        assertThat(answer.json().path("userPrincipalName").asText()).isEqualTo(MEGAN);
        assertThat(licences(MEGAN)).isEmpty();
        assertThat(consumedSpb()).isEqualTo(consumed - 1);
        assertThat(UserWritesTest.lastAudit().path("activityDisplayName").asText()).isEqualTo("Update user");
        assertThat(http.get("/auditLogs/directoryAudits?$filter=activityDisplayName eq 'Change user license'").json()
                .path("value").get(0).path("targetResources").get(0).path("userPrincipalName").asText()).isEqualTo(MEGAN);
    }

    @Test
    void refusesWhatGraphRefusesAndChangesNothing() {
        assertRefused("{\"removeLicenses\": [\"" + SPB + "\"]}", "One or more parameters of the operation "
                + "'assignLicense' are missing from the request payload. The missing parameters are: addLicenses.");
        assertRefused("{\"addLicenses\": []}", "One or more parameters of the operation 'assignLicense' are missing "
                + "from the request payload. The missing parameters are: removeLicenses.");
        assertRefused("{\"addLicenses\": [], \"removeLicenses\": [\"11111111-2222-4333-8444-555555555555\"]}",
                "License 11111111-2222-4333-8444-555555555555 does not correspond to a valid company License.");
        assertThat(http.post("/users/" + MEGAN + "/assignLicense", REMOVE_SPB, "Content-Type", "application/json")
                .status()).isEqualTo(200);
        assertRefused(REMOVE_SPB, "User does not have a corresponding license.");
        assertThat(http.post("/users/" + MEGAN + "/assignLicense", "{\"addLicenses\": [{\"skuId\": \"" + SPB
                + "\", \"disabledPlans\": []}], \"removeLicenses\": []}", "Content-Type", "application/json").status())
                .as("given back").isEqualTo(200);
        assertThat(http.as(MEGAN, "POST", "/users/" + MEGAN + "/assignLicense", REMOVE_SPB).status())
                .as("a user without a licence-managing role").isEqualTo(403);
    }

    @Test
    void addingALicenceNeedsAUsageLocation() {
        String id = http.post("/users", "{\"accountEnabled\": true, \"displayName\": \"No location\", "
                + "\"mailNickname\": \"nolocation\", \"userPrincipalName\": \"nolocation@tailspintoys.onmicrosoft.com\", "
                + "\"passwordProfile\": {\"password\": \"Qz-4#wr8-Tn2!\"}}", "Content-Type", "application/json")
                .json().path("id").asText();
        String add = "{\"addLicenses\": [{\"skuId\": \"" + SPB + "\", \"disabledPlans\": []}], \"removeLicenses\": []}";

        SimHttp.Answer refused = http.post("/users/" + id + "/assignLicense", add, "Content-Type", "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorMessage()).isEqualTo("License assignment cannot be done for user with invalid usage "
                + "location.");
        assertThat(http.patch("/users/" + id, "{\"usageLocation\": \"AU\"}").status()).isEqualTo(204);
        SimHttp.Answer added = http.post("/users/" + id + "/assignLicense", add, "Content-Type", "application/json");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(licences(id).get(0).path("skuId").asText()).isEqualTo(SPB);
    }

    @Test
    void aLicenceInheritedFromAGroupIsListedAsSuchAndOnlyTheDirectOneCanBeRemovedFromTheUser() {
        String alex = "alex.wilber@tailspintoys.com";
        String sales = groupId("Sales");
        sim.state().write(() -> sim.state().group(sales).orElseThrow().licensedSkuIds(java.util.List.of(SPB)));
        int consumed = consumedSpb();

        assertThat(http.get("/users/" + alex).json().has("licenseAssignmentStates")).as("only on $select").isFalse();
        assertThat(http.get("/groups/" + sales + "?$select=assignedLicenses").json().path("assignedLicenses").get(0)
                .path("skuId").asText()).isEqualTo(SPB);
        JsonNode states = states(alex);
        assertThat(states).hasSize(2);
        assertThat(states.get(0).path("assignedByGroup").isNull()).as("direct").isTrue();
        assertThat(states.get(1).path("assignedByGroup").asText()).isEqualTo(sales);
        assertThat(states).allSatisfy(state -> {
            assertThat(state.path("skuId").asText()).isEqualTo(SPB);
            assertThat(state.path("state").asText()).isEqualTo("Active");
            assertThat(state.path("error").asText()).isEqualTo("None");
            assertThat(state.path("disabledPlans").isArray()).isTrue();
        });
        assertThat(licences(alex)).as("one SKU, however many ways it comes").hasSize(1);

        SimHttp.Answer direct = http.post("/users/" + alex + "/assignLicense", REMOVE_SPB,
                "Content-Type", "application/json");

        assertThat(direct.status()).as(direct.body()).isEqualTo(200);
        assertThat(states(alex)).singleElement().satisfies(state ->
                assertThat(state.path("assignedByGroup").asText()).isEqualTo(sales));
        assertThat(licences(alex).get(0).path("skuId").asText()).as("still held through Sales").isEqualTo(SPB);
        assertThat(consumedSpb()).as("the seat stays taken").isEqualTo(consumed);
        SimHttp.Answer inherited = http.post("/users/" + alex + "/assignLicense", REMOVE_SPB,
                "Content-Type", "application/json");
        assertThat(inherited.status()).isEqualTo(400);
        assertThat(inherited.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(inherited.errorMessage()).isEqualTo("User license is inherited from a group membership and it "
                + "cannot be removed directly from the user.");
        assertThat(states(alex)).hasSize(1);
    }

    private static JsonNode states(String user) {
        return http.get("/users/" + user + "?$select=licenseAssignmentStates").json().path("licenseAssignmentStates");
    }

    /** assignedLicenses is not among the user's default properties: it is read with $select. */
    private static JsonNode licences(String user) {
        JsonNode licences = http.get("/users/" + user + "?$select=assignedLicenses").json().path("assignedLicenses");
        assertThat(licences.isArray()).isTrue();
        return licences;
    }

    private static void assertRefused(String body, String message) {
        SimHttp.Answer answer = http.post("/users/" + MEGAN + "/assignLicense", body, "Content-Type", "application/json");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(answer.errorMessage()).isEqualTo(message);
    }
}
