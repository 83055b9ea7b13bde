package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes to authentication methods over HTTP: the Temporary Access Pass rules, deletes, phone and email
 * methods, resetPassword and its operation, and the methods policy update that steers them.
 */
class MethodWritesTest extends OnWritableBaseline {

    private static final String MEGAN = "megan.bowen@tailspintoys.com";
    private static final String PATTI = "patti.fernandez@tailspintoys.com";
    private static final String ISAIAH = "isaiah.langer@tailspintoys.com";
    private static final String GRADY = "grady.archie@tailspintoys.com";
    private static final String LYNNE = "lynne.robbins@tailspintoys.com";
    private static final String TAP = "/users/" + MEGAN + "/authentication/temporaryAccessPassMethods";
    private static final String TAP_POLICY = "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/"
            + "TemporaryAccessPass";
    private static final String TAP_TYPE = "\"@odata.type\": \"#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration\"";
    private static final String UNKNOWN_METHOD = "00000000-0000-0000-0000-00000000f1d0";
    private static final String RESET = "/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword";

    @Test
    void aTemporaryAccessPassShowsItsCodeOnceAndReplacesThePreviousOne() {
        SimHttp.Answer first = http.post(TAP, "{}", "Content-Type", "application/json");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode tap = first.json();
        assertThat(tap.path("@odata.context").asText()).endsWith("/authentication/temporaryAccessPassMethods/$entity");
        assertThat(tap.path("temporaryAccessPass").asText()).matches("[A-Za-z+&=]{8}");
        assertThat(tap.path("lifetimeInMinutes").asInt()).as("the policy's default").isEqualTo(60);
        assertThat(tap.path("isUsableOnce").asBoolean()).isFalse();
        assertThat(tap.path("isUsable").asBoolean()).isTrue();
        assertThat(tap.path("methodUsabilityReason").asText()).isEqualTo("EnabledByPolicy");
        assertThat(tap.path("startDateTime").asText()).isEqualTo("2026-03-02T09:00:00Z");
        JsonNode listed = http.get(TAP).json().path("value");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("temporaryAccessPass").isNull()).as("never shown again").isTrue();
        assertThat(UserWritesTest.lastAudit().path("activityDisplayName").asText())
                .isEqualTo("Admin registered security info");
        assertThat(UserWritesTest.lastAudit().toString()).doesNotContain(tap.path("temporaryAccessPass").asText());

        JsonNode second = http.post(TAP, "{\"lifetimeInMinutes\": 120, \"isUsableOnce\": true}", "Content-Type",
                "application/json").json();
        JsonNode after = http.get(TAP).json().path("value");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).path("id").asText()).isEqualTo(second.path("id").asText())
                .isNotEqualTo(tap.path("id").asText());
        assertThat(after.get(0).path("isUsableOnce").asBoolean()).isTrue();
    }

    @Test
    void theLifetimeMustFitThePolicyAndTheClockDecidesUsability() {
        SimHttp.Answer tooLong = http.post(TAP, "{\"lifetimeInMinutes\": 600}", "Content-Type", "application/json");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorCode()).isEqualTo("badRequest");
        assertThat(tooLong.errorMessage()).isEqualTo("Invalid LifetimeInMinutes specified. The valid range between 60 and 480.");
        JsonNode later = http.post(TAP, "{\"startDateTime\": \"2026-03-03T08:00:00Z\", \"lifetimeInMinutes\": 60}",
                "Content-Type", "application/json").json();
        assertThat(later.path("isUsable").asBoolean()).isFalse();
        assertThat(later.path("methodUsabilityReason").asText()).isEqualTo("NotYetValid");
        advance(Duration.ofHours(23).plusMinutes(30));
        assertThat(http.get(TAP).json().path("value").get(0).path("methodUsabilityReason").asText())
                .isEqualTo("EnabledByPolicy");
        advance(Duration.ofHours(1));
        assertThat(http.get(TAP).json().path("value").get(0).path("methodUsabilityReason").asText()).isEqualTo("Expired");
    }

    @Test
    void aOneTimePolicyForcesOneTimePasses() {
        SimHttp.Answer updated = http.patch(TAP_POLICY, "{" + TAP_TYPE + ", \"isUsableOnce\": true,"
                + " \"minimumLifetimeInMinutes\": 10, \"defaultLifetimeInMinutes\": 15}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(204);
        JsonNode tap = http.post(TAP, "{}", "Content-Type", "application/json").json();
        assertThat(tap.path("isUsableOnce").asBoolean()).isTrue();
        assertThat(tap.path("lifetimeInMinutes").asInt()).isEqualTo(15);
        SimHttp.Answer multiUse = http.post(TAP, "{\"isUsableOnce\": false}", "Content-Type", "application/json");
        assertThat(multiUse.status()).isEqualTo(400);
        assertThat(multiUse.errorCode()).isEqualTo("badRequest");
    }

    @Test
    void thePolicyMustBeEnabledAndTargetTheUser() {
        String financeOnly = "{" + TAP_TYPE + ", \"includeTargets\": [{\"targetType\": \"group\", \"id\": \""
                + groupId("Finance") + "\", \"isRegistrationRequired\": false}]}";
        assertThat(http.patch(TAP_POLICY, financeOnly).status()).isEqualTo(204);
        SimHttp.Answer refused = http.post(TAP, "{}", "Content-Type", "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorMessage()).isEqualTo("Converged UserCredentialPolicy does not allow creating or updating "
                + "this authentication method. AuthMethodType [TemporaryAccessPass].");
        assertThat(http.post("/users/emily.braun@tailspintoys.com/authentication/temporaryAccessPassMethods", "{}",
                "Content-Type", "application/json").status()).as("Emily is in Finance").isEqualTo(201);
        assertThat(http.patch(TAP_POLICY, "{" + TAP_TYPE + ", \"includeTargets\": [{\"targetType\": \"group\","
                + " \"id\": \"all_users\"}], \"excludeTargets\": [{\"targetType\": \"group\", \"id\": \""
                + groupId("Passkey Pilot") + "\"}]}").status()).isEqualTo(204);
        assertThat(http.post(TAP, "{}", "Content-Type", "application/json").status()).as("Megan is excluded")
                .isEqualTo(400);
        assertThat(http.patch(TAP_POLICY, "{" + TAP_TYPE + ", \"state\": \"disabled\", \"excludeTargets\": []}")
                .status()).isEqualTo(204);
        assertThat(http.post(TAP, "{}", "Content-Type", "application/json").status()).isEqualTo(400);
    }

    @Test
    void theMethodsPolicyUpdateFollowsGraphsRules() {
        assertThat(http.patch(TAP_POLICY, "{\"isUsableOnce\": true}").status()).as("no @odata.type").isEqualTo(400);
        assertThat(http.patch(TAP_POLICY, "{" + TAP_TYPE + ", \"minimumLifetimeInMinutes\": 5}").status())
                .isEqualTo(400);
        assertThat(http.patch(TAP_POLICY, "{" + TAP_TYPE + ", \"defaultLifetimeInMinutes\": 900}").status())
                .as("default above the maximum").isEqualTo(400);
        assertThat(http.patch(TAP_POLICY, "{" + TAP_TYPE + ", \"defaultLength\": 49}").status()).isEqualTo(400);
        assertThat(http.patch(TAP_POLICY, "{" + TAP_TYPE + ", \"keyRestrictions\": {}}").status())
                .as("a FIDO2 setting").isEqualTo(400);
        SimHttp.Answer denied = http.as(PATTI, "PATCH", TAP_POLICY, "{" + TAP_TYPE + ", \"defaultLength\": 12}");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(http.as("lee.gu@tailspintoys.com", "PATCH", TAP_POLICY, "{" + TAP_TYPE + ", \"defaultLength\": 12}")
                .status()).as("Authentication Policy Administrator").isEqualTo(204);
        assertThat(http.post(TAP, "{}", "Content-Type", "application/json").json().path("temporaryAccessPass").asText())
                .hasSize(12);
        assertThat(UserWritesTest.lastAudit().path("activityDisplayName").asText())
                .isEqualTo("Admin registered security info");
    }

    @Test
    void nobodyIssuesAPassToThemselvesOrToAGuest() {
        SimHttp.Answer self = http.post("/me/authentication/temporaryAccessPassMethods", "{}",
                "Content-Type", "application/json");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.errorCode()).isEqualTo("accessDenied");
        SimHttp.Answer guest = http.post("/users/jordan.miller_fabrikam.com%23EXT%23@tailspintoys.onmicrosoft.com"
                + "/authentication/temporaryAccessPassMethods", "{}", "Content-Type", "application/json");
        assertThat(guest.status()).isEqualTo(400);
        assertThat(guest.errorMessage()).isEqualTo("Temporary Access Pass cannot be added to an external guest user.");
    }

    @Test
    void authenticationAdministratorsIssuePassesToMembersOnly() {
        assertThat(http.as(PATTI, "POST", TAP, "{}").status()).as("on a non-admin").isEqualTo(201);
        assertThat(http.as(PATTI, "POST", "/users/" + ISAIAH + "/authentication/temporaryAccessPassMethods", "{}")
                .status()).as("on a Global Administrator").isEqualTo(403);
        assertThat(http.as(PATTI, "POST", "/users/" + GRADY + "/authentication/temporaryAccessPassMethods", "{}")
                .status()).as("on a role-assignable group member").isEqualTo(403);
        assertThat(http.as(LYNNE, "POST", "/users/" + ISAIAH + "/authentication/temporaryAccessPassMethods", "{}")
                .status()).as("PAA on a Global Administrator").isEqualTo(201);
        assertThat(http.as("diego.siciliani@tailspintoys.com", "POST", TAP, "{}").status())
                .as("Helpdesk Administrator manages no methods").isEqualTo(403);
        assertThat(http.as(PATTI, "POST", "/me/authentication/temporaryAccessPassMethods", "{}").status())
                .as("self").isEqualTo(403);
    }

    @Test
    void methodsAreDeletedThroughTheirTypedCollectionOnly() {
        String path = "/users/" + MEGAN + "/authentication/";
        String keyId = http.get(path + "fido2Methods").json().path("value").get(0).path("id").asText();
        assertThat(http.delete(path + "methods/" + keyId).status()).as("no generic DELETE").isEqualTo(405);
        assertThat(http.delete(path + "passwordMethods/28c10230-6103-485e-b985-444c60001490").status())
                .as("the password cannot be deleted").isEqualTo(405);
        assertThat(http.delete(path + "phoneMethods/" + keyId).status()).as("wrong type").isEqualTo(404);
        assertThat(http.as(PATTI, "DELETE", "/users/adele.vance@tailspintoys.com/authentication/fido2Methods/"
                + http.get("/users/adele.vance@tailspintoys.com/authentication/fido2Methods").json().path("value").get(0)
                .path("id").asText(), null).status()).as("Authentication Administrator on a Global Administrator")
                .isEqualTo(403);
        SimHttp.Answer deleted = http.delete(path + "fido2Methods/" + keyId);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(http.get(path + "fido2Methods").json().path("value")).isEmpty();
        assertThat(UserWritesTest.lastAudit().path("activityDisplayName").asText()).isEqualTo("Admin deleted security info");
        String authenticator = http.get(path + "microsoftAuthenticatorMethods").json().path("value").get(0).path("id")
                .asText();
        assertThat(http.as(MEGAN, "DELETE", "/me/authentication/microsoftAuthenticatorMethods/" + authenticator, null)
                .status()).as("a user deletes their own method").isEqualTo(204);
        assertThat(UserWritesTest.lastAudit().path("activityDisplayName").asText()).isEqualTo("User deleted security info");
    }

    @Test
    void phoneMethodsFollowTheNumberFormatAndOnePerType() {
        String phones = "/users/tom.harris@tailspintoys.com/authentication/phoneMethods";
        SimHttp.Answer alternateFirst = http.post(phones, "{\"phoneNumber\": \"+61 491570111\", \"phoneType\": "
                + "\"alternateMobile\"}", "Content-Type", "application/json");
        assertThat(alternateFirst.status()).isEqualTo(400);
        assertThat(http.post(phones, "{\"phoneNumber\": \"0491 570 111\", \"phoneType\": \"mobile\"}",
                "Content-Type", "application/json").status()).as("format").isEqualTo(400);
        SimHttp.Answer mobile = http.post(phones, "{\"phoneNumber\": \"+61 491570111\", \"phoneType\": \"mobile\"}",
                "Content-Type", "application/json");
        assertThat(mobile.status()).as(mobile.body()).isEqualTo(201);
        assertThat(mobile.json().path("id").asText()).isEqualTo("3179e48a-750b-4051-897c-87b9720928f7");
        assertThat(mobile.json().path("smsSignInState").asText()).isEqualTo("notAllowedByPolicy");
        assertThat(http.post(phones, "{\"phoneNumber\": \"+61 491570112\", \"phoneType\": \"mobile\"}",
                "Content-Type", "application/json").status()).as("one mobile").isEqualTo(400);
        assertThat(http.post(phones, "{\"phoneNumber\": \"+61 491570112\", \"phoneType\": \"alternateMobile\"}",
                "Content-Type", "application/json").status()).isEqualTo(201);
        assertThat(http.post(phones, "{\"phoneNumber\": \"+61 491570113\", \"phoneType\": \"mobile\","
                + " \"smsSignInState\": \"ready\"}", "Content-Type", "application/json").status())
                .as("read-only property").isEqualTo(400);
        assertThat(http.as("tom.harris@tailspintoys.com", "POST", "/me/authentication/phoneMethods",
                "{\"phoneNumber\": \"+61 491570119\", \"phoneType\": \"office\"}").status())
                .as("users without a role cannot add their own phone").isEqualTo(403);
    }

    @Test
    void oneEmailMethodPerUser() {
        String emails = "/users/tom.harris@tailspintoys.com/authentication/emailMethods";
        SimHttp.Answer added = http.post(emails, "{\"emailAddress\": \"tom@example.com\"}", "Content-Type",
                "application/json");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("id").asText()).isEqualTo("3ddfcfc8-9383-446f-83cc-3ab9be4be18f");
        assertThat(http.post(emails, "{\"emailAddress\": \"tom2@example.com\"}", "Content-Type", "application/json")
                .status()).isEqualTo(400);
        assertThat(http.post(emails, "{\"emailAddress\": \"not-an-address\"}", "Content-Type", "application/json")
                .status()).isEqualTo(400);
    }

    @Test
    void resetPasswordAnswers202WithTheOperationAndAGeneratedPassword() {
        advance(Duration.ofMinutes(30));
        SimHttp.Answer reset = http.post("/users/" + MEGAN + RESET, null);
        assertThat(reset.status()).as(reset.body()).isEqualTo(202);
        String location = reset.header("Location");
        assertThat(location).startsWith(sim.serviceRoot() + "/users/" + id(MEGAN) + "/authentication/operations/");
        String password = reset.json().path("newPassword").asText();
        assertThat(password).matches("[A-Z][a-z]{3}[0-9]{4}");
        assertThat(reset.json().path("@odata.context").asText())
                .isEqualTo(sim.serviceRoot() + "/$metadata#microsoft.graph.passwordResetResponse");
        assertThat(reset.header("Retry-After")).isEqualTo("1");
        JsonNode operation = http.get(location.substring(sim.serviceRoot().length())).json();
        assertThat(operation.path("status").asText()).isEqualTo("running");
        assertThat(operation.path("createdDateTime").asText()).isEqualTo("2026-03-02T09:30:00Z");
        advance(Duration.ofSeconds(1));
        operation = http.get(location.substring(sim.serviceRoot().length())).json();
        assertThat(operation.path("status").asText()).isEqualTo("succeeded");
        assertThat(operation.path("lastActionDateTime").asText()).isEqualTo("2026-03-02T09:30:01Z");
        assertThat(http.get("/users/" + MEGAN + "/authentication/operations").json().path("value")).hasSize(1);
        JsonNode megan = http.get("/users/" + MEGAN + "?$select=signInSessionsValidFromDateTime,lastPasswordChangeDateTime")
                .json();
        assertThat(megan.path("signInSessionsValidFromDateTime").asText()).isEqualTo("2026-03-02T09:30:00Z");
        assertThat(megan.path("lastPasswordChangeDateTime").asText()).isEqualTo("2026-03-02T09:30:00Z");
        assertThat(sim.state().read(() -> sim.state().user(MEGAN).orElseThrow().forceChangePasswordNextSignIn())).isTrue();
        assertThat(sim.state().read(() -> sim.state().passwordMatches(sim.state().user(MEGAN).orElseThrow(), password)))
                .isTrue();
        assertThat(http.get("/users/" + MEGAN + "/authentication/passwordMethods").json().path("value").get(0)
                .path("createdDateTime").asText()).isEqualTo("2026-03-02T09:30:00Z");
    }

    @Test
    void resetPasswordRules() {
        SimHttp.Answer given = http.post("/users/" + MEGAN + RESET, "{\"newPassword\": \"Cuyo5459\"}",
                "Content-Type", "application/json");
        assertThat(given.status()).isEqualTo(202);
        assertThat(given.json().isEmpty()).as("documented: {} when the admin chose the password").isTrue();
        assertThat(http.post("/users/irvin.sayers@tailspintoys.com" + RESET, null).status())
                .as("a synced user needs newPassword").isEqualTo(400);
        assertThat(http.post("/users/irvin.sayers@tailspintoys.com" + RESET, "{\"newPassword\": \"Cuyo5459\"}",
                "Content-Type", "application/json").status()).isEqualTo(202);
        SimHttp.Answer self = http.post("/me" + RESET, null);
        assertThat(self.status()).as("own account").isEqualTo(403);
        assertThat(self.errorCode()).isEqualTo("accessDenied");
        assertThat(http.as(PATTI, "POST", "/users/" + ISAIAH + RESET, null).status()).isEqualTo(403);
        assertThat(http.as(PATTI, "POST", "/users/" + MEGAN + RESET, null).status()).isEqualTo(202);
        assertThat(http.as(PATTI, "POST", "/me" + RESET, null).status()).as("self-resetPassword").isEqualTo(403);
        assertThat(http.post("/users/" + MEGAN + RESET, "{\"newPassword\": \"short\"}", "Content-Type",
                "application/json").status()).isEqualTo(400);
        assertThat(http.post("/users/" + MEGAN + "/authentication/methods/" + UNKNOWN_METHOD
                + "/resetPassword", null).status()).isEqualTo(404);
    }

}
