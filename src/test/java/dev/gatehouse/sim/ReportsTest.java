package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** userRegistrationDetails from live state, the audit and sign-in logs, their filters, the P1 gate and roles. */
class ReportsTest extends OnWritableBaseline {

    private static final String REPORT = "/reports/authenticationMethods/userRegistrationDetails";

    @Test
    void registrationDetailsFollowTheTenant() {
        JsonNode report = http.get(REPORT + "?$top=999").json();
        assertThat(report.path("value")).hasSize(40);
        JsonNode adele = http.get(REPORT + "/" + id("adele.vance@tailspintoys.com")).json();
        assertThat(adele.path("@odata.context").asText())
                .endsWith("$metadata#reports/authenticationMethods/userRegistrationDetails/$entity");
        assertThat(adele.path("isAdmin").asBoolean()).isTrue();
        assertThat(adele.path("isMfaCapable").asBoolean()).isTrue();
        assertThat(adele.path("isPasswordlessCapable").asBoolean()).isTrue();
        assertThat(strings(adele.path("methodsRegistered")))
                .containsExactly("passKeyDeviceBound", "microsoftAuthenticatorPush", "mobilePhone");
        assertThat(adele.path("userPreferredMethodForSecondaryAuthentication").asText()).isEqualTo("push");
        JsonNode christie = http.get(REPORT + "/" + id("christie.cline@tailspintoys.com")).json();
        assertThat(christie.path("isMfaRegistered").asBoolean()).isFalse();
        assertThat(christie.path("methodsRegistered")).isEmpty();
        assertThat(christie.path("userPreferredMethodForSecondaryAuthentication").asText()).isEqualTo("none");
        JsonNode allan = http.get(REPORT + "/" + id("allan.deyoung@tailspintoys.com")).json();
        assertThat(strings(allan.path("methodsRegistered"))).contains("temporaryAccessPass");
        JsonNode guest = http.get(REPORT + "?$filter=userType eq 'guest'").json();
        assertThat(guest.path("value")).hasSize(3);
        assertThat(guest.path("value").get(0).path("isSsprEnabled").asBoolean()).isFalse();
        assertThat(http.get(REPORT + "?$filter=methodsRegistered/any(m: m eq 'passKeyDeviceBound')").json().path("value"))
                .isNotEmpty();

        String megan = "/users/megan.bowen@tailspintoys.com/authentication/";
        http.get(megan + "fido2Methods").json().path("value")
                .forEach(key -> http.delete(megan + "fido2Methods/" + key.path("id").asText()));
        http.get(megan + "microsoftAuthenticatorMethods").json().path("value")
                .forEach(app -> http.delete(megan + "microsoftAuthenticatorMethods/" + app.path("id").asText()));
        JsonNode after = http.get(REPORT + "/" + id("megan.bowen@tailspintoys.com")).json();
        assertThat(after.path("isMfaRegistered").asBoolean()).as("live, not a lagging report").isFalse();
        assertThat(http.get(REPORT + "?$filter=isMfaRegistered eq false&$top=999").json().path("value").toString())
                .contains("megan.bowen@tailspintoys.com");
        assertThat(http.get(REPORT + "/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }

    @Test
    void everyWriteLandsInTheAuditLog() {
        String meganId = id("megan.bowen@tailspintoys.com");
        http.post("/users/" + meganId + "/authentication/temporaryAccessPassMethods", "{}", "Content-Type",
                "application/json");
        JsonNode audits = http.get("/auditLogs/directoryAudits?$filter=targetResources/any(t: t/id eq '" + meganId + "')")
                .json();
        assertThat(audits.path("@odata.context").asText()).endsWith("$metadata#auditLogs/directoryAudits");
        JsonNode newest = audits.path("value").get(0);
        assertThat(newest.path("activityDisplayName").asText()).isEqualTo("Admin registered security info");
        assertThat(newest.path("loggedByService").asText()).isEqualTo("Authentication Methods");
        assertThat(newest.path("category").asText()).isEqualTo("UserManagement");
        assertThat(newest.path("result").asText()).isEqualTo("success");
        assertThat(newest.path("activityDateTime").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(http.get("/auditLogs/directoryAudits/" + newest.path("id").asText()).json().path("id").asText())
                .isEqualTo(newest.path("id").asText());
        String adele = id("adele.vance@tailspintoys.com");
        assertThat(http.get("/auditLogs/directoryAudits?$filter=initiatedBy/user/id eq '" + adele
                + "' and activityDateTime ge 2026-03-02T08:59:00Z").json().path("value")).hasSize(1);
        List<String> times = new ArrayList<>();
        http.get("/auditLogs/directoryAudits").json().path("value").forEach(a -> times.add(a.path("activityDateTime").asText()));
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void signInsAreP1AndNewestFirst() {
        JsonNode signIns = http.get("/auditLogs/signIns?$top=10").json();
        assertThat(signIns.path("@odata.context").asText()).endsWith("$metadata#auditLogs/signIns");
        assertThat(signIns.path("value").size()).isGreaterThan(1);
        List<String> times = new ArrayList<>();
        signIns.path("value").forEach(s -> times.add(s.path("createdDateTime").asText()));
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
        String adele = id("adele.vance@tailspintoys.com");
        http.get("/auditLogs/signIns?$filter=userId eq '" + adele + "'").json().path("value")
                .forEach(s -> assertThat(s.path("userId").asText()).isEqualTo(adele));

        sim.loadScenario("baseline-free");
        for (String path : List.of("/auditLogs/signIns", REPORT)) {
            SimHttp.Answer refused = http.get(path);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("Authentication_RequestFromNonPremiumTenantOrB2CTenant");
            assertThat(refused.errorMessage()).isEqualTo("Neither tenant is B2C or tenant doesn't have premium license");
        }
        assertThat(http.get("/auditLogs/directoryAudits").status()).as("audit logs need no licence").isEqualTo(200);
    }

    @Test
    void readingActivityNeedsAReportingRole() {
        assertThat(http.as("patti.fernandez@tailspintoys.com", "GET", REPORT, null).status()).isEqualTo(403);
        assertThat(http.as("megan.bowen@tailspintoys.com", "GET", "/auditLogs/directoryAudits", null).status())
                .isEqualTo(403);
        assertThat(http.as("johanna.lorenz@tailspintoys.com", "GET", "/auditLogs/signIns", null).status())
                .as("Global Reader").isEqualTo(200);
    }

}
