package dev.gatehouse.sim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.sim.policy.WhatIfEvaluator.Conditions;
import dev.gatehouse.sim.policy.WhatIfEvaluator.Reason;
import dev.gatehouse.sim.policy.WhatIfEvaluator.Result;
import dev.gatehouse.sim.policy.WhatIfEvaluator.Subject;
import dev.gatehouse.sim.policy.WhatIfEvaluator.Target;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What If semantics, policy by policy: assignments, resources, conditions and the reasons reported. */
class WhatIfEvaluatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WhatIfEvaluator EVALUATOR = new WhatIfEvaluator();

    private static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
    private static final String BREAK_GLASS_GROUP = "11111111-1111-1111-1111-111111111111";
    private static final Target REGISTER = new Target.UserAction("registerSecurityInformation");
    private static final Target EXCHANGE = new Target.Applications(List.of("00000002-0000-0ff1-ce00-000000000000"));

    private static final Subject ADMIN = new Subject("a", null, Set.of(), Set.of(GLOBAL_ADMIN));
    private static final Subject MEMBER = new Subject("m", null, Set.of("22222222-2222-2222-2222-222222222222"), Set.of());
    private static final Subject GUEST = new Subject("g", "b2bCollaborationGuest", Set.of(), Set.of());
    private static final Subject BREAK_GLASS = new Subject("b", null, Set.of(BREAK_GLASS_GROUP), Set.of(GLOBAL_ADMIN));

    /** The registration-policy wizard's policy (DESIGN.md): strength OR compliant device, report-only first. */
    private static final JsonNode REGISTRATION = json("""
            {"state": "enabledForReportingButNotEnforced",
             "conditions": {"clientAppTypes": ["all"],
               "applications": {"includeApplications": [], "includeUserActions": ["urn:user:registersecurityinfo"]},
               "users": {"includeUsers": ["All"], "excludeGroups": ["%s"],
                 "excludeGuestsOrExternalUsers": {"guestOrExternalUserTypes": "internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider",
                   "externalTenants": {"@odata.type": "#microsoft.graph.conditionalAccessAllExternalTenants", "membershipKind": "all"}}}},
             "grantControls": {"operator": "OR", "builtInControls": ["compliantDevice"], "authenticationStrength": {"id": "x"}}}
            """.formatted(BREAK_GLASS_GROUP));

    @Test
    void theRegistrationPolicyAppliesToAnAdminOnACompliantDeviceButNotToGuestsOrBreakGlass() {
        Conditions compliant = conditions("{\"clientAppType\": \"browser\", \"devicePlatform\": \"windows\","
                + " \"deviceInfo\": {\"isCompliant\": true}}");
        Result admin = EVALUATOR.evaluate(REGISTRATION, ADMIN, REGISTER, compliant);
        assertThat(admin.applies()).as("report-only policies are evaluated").isTrue();
        assertThat(admin.analysisReasons()).isEqualTo("notSet");
        assertThat(EVALUATOR.evaluate(REGISTRATION, GUEST, REGISTER, compliant).analysisReasons()).isEqualTo("users");
        assertThat(EVALUATOR.evaluate(REGISTRATION, BREAK_GLASS, REGISTER, compliant).analysisReasons()).isEqualTo("users");
        Result app = EVALUATOR.evaluate(REGISTRATION, ADMIN, EXCHANGE, compliant);
        assertThat(app.applies()).isFalse();
        assertThat(app.reasons()).containsExactly(Reason.application);
        assertThat(EVALUATOR.evaluate(REGISTRATION, ADMIN, new Target.UserAction("registerOrJoinDevices"), compliant)
                .reasons()).containsExactly(Reason.userActions);
    }

    @Test
    void policiesOnAllResourcesApplyToUserActionsToo() {
        JsonNode mfaForAll = policy("\"includeApplications\": [\"All\"]", "\"includeUsers\": [\"All\"]", "[\"all\"]");
        assertThat(EVALUATOR.evaluate(mfaForAll, MEMBER, REGISTER, Conditions.none()).applies()).isTrue();
        assertThat(EVALUATOR.evaluate(mfaForAll, MEMBER, new Target.AuthenticationContext("c1"), Conditions.none())
                .applies()).isTrue();
        JsonNode exchangeOnly = policy("\"includeApplications\": [\"Office365\"]", "\"includeUsers\": [\"All\"]", "[\"all\"]");
        assertThat(EVALUATOR.evaluate(exchangeOnly, MEMBER, EXCHANGE, Conditions.none()).applies()).isTrue();
        assertThat(EVALUATOR.evaluate(exchangeOnly, MEMBER, REGISTER, Conditions.none()).reasons())
                .containsExactly(Reason.userActions);
    }

    @Test
    void theAdminPortalsGroupCoversTheAzurePortal() {
        Target azurePortal = new Target.Applications(List.of("c44b4083-3bb0-49c1-b47d-974e53cbdf3c"));
        JsonNode portals = policy("\"includeApplications\": [\"MicrosoftAdminPortals\"]", "\"includeUsers\": [\"All\"]",
                "[\"all\"]");
        assertThat(EVALUATOR.evaluate(portals, ADMIN, azurePortal, Conditions.none()).applies()).isTrue();
        assertThat(EVALUATOR.evaluate(portals, ADMIN, EXCHANGE, Conditions.none()).reasons())
                .containsExactly(Reason.application);
        JsonNode allButPortals = policy("\"includeApplications\": [\"All\"], \"excludeApplications\": "
                + "[\"MicrosoftAdminPortals\"]", "\"includeUsers\": [\"All\"]", "[\"all\"]");
        assertThat(EVALUATOR.evaluate(allButPortals, ADMIN, azurePortal, Conditions.none()).reasons())
                .containsExactly(Reason.application);
    }

    @Test
    void assignmentsByRoleGroupAndGuestType() {
        JsonNode admins = policy("\"includeApplications\": [\"All\"]", "\"includeRoles\": [\"" + GLOBAL_ADMIN + "\"]", "[\"all\"]");
        assertThat(EVALUATOR.evaluate(admins, ADMIN, EXCHANGE, Conditions.none()).applies()).isTrue();
        assertThat(EVALUATOR.evaluate(admins, MEMBER, EXCHANGE, Conditions.none()).reasons()).containsExactly(Reason.users);
        JsonNode guests = policy("\"includeApplications\": [\"All\"]", "\"includeUsers\": [\"GuestsOrExternalUsers\"]", "[\"all\"]");
        assertThat(EVALUATOR.evaluate(guests, GUEST, EXCHANGE, Conditions.none()).applies()).isTrue();
        assertThat(EVALUATOR.evaluate(guests, MEMBER, EXCHANGE, Conditions.none()).applies()).isFalse();
        JsonNode enumerated = json("""
                {"state": "enabled", "conditions": {"clientAppTypes": ["all"], "applications": {"includeApplications": ["All"]},
                 "users": {"includeGuestsOrExternalUsers": {"guestOrExternalUserTypes": "b2bCollaborationGuest",
                   "externalTenants": {"membershipKind": "enumerated", "members": ["contoso-tenant"]}}}}}""");
        assertThat(EVALUATOR.evaluate(enumerated, GUEST, EXCHANGE, Conditions.none()).applies())
                .as("the demo tenant does not know a guest's home tenant").isFalse();
        JsonNode none = policy("\"includeApplications\": [\"All\"]", "\"includeUsers\": [\"None\"]", "[\"all\"]");
        assertThat(EVALUATOR.evaluate(none, ADMIN, EXCHANGE, Conditions.none()).applies()).isFalse();
    }

    @Test
    void clientAppsPlatformsAndMissingInformation() {
        JsonNode legacy = policy("\"includeApplications\": [\"All\"]", "\"includeUsers\": [\"All\"]",
                "[\"exchangeActiveSync\", \"other\"]");
        assertThat(EVALUATOR.evaluate(legacy, MEMBER, EXCHANGE, conditions("{\"clientAppType\": \"exchangeActiveSync\"}"))
                .applies()).isTrue();
        assertThat(EVALUATOR.evaluate(legacy, MEMBER, EXCHANGE, conditions("{\"clientAppType\": \"browser\"}")).reasons())
                .containsExactly(Reason.clientApps);
        assertThat(EVALUATOR.evaluate(legacy, MEMBER, EXCHANGE, Conditions.none()).reasons())
                .containsExactly(Reason.notEnoughInformation);
        JsonNode mobile = json("""
                {"state": "enabled", "conditions": {"clientAppTypes": ["all"], "applications": {"includeApplications": ["All"]},
                 "users": {"includeUsers": ["All"]}, "platforms": {"includePlatforms": ["all"], "excludePlatforms": ["windows", "macOS"]}}}""");
        assertThat(EVALUATOR.evaluate(mobile, MEMBER, EXCHANGE, conditions("{\"devicePlatform\": \"iOS\"}")).applies()).isTrue();
        assertThat(EVALUATOR.evaluate(mobile, MEMBER, EXCHANGE, conditions("{\"devicePlatform\": \"macOS\"}")).reasons())
                .containsExactly(Reason.devicePlatform);
        assertThat(EVALUATOR.evaluate(mobile, GUEST, EXCHANGE, conditions("{\"devicePlatform\": \"windows\"}"))
                .analysisReasons()).isEqualTo("devicePlatform");
    }

    @Test
    void aDeviceFilterReadsTheDeviceInfo() {
        JsonNode unmanaged = json("""
                {"state": "enabled", "conditions": {"clientAppTypes": ["all"], "applications": {"includeApplications": ["All"]},
                 "users": {"includeUsers": ["All"]}, "devices": {"deviceFilter": {"mode": "exclude", "rule": "device.isCompliant -eq True"}}}}""");
        assertThat(EVALUATOR.evaluate(unmanaged, MEMBER, EXCHANGE, conditions("{\"deviceInfo\": {\"isCompliant\": false}}"))
                .applies()).isTrue();
        assertThat(EVALUATOR.evaluate(unmanaged, MEMBER, EXCHANGE, conditions("{\"deviceInfo\": {\"isCompliant\": true}}"))
                .reasons()).containsExactly(Reason.devices);
        assertThat(EVALUATOR.evaluate(unmanaged, MEMBER, EXCHANGE, Conditions.none()).reasons())
                .containsExactly(Reason.notEnoughInformation);
    }

    @Test
    void risksFlowsDisabledPoliciesAndSeveralReasons() {
        JsonNode risky = json("""
                {"state": "disabled", "conditions": {"clientAppTypes": ["browser"], "applications": {"includeApplications": ["All"]},
                 "users": {"includeRoles": ["%s"]}, "signInRiskLevels": ["high", "medium"], "userRiskLevels": [],
                 "authenticationFlows": {"transferMethods": "deviceCodeFlow"}}}""".formatted(GLOBAL_ADMIN));
        Result result = EVALUATOR.evaluate(risky, MEMBER, EXCHANGE,
                conditions("{\"clientAppType\": \"mobileAppsAndDesktopClients\", \"signInRiskLevel\": \"low\"}"));
        assertThat(result.analysisReasons()).isEqualTo("users,clientApps,signInRisk,policyNotEnabled,authenticationFlow");
        Result matching = EVALUATOR.evaluate(risky, ADMIN, EXCHANGE, conditions("{\"clientAppType\": \"browser\","
                + " \"signInRiskLevel\": \"high\", \"authenticationFlow\": {\"transferMethod\": \"deviceCodeFlow\"}}"));
        assertThat(matching.reasons()).containsExactly(Reason.policyNotEnabled);
    }

    private static JsonNode policy(String applications, String users, String clientAppTypes) {
        return json("{\"state\": \"enabled\", \"conditions\": {\"clientAppTypes\": " + clientAppTypes
                + ", \"applications\": {" + applications + "}, \"users\": {" + users + "}}}");
    }

    private static Conditions conditions(String json) {
        JsonNode node = json(json);
        return new Conditions(node.path("clientAppType").asText(null), node.path("devicePlatform").asText(null),
                node.get("deviceInfo"), node.path("signInRiskLevel").asText(null), node.path("userRiskLevel").asText(null),
                node.path("insiderRiskLevel").asText(null), node.path("authenticationFlow").path("transferMethod").asText(null));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
