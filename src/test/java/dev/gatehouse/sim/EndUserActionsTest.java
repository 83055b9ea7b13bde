package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The trainer's end-user actions under /_demo: TAP and password sign-ins, registrations, the actor switch. */
class EndUserActionsTest extends OnWritableBaseline {

    private static final String MEGAN = "megan.bowen@tailspintoys.com";
    private static final String TAP = "/users/" + MEGAN + "/authentication/temporaryAccessPassMethods";

    @Test
    void aOneTimePassSignsInOnceAndLeavesTenMinutesToRegisterAPasskey() {
        String code = issue("{\"isUsableOnce\": true, \"lifetimeInMinutes\": 60}");
        assertThat(signIn(MEGAN, "wrong-code").path("outcome").asText()).isEqualTo("failed");
        JsonNode signedIn = signIn(MEGAN, code);
        assertThat(signedIn.path("outcome").asText()).as(signedIn.toString()).isEqualTo("signedIn");
        assertThat(signedIn.path("registrationWindowEndsAt").asText()).isEqualTo("2026-03-02T09:10:00Z");
        JsonNode pass = http.get(TAP).json().path("value").get(0);
        assertThat(pass.path("isUsable").asBoolean()).isFalse();
        assertThat(pass.path("methodUsabilityReason").asText()).isEqualTo("OneTimeUsed");

        advance(Duration.ofMinutes(4));
        JsonNode registered = demo("/users/" + MEGAN + "/register/fido2", "{\"displayName\": \"Backup key\","
                + " \"model\": \"YubiKey 5C\"}");
        assertThat(registered.path("outcome").asText()).as(registered.toString()).isEqualTo("registered");
        JsonNode keys = http.get("/users/" + MEGAN + "/authentication/fido2Methods").json().path("value");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(1).path("displayName").asText()).isEqualTo("Backup key");
        assertThat(keys.get(1).path("createdDateTime").asText()).isEqualTo("2026-03-02T09:04:00Z");
        JsonNode audit = UserWritesTest.lastAudit();
        assertThat(audit.path("activityDisplayName").asText()).isEqualTo("User registered security info");
        assertThat(audit.path("initiatedBy").path("user").path("userPrincipalName").asText()).isEqualTo(MEGAN);

        JsonNode again = signIn(MEGAN, code);
        assertThat(again.path("outcome").asText()).isEqualTo("refused");
        assertThat(again.path("methodUsabilityReason").asText()).isEqualTo("OneTimeUsed");
        advance(Duration.ofMinutes(7));
        assertThat(demo("/users/" + MEGAN + "/register/microsoftAuthenticator", "{}").path("explanation").asText())
                .startsWith("The Temporary Access Pass session ended at 2026-03-02T09:10:00Z");

        JsonNode signIns = http.get("/auditLogs/signIns?$filter=userId eq '" + id(MEGAN) + "'").json().path("value");
        assertThat(signIns.get(0).path("appDisplayName").asText()).isEqualTo("My Signins");
        assertThat(signIns.get(0).path("status").path("errorCode").asInt()).isZero();
    }

    @Test
    void aMultiUsePassLastsItsLifetimeAndThePolicyStillDecides() {
        String code = issue("{\"lifetimeInMinutes\": 60}");
        assertThat(signIn(MEGAN, code).path("registrationWindowEndsAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(demo("/users/" + MEGAN + "/register/phone", "{\"phoneNumber\": \"+61 491570177\", \"phoneType\":"
                + " \"mobile\"}").path("outcome").asText()).isEqualTo("registered");
        assertThat(demo("/users/" + MEGAN + "/register/phone", "{\"phoneNumber\": \"+61 491570178\", \"phoneType\":"
                + " \"mobile\"}").path("outcome").asText()).as("one mobile phone").isEqualTo("error");
        assertThat(signIn(MEGAN, code).path("outcome").asText()).as("usable again").isEqualTo("signedIn");

        String fido2Policy = "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Fido2";
        http.patch(fido2Policy, "{\"@odata.type\": \"#microsoft.graph.fido2AuthenticationMethodConfiguration\","
                + " \"state\": \"disabled\"}");
        assertThat(demo("/users/" + MEGAN + "/register/fido2", "{}").path("explanation").asText())
                .startsWith("Passkeys (FIDO2) are not enabled");
        http.patch("/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass",
                "{\"@odata.type\": \"#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration\","
                        + " \"excludeTargets\": [{\"targetType\": \"group\", \"id\": \"" + groupId("Passkey Pilot") + "\"}]}");
        assertThat(signIn(MEGAN, code).path("explanation").asText())
                .isEqualTo("Temporary Access Pass sign in was blocked due to User Credential Policy.");
    }

    @Test
    void anExpiredPassIsRefused() {
        String code = issue("{\"lifetimeInMinutes\": 60}");
        advance(Duration.ofMinutes(61));
        JsonNode refused = signIn(MEGAN, code);
        assertThat(refused.path("outcome").asText()).isEqualTo("refused");
        assertThat(refused.path("methodUsabilityReason").asText()).isEqualTo("Expired");
    }

    @Test
    void passwordSignInsCountFailures() {
        JsonNode wrong = demo("/users/" + MEGAN + "/signIn/password", "{\"password\": \"guess\"}");
        assertThat(wrong.path("outcome").asText()).isEqualTo("failed");
        assertThat(demo("/users/" + MEGAN + "/signIn/password", "{\"password\": \"guess2\"}")
                .path("failedPasswordSignIns").asInt()).isEqualTo(2);
        JsonNode right = demo("/users/" + MEGAN + "/signIn/password", "{\"password\": \"Tailspin-Demo-2026\"}");
        assertThat(right.path("outcome").asText()).isEqualTo("passwordAccepted");
        assertThat(right.path("mustChangePassword").asBoolean()).isFalse();
        assertThat(http.demo("GET", "/users/" + MEGAN, null).json().path("failedPasswordSignIns").asInt()).isZero();

        String generated = http.post("/users/" + MEGAN + "/authentication/methods/28c10230-6103-485e-b985-444c60001490"
                + "/resetPassword", null).json().path("newPassword").asText();
        assertThat(demo("/users/" + MEGAN + "/signIn/password", "{\"password\": \"Tailspin-Demo-2026\"}")
                .path("outcome").asText()).isEqualTo("failed");
        JsonNode afterReset = demo("/users/" + MEGAN + "/signIn/password", "{\"password\": \"" + generated + "\"}");
        assertThat(afterReset.path("mustChangePassword").asBoolean()).isTrue();
        JsonNode failure = http.get("/auditLogs/signIns?$filter=userId eq '" + id(MEGAN) + "' and status/errorCode eq 50126")
                .json().path("value");
        assertThat(failure).hasSize(3);

        http.patch("/users/" + MEGAN, "{\"accountEnabled\": false}");
        assertThat(demo("/users/" + MEGAN + "/signIn/password", "{\"password\": \"" + generated + "\"}")
                .path("explanation").asText()).isEqualTo("The account is disabled.");
    }

    @Test
    void guestsCannotUsePassesAndSignInsNeedP1ToBeRecorded() {
        assertThat(demo("/users/jordan.miller_fabrikam.com%23EXT%23@tailspintoys.onmicrosoft.com/signIn/temporaryAccessPass",
                "{\"temporaryAccessPass\": \"x\"}").path("outcome").asText()).isEqualTo("refused");
        sim.loadScenario("baseline-free");
        int before = sim.state().read(() -> sim.state().signIns().size());
        demo("/users/" + MEGAN + "/signIn/password", "{\"password\": \"guess\"}");
        assertThat(sim.state().read(() -> sim.state().signIns().size())).isEqualTo(before);
    }

    @Test
    void theActorSwitchChangesWhoAPlainTokenActsAs() {
        assertThat(http.demo("POST", "/actor", "{\"userPrincipalName\": \"patti.fernandez@tailspintoys.com\"}").status())
                .isEqualTo(200);
        assertThat(http.get("/me").json().path("userPrincipalName").asText()).isEqualTo("patti.fernandez@tailspintoys.com");
        assertThat(http.post("/users/isaiah.langer@tailspintoys.com/authentication/temporaryAccessPassMethods", "{}",
                "Content-Type", "application/json").status()).isEqualTo(403);
        assertThat(http.demo("POST", "/actor", "{\"userPrincipalName\": \"nobody@tailspintoys.com\"}").status())
                .isEqualTo(404);
        assertThat(http.demo("POST", "/actor", "{\"userPrincipalName\": "
                + "\"jordan.miller_fabrikam.com#EXT#@tailspintoys.onmicrosoft.com\"}").status()).isEqualTo(400);
        sim.loadScenario("baseline");
        assertThat(http.get("/me").json().path("userPrincipalName").asText()).isEqualTo("adele.vance@tailspintoys.com");
    }

    @Test
    void passwordAndPushSignsInOnlyWithAnAuthenticatorThePolicyEnables() {
        String push = ", \"secondFactor\": \"push\"}";
        JsonNode megan = demo("/users/" + MEGAN + "/signIn/password", "{\"password\": \"Tailspin-Demo-2026\"" + push);
        assertThat(megan.path("outcome").asText()).as(megan.toString()).isEqualTo("signedIn");
        assertThat(megan.path("secondFactor").asText()).isEqualTo("push");
        assertThat(megan.path("explanation").asText()).startsWith("Signed in with the password and a notification approved on");
        JsonNode signIn = http.get("/auditLogs/signIns?$filter=userId eq '" + id(MEGAN) + "'").json().path("value").get(0);
        assertThat(signIn.path("status").path("errorCode").asInt()).isZero();
        assertThat(signIn.path("status").path("additionalDetails").asText()).contains("Microsoft Authenticator notification approved");

        assertThat(demo("/users/" + MEGAN + "/signIn/password", "{\"password\": \"guess\"" + push).path("outcome")
                .asText()).as("the password first").isEqualTo("failed");
        JsonNode pradeep = demo("/users/pradeep.gupta@tailspintoys.com/signIn/password",
                "{\"password\": \"Tailspin-Demo-2026\"" + push);
        assertThat(pradeep.path("outcome").asText()).isEqualTo("refused");
        assertThat(pradeep.path("explanation").asText()).isEqualTo("The password is correct, but Pradeep Gupta has no "
                + "Microsoft Authenticator registered, so no notification can be sent.");

        http.patch("/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/MicrosoftAuthenticator",
                "{\"@odata.type\": \"#microsoft.graph.microsoftAuthenticatorAuthenticationMethodConfiguration\","
                        + " \"state\": \"disabled\"}");
        assertThat(demo("/users/" + MEGAN + "/signIn/password", "{\"password\": \"Tailspin-Demo-2026\"" + push)
                .path("explanation").asText()).startsWith("The password is correct, but Microsoft Authenticator is not "
                + "enabled for this user");
        assertThat(demo("/users/" + MEGAN + "/signIn/password", "{\"password\": \"x\", \"secondFactor\": \"sms\"}")
                .path("outcome").asText()).isEqualTo("error");
    }

    @Test
    void theActorsAreTheEnabledMembersWithARoleAndTheScenarioAdminStaysKnown() {
        JsonNode actors = http.demo("GET", "/actors", null).json();
        assertThat(actors.path("scenarioAdmin").asText()).isEqualTo("adele.vance@tailspintoys.com");
        assertThat(actors.path("signedInAdmin").asText()).isEqualTo("adele.vance@tailspintoys.com");
        JsonNode patti = null;
        for (JsonNode admin : actors.path("admins")) {
            assertThat(admin.path("roles")).isNotEmpty();
            if (admin.path("userPrincipalName").asText().equals("patti.fernandez@tailspintoys.com")) {
                patti = admin;
            }
        }
        assertThat(patti).isNotNull();
        assertThat(patti.path("displayName").asText()).isEqualTo("Patti Fernandez");
        assertThat(patti.path("roles").get(0).asText()).isEqualTo("Authentication Administrator");
        assertThat(actors.path("admins").toString()).doesNotContain("megan.bowen").contains("lee.gu@tailspintoys.com");

        http.demo("POST", "/actor", "{\"userPrincipalName\": \"patti.fernandez@tailspintoys.com\"}");
        JsonNode after = http.demo("GET", "/actors", null).json();
        assertThat(after.path("signedInAdmin").asText()).isEqualTo("patti.fernandez@tailspintoys.com");
        assertThat(after.path("scenarioAdmin").asText()).isEqualTo("adele.vance@tailspintoys.com");
    }

    private static String issue(String body) {
        return http.post(TAP, body, "Content-Type", "application/json").json().path("temporaryAccessPass").asText();
    }

    private static JsonNode signIn(String user, String code) {
        return demo("/users/" + user + "/signIn/temporaryAccessPass", "{\"temporaryAccessPass\": \"" + code + "\"}");
    }

    /** A demo action's answer; Graph-style errors are folded into {@code outcome: error} for the assertions. */
    private static JsonNode demo(String path, String body) {
        SimHttp.Answer answer = http.demo("POST", path, body);
        if (answer.status() != 200) {
            return ((ObjectNode) answer.json()).put("outcome", "error");
        }
        return answer.json();
    }
}
