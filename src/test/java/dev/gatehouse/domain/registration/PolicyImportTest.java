package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.registration.PolicyImport.ImportError;
import dev.gatehouse.domain.registration.PolicyImport.Result;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.gatehouse.domain.registration.RegistrationPolicyDesignTest.EXACT;
import static dev.gatehouse.domain.registration.RegistrationPolicyDesignTest.defaults;
import static org.assertj.core.api.Assertions.assertThat;

/** Importing a policy file: an export or a GET response in, the policy or errors naming the field out. */
class PolicyImportTest {

    /** What Graph returns for GET /identity/conditionalAccess/policies/{id}: read-only fields, nulls, the strength expanded. */
    static final String GET_RESPONSE = """
            {
              "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies/$entity",
              "id": "0f6b1a2c-1111-4222-8333-444455556666",
              "templateId": null,
              "displayName": "Protect security info registration",
              "createdDateTime": "2026-03-02T09:00:00Z",
              "modifiedDateTime": null,
              "state": "enabledForReportingButNotEnforced",
              "sessionControls": {
                "disableResilienceDefaults": null, "applicationEnforcedRestrictions": null, "cloudAppSecurity": null,
                "persistentBrowser": null,
                "signInFrequency": {"value": 1, "type": "hours", "authenticationType": "primaryAndSecondaryAuthentication",
                                    "frequencyInterval": "timeBased", "isEnabled": true}
              },
              "conditions": {
                "userRiskLevels": [], "signInRiskLevels": [], "clientAppTypes": ["all"], "servicePrincipalRiskLevels": [],
                "insiderRiskLevels": null, "platforms": null, "locations": null, "devices": null,
                "clientApplications": null, "authenticationFlows": null,
                "applications": {"includeApplications": [], "excludeApplications": [],
                                 "includeUserActions": ["urn:user:registersecurityinfo"],
                                 "includeAuthenticationContextClassReferences": [], "applicationFilter": null},
                "users": {"includeUsers": ["All"], "excludeUsers": [], "includeGroups": [], "excludeGroups": ["bg-group-1"],
                          "includeRoles": [], "excludeRoles": [], "includeGuestsOrExternalUsers": null,
                          "excludeGuestsOrExternalUsers": {
                            "guestOrExternalUserTypes": "internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider",
                            "externalTenants": {"@odata.type": "#microsoft.graph.conditionalAccessAllExternalTenants",
                                                "membershipKind": "all"}}}
              },
              "grantControls": {
                "operator": "OR", "builtInControls": ["compliantDevice"], "customAuthenticationFactors": [], "termsOfUse": [],
                "authenticationStrength@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies('0f6b')/grantControls/authenticationStrength/$entity",
                "authenticationStrength": {"id": "s-exact", "createdDateTime": "2026-03-01T09:00:00Z",
                  "modifiedDateTime": "2026-03-01T09:00:00Z", "displayName": "Bootstrap FIDO2 or TAP", "description": null,
                  "policyType": "custom", "requirementsSatisfied": "mfa",
                  "allowedCombinations": ["fido2", "temporaryAccessPassOneTime"], "combinationConfigurations": []}
              }
            }""";

    private static List<String> paths(Result result) {
        return result.errors().stream().map(ImportError::path).toList();
    }

    @Test
    void anExportReadsBackAsThePolicyItCameFrom() {
        RegistrationPolicyDesign design = defaults().withStrength(EXACT).withTrustedLocationsExcluded(true);
        ConditionalAccessPolicy sent = design.toPolicy();

        Result result = PolicyImport.parse(PolicyExport.json(design).policy());

        assertThat(result.errors()).isEmpty();
        assertThat(result.notices()).isEmpty();
        assertThat(result.notImported()).isEmpty();
        assertThat(result.strengthId()).contains("s-exact");
        ConditionalAccessPolicy read = result.policy().orElseThrow();
        assertThat(read.grant().strength().orElseThrow().id()).isEqualTo("s-exact");
        assertThat(PolicyDiff.between(sent, read)).isEmpty();
    }

    @Test
    void anExportWithAStrengthStillToCreateSaysSo() {
        Result result = PolicyImport.parse(PolicyExport.json(defaults()).policy());

        assertThat(result.imported()).isTrue();
        assertThat(result.strengthId()).contains(PolicyExport.NEW_STRENGTH_ID);
        assertThat(result.notices()).singleElement().asString().contains("the strength this export would create");
    }

    @Test
    void aGetResponseIsAcceptedWithItsReadOnlyFieldsIgnoredAndSaid() {
        Result result = PolicyImport.parse(GET_RESPONSE);

        assertThat(result.errors()).isEmpty();
        assertThat(result.notImported()).isEmpty();
        assertThat(result.notices()).containsExactly("id, createdDateTime are read-only and ignored: Graph sets "
                + "them, and Gatehouse decides which policy it creates or changes.");
        ConditionalAccessPolicy policy = result.policy().orElseThrow();
        assertThat(policy.id()).isNull();
        assertThat(policy.state()).isEqualTo(State.REPORT_ONLY);
        assertThat(policy.grant().strength().orElseThrow()).isEqualTo(EXACT);
        assertThat(policy.signInFrequency()).contains(1);
        assertThat(policy.users().excludeGuestsOrExternalUsers()).isTrue();
        assertThat(policy.users().includeGuestsOrExternalUsers()).isFalse();
        RegistrationPolicyDesign design = RegistrationPolicyDesign.fromPolicy(policy, Optional.of("bg-group-1")).design();
        assertThat(design.withDisplayName(RegistrationPolicyDesign.DEFAULT_DISPLAY_NAME))
                .isEqualTo(defaults().withStrength(EXACT));
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        Result result = PolicyImport.parse("{\n  \"displayName\": \"x\",\n  \"state\": }\n");

        assertThat(result.imported()).isFalse();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(OptionalInt.of(3));
            assertThat(error.column()).isEqualTo(OptionalInt.of(12));
            assertThat(error.message()).startsWith("The file is not valid JSON at line 3, column 12: ");
        });
        assertThat(PolicyImport.parse("{\"state\": \"enabled\", \"state\": \"disabled\"}").errors().get(0).message())
                .contains("line 1").contains("Duplicate field 'state'");
        assertThat(PolicyImport.parse("{} {}").errors().get(0).message()).contains("line 1, column 4");
        assertThat(PolicyImport.parse("  ").errors().get(0).message()).startsWith("The file is empty");
        assertThat(PolicyImport.parse("[1]").errors().get(0).message()).contains("holds a list");
        assertThat(PolicyImport.parse("{\"value\": []}").errors().get(0).message()).contains("list of policies");
        assertThat(PolicyImport.parse("{\"displayName\": \"s\", \"allowedCombinations\": [\"fido2\"]}").errors().get(0)
                .message()).contains("authentication strength, not a Conditional Access policy");
    }

    @Test
    void unknownFieldsAreNamedWithTheirPathAndTheNearestKnownField() {
        String body = PolicyExport.json(defaults().withStrength(EXACT)).policy()
                .replace("\"includeUsers\"", "\"includeUser\"").replace("\"operator\"", "\"Operator\"")
                .replace("\"clientAppTypes\"", "\"times\" : null, \"clientAppTypes\"");

        Result result = PolicyImport.parse(body);

        assertThat(result.imported()).isFalse();
        assertThat(result.errors()).extracting(ImportError::message).contains(
                "conditions.users.includeUser is not a field Graph knows; did you mean includeUsers?",
                "grantControls.Operator is not a field Graph knows; did you mean operator?");
        assertThat(result.errors()).extracting(ImportError::message).anySatisfy(message -> assertThat(message)
                .startsWith("conditions.times is not a field Graph knows here; the fields are applications, users,"));
    }

    @Test
    void wrongTypesAndUnknownEnumValuesAreNamed() {
        String body = PolicyExport.json(defaults().withStrength(EXACT)).policy()
                .replace("\"enabledForReportingButNotEnforced\"", "\"reportOnly\"")
                .replace("\"operator\" : \"OR\"", "\"operator\" : \"or\"")
                .replace("[ \"compliantDevice\" ]", "[ \"compliantDevices\", \"approveApp\" ]")
                .replace("\"includeUsers\" : [ \"All\" ]", "\"includeUsers\" : \"All\"")
                .replace("\"value\" : 1", "\"value\" : \"1\"")
                .replace("\"clientAppTypes\" : [ \"all\" ]", "\"clientAppTypes\" : [ 1 ]");

        Result result = PolicyImport.parse(body);

        assertThat(paths(result)).containsExactlyInAnyOrder("state", "conditions.clientAppTypes",
                "conditions.users.includeUsers", "grantControls.operator", "grantControls.builtInControls",
                "grantControls.builtInControls", "sessionControls.signInFrequency.value");
        assertThat(result.errors()).extracting(ImportError::message).contains(
                "state: \"reportOnly\" is not a value Graph knows; use disabled, enabled, "
                        + "enabledForReportingButNotEnforced.",
                "grantControls.operator: \"or\" is not a value Graph knows; did you mean OR?",
                "grantControls.builtInControls: \"compliantDevices\" is not a value Graph knows; did you mean "
                        + "compliantDevice?",
                "conditions.users.includeUsers must be a list of text, not text.",
                "sessionControls.signInFrequency.value must be a whole number, not text.",
                "conditions.clientAppTypes must be a list of text, but holds a number.");
    }

    @Test
    void mfaBesideAStrengthAndMissingRequiredFieldsAreRefused() {
        String mfa = PolicyExport.json(defaults().withStrength(EXACT)).policy()
                .replace("[ \"compliantDevice\" ]", "[ \"mfa\" ]");
        assertThat(PolicyImport.parse(mfa).errors()).extracting(ImportError::message)
                .containsExactly(RegistrationPolicyDesign.MFA_WITH_STRENGTH);

        Result bare = PolicyImport.parse("{\"conditions\": {\"clientAppTypes\": [\"all\"]}}");
        assertThat(paths(bare)).containsExactly("displayName", "state", "conditions.applications", "conditions.users");
        assertThat(bare.errors().get(0).message()).isEqualTo("displayName is missing; Graph requires it.");

        String noValue = PolicyExport.json(defaults().withStrength(EXACT)).policy().replace("\"value\" : 1,", "");
        assertThat(paths(PolicyImport.parse(noValue))).containsExactly("sessionControls.signInFrequency.value");
        String byName = PolicyExport.json(defaults().withStrength(EXACT)).policy()
                .replace("\"id\" : \"s-exact\"", "\"displayName\" : \"Bootstrap FIDO2 or TAP\"");
        assertThat(paths(PolicyImport.parse(byName))).containsExactly("grantControls.authenticationStrength.id");
    }

    @Test
    void conditionsGatehouseDoesNotManageAreReportedNotDropped() {
        String body = GET_RESPONSE.replace("\"signInRiskLevels\": []", "\"signInRiskLevels\": [\"high\"]")
                .replace("\"platforms\": null", "\"platforms\": {\"includePlatforms\": [\"android\"]}")
                .replace("\"persistentBrowser\": null", "\"persistentBrowser\": {\"mode\": \"never\", \"isEnabled\": true}")
                .replace("\"termsOfUse\": []", "\"termsOfUse\": [\"tou-1\"]")
                .replace("\"displayName\": \"Protect", "\"description\": \"Ours\", \"displayName\": \"Protect");

        Result result = PolicyImport.parse(body);

        assertThat(result.imported()).isTrue();
        assertThat(result.notImported()).extracting(line -> line.substring(0, line.indexOf(' '))).containsExactly(
                "description", "sessionControls.persistentBrowser", "conditions.signInRiskLevels",
                "conditions.platforms", "grantControls.termsOfUse");
        assertThat(result.notImported()).allMatch(line -> line.contains("is not imported"));
    }

    @Test
    void aNarrowerGuestConditionIsReadAsEveryGuestAndSaid() {
        String body = GET_RESPONSE.replace("\"internalGuest,b2bCollaborationGuest,b2bCollaborationMember,"
                + "b2bDirectConnectUser,otherExternalUser,serviceProvider\"", "\"b2bCollaborationGuest\"");

        Result result = PolicyImport.parse(body);

        assertThat(result.policy().orElseThrow().users().excludeGuestsOrExternalUsers()).isTrue();
        assertThat(result.notices()).anyMatch(line -> line.startsWith("conditions.users.excludeGuestsOrExternalUsers "
                + "names b2bCollaborationGuest;"));
        assertThat(PolicyImport.parse(GET_RESPONSE.replace("internalGuest,b2bCollaborationGuest",
                "internalGuest,b2bGuest")).errors())
                .extracting(ImportError::path).containsExactly("conditions.users.excludeGuestsOrExternalUsers"
                        + ".guestOrExternalUserTypes");
    }

    @Test
    void daysAndEveryTimeReadAsTheGatewayReadsThem() {
        String days = GET_RESPONSE.replace("\"value\": 1, \"type\": \"hours\"", "\"value\": 2, \"type\": \"days\"");
        String everyTime = GET_RESPONSE.replace("\"frequencyInterval\": \"timeBased\"", "\"frequencyInterval\": "
                + "\"everyTime\"");
        String off = GET_RESPONSE.replace("\"isEnabled\": true", "\"isEnabled\": false");

        assertThat(PolicyImport.parse(days).policy().orElseThrow().signInFrequency()).contains(48);
        assertThat(PolicyImport.parse(everyTime).policy().orElseThrow().signInFrequency()).contains(0);
        assertThat(PolicyImport.parse(off).policy().orElseThrow().signInFrequency()).isEmpty();
    }
}
