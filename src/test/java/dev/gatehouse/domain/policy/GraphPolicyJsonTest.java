package dev.gatehouse.domain.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Grant;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The request bodies against the shapes of graph-facts §10.4 and the v1.0 resource pages. */
class GraphPolicyJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AuthenticationStrength PASSKEY_OR_TAP = new AuthenticationStrength("6e7d7469-strength",
            "Passkey or one-time TAP", Set.of("fido2", "temporaryAccessPassOneTime"));

    private static ConditionalAccessPolicy registrationPolicy(Optional<Integer> signInFrequency) {
        return new ConditionalAccessPolicy("ignored-id", "Protect security info registration", State.REPORT_ONLY,
                new Users(Set.of("All"), Set.of(), Set.of(), Set.of("bg-group"), Set.of(), Set.of(), false, true),
                Set.of(), Set.of(), Set.of(ConditionalAccessPolicy.REGISTER_SECURITY_INFO),
                new Grant(false, Set.of("compliantDevice"), Optional.of(PASSKEY_OR_TAP)), signInFrequency);
    }

    @Test
    void theRegistrationPolicyIsTheDocumentedBodyWithTheStrengthByIdOnly() throws Exception {
        JsonNode body = JSON.readTree(GraphPolicyJson.conditionalAccessPolicy(registrationPolicy(Optional.of(1))));

        assertThat(body).isEqualTo(JSON.readTree("""
                {"displayName": "Protect security info registration",
                 "state": "enabledForReportingButNotEnforced",
                 "conditions": {
                   "clientAppTypes": ["all"],
                   "applications": {"includeApplications": [], "excludeApplications": [],
                                    "includeUserActions": ["urn:user:registersecurityinfo"]},
                   "users": {
                     "includeUsers": ["All"], "excludeUsers": [], "includeGroups": [], "excludeGroups": ["bg-group"],
                     "includeRoles": [], "excludeRoles": [],
                     "excludeGuestsOrExternalUsers": {
                       "guestOrExternalUserTypes": "internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider",
                       "externalTenants": {"@odata.type": "#microsoft.graph.conditionalAccessAllExternalTenants",
                                           "membershipKind": "all"}}}},
                 "grantControls": {"operator": "OR", "builtInControls": ["compliantDevice"],
                                   "authenticationStrength": {"id": "6e7d7469-strength"}},
                 "sessionControls": {"signInFrequency": {"isEnabled": true, "type": "hours", "value": 1,
                                     "frequencyInterval": "timeBased",
                                     "authenticationType": "primaryAndSecondaryAuthentication"}}}"""));
    }

    @Test
    void sameInputSameBytesWithListsSortedAndFrequencyInDaysOrEveryTime() throws Exception {
        ConditionalAccessPolicy policy = new ConditionalAccessPolicy(null, "Admins", State.ENABLED,
                new Users(Set.of(), Set.of("u2", "u1"), Set.of(), Set.of(), Set.of("r1"), Set.of(), true, false),
                Set.of("All"), Set.of(), Set.of(), new Grant(true, Set.of("mfa", "compliantDevice"), Optional.empty()),
                Optional.of(48));

        String body = GraphPolicyJson.conditionalAccessPolicy(policy);
        JsonNode json = JSON.readTree(body);

        assertThat(body).isEqualTo(GraphPolicyJson.conditionalAccessPolicy(policy));
        assertThat(json.path("conditions").path("users").path("excludeUsers").toString()).isEqualTo("[\"u1\",\"u2\"]");
        assertThat(json.path("conditions").path("users").has("includeGuestsOrExternalUsers")).isTrue();
        assertThat(json.path("conditions").path("users").has("excludeGuestsOrExternalUsers")).isFalse();
        assertThat(json.path("grantControls").path("operator").asText()).isEqualTo("AND");
        assertThat(json.path("grantControls").has("authenticationStrength")).isFalse();
        assertThat(json.path("sessionControls").path("signInFrequency").path("type").asText()).isEqualTo("days");
        assertThat(json.path("sessionControls").path("signInFrequency").path("value").asInt()).isEqualTo(2);
        assertThat(json.has("id")).isFalse();
        JsonNode everyTime = JSON.readTree(GraphPolicyJson.conditionalAccessPolicy(registrationPolicy(Optional.of(0))))
                .path("sessionControls").path("signInFrequency");
        assertThat(everyTime.path("frequencyInterval").asText()).isEqualTo("everyTime");
        assertThat(everyTime.has("value")).isFalse();
        assertThat(JSON.readTree(GraphPolicyJson.conditionalAccessPolicy(registrationPolicy(Optional.empty())))
                .has("sessionControls")).isFalse();
    }

    @Test
    void aLocationConditionIsSentOnlyWhenThePolicyHasOne() throws Exception {
        ConditionalAccessPolicy base = registrationPolicy(Optional.of(1));
        ConditionalAccessPolicy outsideTrusted = new ConditionalAccessPolicy(base.id(), base.displayName(),
                base.state(), base.users(), base.includeApplications(), base.excludeApplications(),
                base.includeUserActions(), base.grant(), base.signInFrequency(), base.clientAppTypes(),
                new ConditionalAccessPolicy.Locations(Set.of(ConditionalAccessPolicy.Locations.ALL),
                        Set.of(ConditionalAccessPolicy.Locations.ALL_TRUSTED)));

        JsonNode locations = JSON.readTree(GraphPolicyJson.conditionalAccessPolicy(outsideTrusted))
                .path("conditions").path("locations");

        assertThat(locations).isEqualTo(JSON.readTree(
                "{\"includeLocations\": [\"All\"], \"excludeLocations\": [\"AllTrusted\"]}"));
        assertThat(JSON.readTree(GraphPolicyJson.conditionalAccessPolicy(base)).path("conditions").has("locations"))
                .isFalse();
    }

    @Test
    void aStateChangeSendsTheStateAlone() throws Exception {
        assertThat(JSON.readTree(GraphPolicyJson.conditionalAccessState(State.ENABLED)))
                .isEqualTo(JSON.readTree("{\"state\": \"enabled\"}"));
        assertThat(State.fromGraph(State.REPORT_ONLY.graphValue())).isEqualTo(State.REPORT_ONLY);
    }

    @Test
    void aStrengthKeepsItsCombinationsInOrderAndLeavesComputedPropertiesToGraph() throws Exception {
        JsonNode body = JSON.readTree(GraphPolicyJson.authenticationStrength(new NewAuthenticationStrength(
                "Passkey or one-time TAP", null, List.of("temporaryAccessPassOneTime", "fido2", "password,sms"))));

        assertThat(body).isEqualTo(JSON.readTree("""
                {"@odata.type": "#microsoft.graph.authenticationStrengthPolicy",
                 "displayName": "Passkey or one-time TAP",
                 "allowedCombinations": ["temporaryAccessPassOneTime", "fido2", "password,sms"]}"""));
    }

    /** A policy as GET returns it: read-only fields, an expanded strength, unmanaged conditions and session controls. */
    private static final String CURRENT = """
            {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies/$entity",
             "id": "policy-1", "templateId": null, "displayName": "Old name", "state": "enabled",
             "createdDateTime": "2026-01-01T00:00:00Z", "modifiedDateTime": "2026-02-01T00:00:00Z",
             "conditions": {
               "clientAppTypes": ["browser"], "userRiskLevels": [], "signInRiskLevels": ["high"],
               "platforms": {"includePlatforms": ["all"], "excludePlatforms": ["iOS"]},
               "locations": {"includeLocations": ["All"], "excludeLocations": ["AllTrusted"]},
               "devices": null,
               "applications": {"includeApplications": [], "includeUserActions": ["urn:user:registersecurityinfo"],
                                "includeAuthenticationContextClassReferences": []},
               "users": {"includeUsers": ["All"], "excludeUsers": [], "includeGroups": [], "excludeGroups": [],
                         "includeRoles": [], "excludeRoles": [], "includeGuestsOrExternalUsers": null,
                         "excludeGuestsOrExternalUsers": {"guestOrExternalUserTypes": "b2bCollaborationGuest",
                           "externalTenants": {"@odata.type": "#microsoft.graph.conditionalAccessEnumeratedExternalTenants",
                                               "membershipKind": "enumerated", "members": ["tenant-a"]}}}},
             "grantControls": {"operator": "OR", "builtInControls": ["mfa"], "termsOfUse": ["tou-1"],
                               "authenticationStrength": null},
             "sessionControls": {"persistentBrowser": {"isEnabled": true, "mode": "never"},
                                 "signInFrequency": {"isEnabled": true, "type": "days", "value": 1,
                                                     "frequencyInterval": "timeBased"}}}""";

    @Test
    void anUpdateSendsTheManagedFieldsFromTheDraftAndEverythingElseAsGraphReturnedIt() throws Exception {
        JsonNode body = JSON.readTree(GraphPolicyJson.conditionalAccessUpdate(CURRENT,
                registrationPolicy(Optional.of(1))));

        assertThat(body.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("displayName", "state",
                "conditions", "grantControls", "sessionControls");
        assertThat(body.path("displayName").asText()).isEqualTo("Protect security info registration");
        assertThat(body.path("state").asText()).isEqualTo("enabledForReportingButNotEnforced");
        JsonNode conditions = body.path("conditions");
        assertThat(conditions.path("platforms")).isEqualTo(JSON.readTree(
                "{\"includePlatforms\": [\"all\"], \"excludePlatforms\": [\"iOS\"]}"));
        assertThat(conditions.path("signInRiskLevels").toString()).isEqualTo("[\"high\"]");
        assertThat(conditions.has("devices")).isTrue();
        assertThat(conditions.path("clientAppTypes").toString()).isEqualTo("[\"all\"]");
        assertThat(conditions.path("locations").isNull()).as("the draft has no location condition").isTrue();
        assertThat(conditions.path("applications")).isEqualTo(JSON.readTree("""
                {"includeApplications": [], "excludeApplications": [],
                 "includeUserActions": ["urn:user:registersecurityinfo"]}"""));
        assertThat(conditions.path("users").path("excludeGroups").toString()).isEqualTo("[\"bg-group\"]");
        assertThat(conditions.path("users").path("excludeGuestsOrExternalUsers").path("externalTenants")
                .path("members").toString()).as("the narrower guest choice is kept").isEqualTo("[\"tenant-a\"]");
        assertThat(conditions.path("users").path("includeGuestsOrExternalUsers").isNull()).isTrue();
        assertThat(body.path("grantControls")).isEqualTo(JSON.readTree("""
                {"operator": "OR", "builtInControls": ["compliantDevice"],
                 "authenticationStrength": {"id": "6e7d7469-strength"}}"""));
        assertThat(body.path("sessionControls").path("persistentBrowser").path("mode").asText()).isEqualTo("never");
        assertThat(body.path("sessionControls").path("signInFrequency").path("type").asText()).isEqualTo("hours");
    }

    @Test
    void anUpdateRemovesWhatTheDraftDropsWithNulls() throws Exception {
        ConditionalAccessPolicy draft = new ConditionalAccessPolicy("x", "P", State.DISABLED,
                new Users(Set.of("All"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, false),
                Set.of("All"), Set.of(), Set.of(), new Grant(false, Set.of("mfa"), Optional.empty()), Optional.empty(),
                Set.of("all"), new ConditionalAccessPolicy.Locations(Set.of("All"), Set.of()));
        JsonNode body = JSON.readTree(GraphPolicyJson.conditionalAccessUpdate(CURRENT, draft));

        assertThat(body.path("conditions").path("users").path("excludeGuestsOrExternalUsers").isNull()).isTrue();
        assertThat(body.path("conditions").path("locations").path("includeLocations").toString())
                .isEqualTo("[\"All\"]");
        assertThat(body.path("sessionControls").path("signInFrequency").isNull()).isTrue();
        assertThat(body.path("sessionControls").path("persistentBrowser").isObject()).isTrue();

        String withoutSessions = CURRENT.replace("\"persistentBrowser\": {\"isEnabled\": true, \"mode\": \"never\"},",
                "\"persistentBrowser\": null,");
        assertThat(JSON.readTree(GraphPolicyJson.conditionalAccessUpdate(withoutSessions, draft))
                .path("sessionControls").isNull()).as("no control left: none sent").isTrue();
    }

    @Test
    void anUpdateRefusesWhatIsNotAPolicyObject() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GraphPolicyJson.conditionalAccessUpdate("[1]",
                registrationPolicy(Optional.empty()))).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GraphPolicyJson.conditionalAccessUpdate("{",
                registrationPolicy(Optional.empty()))).isInstanceOf(IllegalArgumentException.class);
    }
}
