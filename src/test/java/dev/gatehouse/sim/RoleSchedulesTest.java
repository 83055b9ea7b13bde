package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.gatehouse.sim.PimScenario.FIRST;
import static dev.gatehouse.sim.PimScenario.NO_EXPIRATION;
import static dev.gatehouse.sim.PimScenario.SECOND;
import static dev.gatehouse.sim.PimScenario.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PIM's schedules as Graph v1.0 lists them (rbacapplication-list-roleassignmentschedules,
 * rbacapplication-list-roleeligibilityschedules): every active assignment, permanent or time-bound, and the
 * eligibilities a scenario seeds; its settings per role (policyroot-list-rolemanagementpolicyassignments); all refused
 * without Entra ID P2 and to admins who may not read PIM.
 */
class RoleSchedulesTest extends OnWritableBaseline {

    static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
    private static final String ASSIGNED = "/roleManagement/directory/roleAssignmentSchedules";
    private static final String ELIGIBLE = "/roleManagement/directory/roleEligibilitySchedules";

    @TempDir
    Path folder;

    @Test
    void activeAssignmentsArePermanentSchedulesAndSeededOnesKeepTheirEnd() {
        sim.loadScenario(PimScenario.withP2().eligible(FIRST, NO_EXPIRATION).active(SECOND, until("+10d")).write(folder));
        String adele = id("adele.vance@tailspintoys.com");

        JsonNode direct = http.get(ASSIGNED + "?$filter=principalId eq '" + adele + "'").json();
        assertThat(direct.path("@odata.context").asText())
                .endsWith("$metadata#roleManagement/directory/roleAssignmentSchedules");
        JsonNode permanent = direct.path("value").get(0);
        assertThat(permanent.path("roleDefinitionId").asText()).isEqualTo(GLOBAL_ADMINISTRATOR);
        assertThat(permanent.path("directoryScopeId").asText()).isEqualTo("/");
        assertThat(permanent.path("assignmentType").asText()).isEqualTo("Assigned");
        assertThat(permanent.path("memberType").asText()).isEqualTo("Direct");
        assertThat(permanent.path("status").asText()).isEqualTo("Provisioned");
        assertThat(permanent.path("scheduleInfo").path("startDateTime").asText()).isEqualTo("2026-03-02T09:00:00Z");
        JsonNode expiration = permanent.path("scheduleInfo").path("expiration");
        assertThat(expiration.path("type").asText()).isEqualTo("noExpiration");
        assertThat(expiration.path("endDateTime").isNull()).isTrue();
        assertThat(expiration.path("duration").isNull()).isTrue();

        JsonNode timeBound = http.get(ASSIGNED + "?$filter=principalId eq '" + id(SECOND) + "'").json().path("value");
        assertThat(timeBound).hasSize(1);
        assertThat(timeBound.get(0).path("scheduleInfo").path("expiration").path("type").asText())
                .isEqualTo("afterDateTime");
        assertThat(timeBound.get(0).path("scheduleInfo").path("expiration").path("endDateTime").asText())
                .isEqualTo("2026-03-12T09:00:00Z");
        assertThat(http.get("/roleManagement/directory/roleAssignments?$filter=principalId eq '" + id(SECOND) + "'")
                .json().path("value")).as("a time-bound assignment is active until it ends").hasSize(1);

        JsonNode eligible = http.get(ELIGIBLE + "?$filter=principalId eq '" + id(FIRST) + "'").json();
        assertThat(eligible.path("@odata.context").asText())
                .endsWith("$metadata#roleManagement/directory/roleEligibilitySchedules");
        JsonNode eligibility = eligible.path("value").get(0);
        assertThat(eligibility.path("roleDefinitionId").asText()).isEqualTo(GLOBAL_ADMINISTRATOR);
        assertThat(eligibility.has("assignmentType")).isFalse();
        assertThat(eligibility.path("scheduleInfo").path("expiration").path("type").asText()).isEqualTo("noExpiration");
        assertThat(http.get(ASSIGNED + "?$filter=principalId eq '" + id(FIRST) + "'").json().path("value"))
                .as("eligible is not active").isEmpty();

        advance(Duration.ofDays(11));
        assertThat(http.get(ASSIGNED + "?$filter=principalId eq '" + id(SECOND) + "'").json().path("value"))
                .as("ended").isEmpty();
        assertThat(http.get("/roleManagement/directory/roleAssignments?$filter=principalId eq '" + id(SECOND) + "'")
                .json().path("value")).isEmpty();
    }

    @Test
    void aDirectAssignmentIsListedAsAPermanentSchedule() {
        sim.loadScenario(PimScenario.withP2().eligible(FIRST, NO_EXPIRATION).write(folder));
        String first = id(FIRST);
        assertThat(http.post("/roleManagement/directory/roleAssignments", "{\"roleDefinitionId\": \""
                + GLOBAL_ADMINISTRATOR + "\", \"principalId\": \"" + first + "\", \"directoryScopeId\": \"/\"}",
                "Content-Type", "application/json").status()).isEqualTo(201);
        JsonNode schedules = http.get(ASSIGNED + "?$filter=principalId eq '" + first + "'").json().path("value");
        assertThat(schedules).hasSize(1);
        assertThat(schedules.get(0).path("scheduleInfo").path("expiration").path("type").asText())
                .isEqualTo("noExpiration");
    }

    @Test
    void withoutEntraIdP2OrARoleThatReadsPimGraphRefuses() {
        SimHttp.Answer free = http.get(ASSIGNED + "?$filter=principalId eq '" + id(FIRST) + "'");
        assertThat(free.status()).isEqualTo(400);
        assertThat(free.errorCode()).isEqualTo("AadPremiumLicenseRequired");
        assertThat(http.get(ELIGIBLE).errorCode()).isEqualTo("AadPremiumLicenseRequired");
        assertThat(http.get("/policies/roleManagementPolicyAssignments").errorCode())
                .isEqualTo("AadPremiumLicenseRequired");

        sim.loadScenario(PimScenario.withP2().eligible(FIRST, NO_EXPIRATION).write(folder));
        assertThat(http.getAs("johanna.lorenz@tailspintoys.com", ELIGIBLE).status()).as("Global Reader").isEqualTo(200);
        SimHttp.Answer helpdesk = http.getAs("diego.siciliani@tailspintoys.com", ELIGIBLE);
        assertThat(helpdesk.status()).isEqualTo(403);
        assertThat(helpdesk.errorCode()).isEqualTo("Authorization_RequestDenied");
    }

    @Test
    void eachRoleHasPimSettingsWithItsRulesAndAScenarioCanRequireActiveAssignmentsToEnd() {
        sim.loadScenario(PimScenario.withP2().activeAssignmentsMustEnd("P90D").write(folder));
        String settings = "/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq "
                + "'DirectoryRole' and roleDefinitionId eq '" + GLOBAL_ADMINISTRATOR + "'";

        JsonNode plain = http.get(settings).json();
        assertThat(plain.path("@odata.context").asText()).endsWith("$metadata#policies/roleManagementPolicyAssignments");
        JsonNode assignment = plain.path("value").get(0);
        assertThat(assignment.path("policyId").asText()).startsWith("DirectoryRole_");
        assertThat(assignment.path("id").asText()).isEqualTo(assignment.path("policyId").asText() + "_"
                + GLOBAL_ADMINISTRATOR);
        assertThat(assignment.path("scopeType").asText()).isEqualTo("DirectoryRole");
        assertThat(assignment.has("policy")).isFalse();

        JsonNode expanded = http.get(settings + "&$expand=policy($expand=rules)").json();
        assertThat(expanded.path("@odata.context").asText())
                .endsWith("$metadata#policies/roleManagementPolicyAssignments(policy(rules()))");
        JsonNode rules = expanded.path("value").get(0).path("policy").path("rules");
        JsonNode active = null;
        for (JsonNode rule : rules) {
            if (rule.path("id").asText().equals("Expiration_Admin_Assignment")) {
                active = rule;
            }
        }
        assertThat(active).isNotNull();
        assertThat(active.path("@odata.type").asText())
                .isEqualTo("#microsoft.graph.unifiedRoleManagementPolicyExpirationRule");
        assertThat(active.path("isExpirationRequired").asBoolean()).isTrue();
        assertThat(active.path("maximumDuration").asText()).isEqualTo("P90D");
        assertThat(active.path("target").path("level").asText()).isEqualTo("Assignment");
        assertThat(rules.toString()).contains("Expiration_EndUser_Assignment").contains("PT8H");
        assertThat(http.get("/policies/roleManagementPolicyAssignments?$filter=roleDefinitionId eq '"
                + "f2ef992c-3afb-46b9-b7cf-a126ee74c451'&$expand=policy($expand=rules)").json().toString())
                .as("other roles keep the default").contains("\"maximumDuration\":\"P180D\"");
    }
}
