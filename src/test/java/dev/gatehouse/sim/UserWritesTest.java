package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.state.SimUser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /users, PATCH /users/{id} and revokeSignInSessions: Graph's rules, the role tables and the effects. */
class UserWritesTest extends OnWritableBaseline {

    private static final String MEGAN = "megan.bowen@tailspintoys.com";
    private static final String PATTI = "patti.fernandez@tailspintoys.com";
    private static final String GRADY = "grady.archie@tailspintoys.com";
    private static final String DIEGO = "diego.siciliani@tailspintoys.com";
    private static final String ISAIAH = "isaiah.langer@tailspintoys.com";
    private static final String GUEST = "jordan.miller_fabrikam.com%23EXT%23@tailspintoys.onmicrosoft.com";

    private static final String NEW_USER = """
            {"accountEnabled": true, "displayName": "Emergency Access 03", "mailNickname": "bg-admin-03",
             "userPrincipalName": "bg-admin-03@tailspintoys.onmicrosoft.com",
             "passwordProfile": {"password": "Xw7!kq-Lp2#vR9z", "forceChangePasswordNextSignIn": false}}""";

    @Test
    void createsACloudOnlyUserOnTheInitialDomain() {
        SimHttp.Answer created = http.post("/users", NEW_USER, "Content-Type", "application/json");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.path("@odata.context").asText()).isEqualTo(sim.serviceRoot() + "/$metadata#users/$entity");
        assertThat(user.path("userPrincipalName").asText()).isEqualTo("bg-admin-03@tailspintoys.onmicrosoft.com");
        assertThat(user.path("id").asText()).matches("[0-9a-f-]{36}");
        JsonNode read = http.get("/users/" + user.path("id").asText()
                + "?$select=accountEnabled,onPremisesSyncEnabled,createdDateTime,lastPasswordChangeDateTime").json();
        assertThat(read.path("accountEnabled").asBoolean()).isTrue();
        assertThat(read.path("onPremisesSyncEnabled").isNull()).isTrue();
        assertThat(read.path("createdDateTime").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(http.get("/users/" + user.path("id").asText() + "/authentication/passwordMethods").json()
                .path("value")).hasSize(1);
        assertThat(lastAudit().path("activityDisplayName").asText()).isEqualTo("Add user");
        assertThat(lastAudit().path("initiatedBy").path("user").path("userPrincipalName").asText())
                .isEqualTo("adele.vance@tailspintoys.com");
        SimUser stored = sim.state().read(() -> sim.state().user("bg-admin-03@tailspintoys.onmicrosoft.com")).orElseThrow();
        assertThat(stored.forceChangePasswordNextSignIn()).isFalse();
        assertThat(stored.password()).isPresent();
    }

    @Test
    void creationRefusesWhatGraphRefuses() {
        assertBadRequest(NEW_USER.replace("\"mailNickname\": \"bg-admin-03\",", ""), "Request_BadRequest",
                "Property mailNickname value is required but is empty or missing.");
        assertBadRequest(NEW_USER.replace("tailspintoys.onmicrosoft.com", "contoso.com"), "Request_BadRequest",
                "The domain portion of the userPrincipalName property is invalid. You must use one of the verified "
                        + "domain names in your organization.");
        assertBadRequest(NEW_USER.replace("Xw7!kq-Lp2#vR9z", "password"), "Request_BadRequest",
                "The specified password does not comply with password complexity requirements. Please provide a "
                        + "different password.");
        assertBadRequest(NEW_USER.replace("bg-admin-03@", "bg-admin-01@"), "Request_BadRequest",
                "Another object with the same value for property userPrincipalName already exists.");
        assertBadRequest(NEW_USER.replace("bg-admin-03@", "bg admin@"), "Request_BadRequest",
                "Property userPrincipalName is invalid.");
        assertBadRequest(NEW_USER.replace("\"accountEnabled\": true", "\"accountEnabled\": true, \"shoeSize\": 9"),
                "BadRequest", "The property 'shoeSize' does not exist on type 'microsoft.graph.user'. Make sure to "
                        + "only use property names that are defined by the type or mark the type as open type.");
        assertBadRequest("{not json", "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type "
                + "header is set and payload is of valid JSON format.");
        assertThat(http.get("/users/$count", "ConsistencyLevel", "eventual").body()).isEqualTo("40");
    }

    @Test
    void onlyUserAdministratorsAndGlobalAdministratorsCreateUsers() {
        SimHttp.Answer denied = http.as(PATTI, "POST", "/users", NEW_USER);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("Authorization_RequestDenied");
        assertThat(http.as(GRADY, "POST", "/users", NEW_USER).status()).isEqualTo(201);
    }

    @Test
    void disablingIsASensitiveActionReachingOnlyWhomTheTableAllows() {
        SimHttp.Answer disabled = http.as(PATTI, "PATCH", "/users/" + MEGAN, "{\"accountEnabled\": false}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(204);
        assertThat(disabled.body()).isEmpty();
        assertThat(http.get("/users/" + MEGAN + "?$select=accountEnabled").json().path("accountEnabled").asBoolean())
                .isFalse();
        assertThat(lastAudit().path("activityDisplayName").asText()).isEqualTo("Disable account");
        assertThat(http.as(PATTI, "PATCH", "/users/" + ISAIAH, "{\"accountEnabled\": false}").status())
                .as("Authentication Administrator on a Global Administrator").isEqualTo(403);
        assertThat(http.as(PATTI, "PATCH", "/users/" + GRADY, "{\"accountEnabled\": false}").status())
                .as("on a member of a role-assignable group").isEqualTo(403);
        assertThat(http.as("lynne.robbins@tailspintoys.com", "PATCH", "/users/" + ISAIAH,
                "{\"accountEnabled\": false}").status()).as("Privileged Authentication Administrator").isEqualTo(204);
        assertThat(http.as(null, "PATCH", "/users/" + MEGAN, "{\"accountEnabled\": true}").status()).isEqualTo(204);
        assertThat(lastAudit().path("activityDisplayName").asText()).isEqualTo("Enable account");
    }

    @Test
    void deletingAUserTakesAUserDeletingRoleThatReachesThemAndEndsTheirGroupsAndRoles() {
        String created = http.post("/users", NEW_USER, "Content-Type", "application/json").json().path("id").asText();
        SimHttp.Answer denied = http.as(PATTI, "DELETE", "/users/" + created, null);
        assertThat(denied.status()).as("Authentication Administrator deletes nobody").isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("Authorization_RequestDenied");
        assertThat(http.as(GRADY, "DELETE", "/users/" + ISAIAH, null).status())
                .as("User Administrator on a Global Administrator").isEqualTo(403);

        SimHttp.Answer deleted = http.as(GRADY, "DELETE", "/users/" + created, null);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(http.get("/users/" + created).status()).isEqualTo(404);
        assertThat(lastAudit().path("activityDisplayName").asText()).isEqualTo("Delete user");

        String bg = id("bg-admin-01@tailspintoys.onmicrosoft.com");
        assertThat(http.delete("/users/" + bg).status()).as("Global Administrator").isEqualTo(204);
        assertThat(http.get("/groups/" + groupId("Emergency Access Accounts") + "/members").json().path("value"))
                .extracting(member -> member.path("id").asText()).doesNotContain(bg);
        assertThat(http.get("/roleManagement/directory/roleAssignments?$filter=principalId eq '" + bg + "'").json()
                .path("value")).isEmpty();
        SimHttp.Answer again = http.delete("/users/" + bg);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo("Request_ResourceNotFound");
    }

    @Test
    void ordinaryPropertiesNeedAUserAdministrator() {
        assertThat(http.as(PATTI, "PATCH", "/users/" + MEGAN, "{\"jobTitle\": \"Lead\"}").status()).isEqualTo(403);
        assertThat(http.as(GRADY, "PATCH", "/users/" + MEGAN, "{\"jobTitle\": \"Lead\", \"department\": \"Sales\"}")
                .status()).isEqualTo(204);
        JsonNode megan = http.get("/users/" + MEGAN + "?$select=jobTitle,department").json();
        assertThat(megan.path("jobTitle").asText()).isEqualTo("Lead");
        assertThat(megan.path("department").asText()).isEqualTo("Sales");
        JsonNode audit = lastAudit();
        assertThat(audit.path("activityDisplayName").asText()).isEqualTo("Update user");
        assertThat(audit.path("targetResources").get(0).path("modifiedProperties")).hasSize(2);
        SimHttp.Answer synced = http.patch("/users/irvin.sayers@tailspintoys.com", "{\"jobTitle\": \"Lead\"}");
        assertThat(synced.status()).isEqualTo(400);
        assertThat(synced.errorMessage()).startsWith("Unable to update the specified properties for on-premises mastered");
    }

    @Test
    void passwordProfileSetsThePasswordAndRestartsSessions() {
        advance(Duration.ofHours(2));
        SimHttp.Answer weak = http.as(DIEGO, "PATCH", "/users/" + MEGAN, "{\"passwordProfile\": {\"password\": \"abc\"}}");
        assertThat(weak.status()).isEqualTo(400);
        SimHttp.Answer reset = http.as(DIEGO, "PATCH", "/users/" + MEGAN,
                "{\"passwordProfile\": {\"password\": \"N3w-Passw0rd!\", \"forceChangePasswordNextSignIn\": true}}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(204);
        JsonNode megan = http.get("/users/" + MEGAN + "?$select=lastPasswordChangeDateTime,signInSessionsValidFromDateTime")
                .json();
        assertThat(megan.path("lastPasswordChangeDateTime").asText()).isEqualTo("2026-03-02T11:00:00Z");
        assertThat(megan.path("signInSessionsValidFromDateTime").asText()).isEqualTo("2026-03-02T11:00:00Z");
        assertThat(lastAudit().path("activityDisplayName").asText()).isEqualTo("Reset password");
        assertThat(lastAudit().toString()).doesNotContain("N3w-Passw0rd!");
        assertThat(sim.state().read(() -> sim.state().passwordMatches(sim.state().user(MEGAN).orElseThrow(),
                "N3w-Passw0rd!"))).isTrue();
        assertThat(http.as(DIEGO, "PATCH", "/users/" + ISAIAH, "{\"passwordProfile\": {\"password\": \"N3w-Passw0rd!\"}}")
                .status()).as("Helpdesk Administrator on a Global Administrator").isEqualTo(403);
    }

    @Test
    void revokeSignInSessionsAnswersTrueAndMovesTheValidFromTime() {
        advance(Duration.ofMinutes(5));
        SimHttp.Answer revoked = http.post("/users/" + MEGAN + "/revokeSignInSessions", null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("@odata.context").asText()).isEqualTo(sim.serviceRoot() + "/$metadata#Edm.Boolean");
        assertThat(revoked.json().path("value").asBoolean()).isTrue();
        assertThat(http.get("/users/" + MEGAN + "?$select=signInSessionsValidFromDateTime").json()
                .path("signInSessionsValidFromDateTime").asText()).isEqualTo("2026-03-02T09:05:00Z");
        assertThat(lastAudit().path("activityDisplayName").asText()).isEqualTo("Update StsRefreshTokenValidFrom Timestamp");
        assertThat(http.as(MEGAN, "POST", "/me/revokeSignInSessions", null).status()).as("own sessions").isEqualTo(200);
        SimHttp.Answer denied = http.as(MEGAN, "POST", "/users/alex.wilber@tailspintoys.com/revokeSignInSessions", null);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("Authorization_RequestDenied");
        assertThat(http.as(PATTI, "POST", "/users/" + ISAIAH + "/revokeSignInSessions", null).status())
                .as("invalidating an admin's refresh tokens needs PAA or GA").isEqualTo(403);
    }

    @Test
    void revokingAGuestSucceedsButReachesNothing() {
        assertThat(http.post("/users/" + GUEST + "/revokeSignInSessions", null).status()).isEqualTo(200);
        SimUser guest = sim.state().read(() -> sim.state().user("jordan.miller_fabrikam.com#EXT#@tailspintoys.onmicrosoft.com"))
                .orElseThrow();
        assertThat(guest.lastRevocationWithoutEffect()).isEqualTo(START);
    }

    private static void assertBadRequest(String body, String code, String message) {
        SimHttp.Answer answer = http.post("/users", body, "Content-Type", "application/json");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(code);
        assertThat(answer.errorMessage()).isEqualTo(message);
    }

    static ObjectNode lastAudit() {
        return sim.state().read(() -> {
            List<ObjectNode> audits = sim.state().directoryAudits();
            return audits.get(audits.size() - 1);
        });
    }
}
