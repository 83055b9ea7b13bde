package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.KeyRestrictions;
import dev.gatehouse.domain.policy.PolicyTarget;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void multiModeCombinationsSurviveWhichTheSdkEnumWouldDrop() throws Exception {
        JsonNode policy = JSON.readTree("""
                {"id": "p1", "displayName": "Register security info", "state": "enabledForReportingButNotEnforced",
                 "conditions": {"users": {"includeUsers": ["All"], "excludeGroups": ["g1"],
                                          "excludeGuestsOrExternalUsers": {"guestOrExternalUserTypes": "internalGuest"}},
                                "applications": {"includeApplications": [],
                                                 "includeUserActions": ["urn:user:registersecurityinfo"]},
                                "locations": {"includeLocations": ["All"], "excludeLocations": ["AllTrusted"]}},
                 "grantControls": {"operator": "AND", "builtInControls": [],
                                   "authenticationStrength": {"id": "s1", "displayName": "Bootstrap",
                                       "allowedCombinations": ["fido2", "password,microsoftAuthenticatorPush"]}},
                 "sessionControls": {"signInFrequency": {"isEnabled": true, "type": "days", "value": 2}}}
                """);

        ConditionalAccessPolicy mapped = PolicyMapping.conditionalAccessPolicy(policy, id -> {
            throw new AssertionError("the strength came inline");
        });

        assertThat(mapped.state()).isEqualTo(ConditionalAccessPolicy.State.REPORT_ONLY);
        assertThat(mapped.includeUserActions()).containsExactly(ConditionalAccessPolicy.REGISTER_SECURITY_INFO);
        assertThat(mapped.users().excludeGuestsOrExternalUsers()).isTrue();
        assertThat(mapped.users().includeGuestsOrExternalUsers()).isFalse();
        assertThat(mapped.grant().requireAll()).isTrue();
        assertThat(mapped.grant().strength()).get().satisfies(s -> assertThat(s.allowedCombinations())
                .containsExactlyInAnyOrder("fido2", "password,microsoftAuthenticatorPush"));
        assertThat(mapped.signInFrequency()).contains(48);
        assertThat(mapped.locations()).isEqualTo(new ConditionalAccessPolicy.Locations(Set.of("All"),
                Set.of("AllTrusted")));
    }

    @Test
    void aStrengthNamedOnlyByIdIsResolved() throws Exception {
        JsonNode policy = JSON.readTree("""
                {"id": "p2", "state": "enabled", "grantControls": {"operator": "OR",
                 "authenticationStrength": {"id": "00000000-0000-0000-0000-000000000004"}}}
                """);
        List<String> asked = new ArrayList<>();

        ConditionalAccessPolicy mapped = PolicyMapping.conditionalAccessPolicy(policy, id -> {
            asked.add(id);
            return new AuthenticationStrength(id, "Phishing-resistant MFA", Set.of("fido2"));
        });

        assertThat(asked).containsExactly("00000000-0000-0000-0000-000000000004");
        assertThat(mapped.grant().strength()).get().extracting(AuthenticationStrength::displayName)
                .isEqualTo("Phishing-resistant MFA");
        assertThat(mapped.signInFrequency()).isEmpty();
        assertThat(mapped.locations().isNone()).isTrue();
    }

    @Test
    void userAndGroupTargetsAreKeptApartFromAllUsers() throws Exception {
        JsonNode policy = JSON.readTree("""
                {"authenticationMethodConfigurations": [
                  {"id": "Sms", "state": "enabled",
                   "includeTargets": [{"targetType": "group", "id": "all_users"}, {"targetType": "user", "id": "u1"}],
                   "excludeTargets": [{"targetType": "group", "id": "g1"}]}]}
                """);

        var mapped = PolicyMapping.methodsPolicy(policy);

        assertThat(mapped.temporaryAccessPass()).isEmpty();
        assertThat(mapped.configuration("sms")).get().satisfies(sms -> {
            assertThat(sms.includeTargets()).extracting(PolicyTarget::kind, PolicyTarget::id)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(PolicyTarget.Kind.GROUP, "all_users"),
                            org.assertj.core.groups.Tuple.tuple(PolicyTarget.Kind.USER, "u1"));
            assertThat(sms.excludeTargets()).extracting(PolicyTarget::id).containsExactly("g1");
        });
    }

    @Test
    void theFido2SettingsAndKeyRestrictionsAreRead() throws Exception {
        JsonNode policy = JSON.readTree("""
                {"authenticationMethodConfigurations": [
                  {"@odata.type": "#microsoft.graph.fido2AuthenticationMethodConfiguration", "id": "Fido2",
                   "state": "enabled", "isSelfServiceRegistrationAllowed": false, "isAttestationEnforced": true,
                   "keyRestrictions": {"isEnforced": true, "enforcementType": "allow",
                                       "aaGuids": ["CB69481E-8FF7-4039-93EC-0A2729A154A8"]},
                   "includeTargets": [{"targetType": "group", "id": "all_users"}], "excludeTargets": []}]}
                """);

        var fido2 = PolicyMapping.methodsPolicy(policy).fido2().orElseThrow();

        assertThat(fido2.selfServiceRegistrationAllowed()).isFalse();
        assertThat(fido2.attestationEnforced()).isTrue();
        assertThat(fido2.keyRestrictions()).isEqualTo(new KeyRestrictions(true, KeyRestrictions.Enforcement.ALLOW,
                Set.of("cb69481e-8ff7-4039-93ec-0a2729a154a8")));
    }

    @Test
    void whatGraphLeavesOutOfTheFido2ConfigurationRestrictsNothing() throws Exception {
        JsonNode policy = JSON.readTree("""
                {"authenticationMethodConfigurations": [{"id": "fido2", "state": "disabled",
                  "keyRestrictions": {"isEnforced": true, "aaGuids": ["ee882879-721c-4913-9775-3dfcce97072a"]}}]}
                """);

        var mapped = PolicyMapping.methodsPolicy(policy);

        assertThat(mapped.fido2()).get().satisfies(fido2 -> {
            assertThat(fido2.selfServiceRegistrationAllowed()).isTrue();
            assertThat(fido2.attestationEnforced()).isFalse();
            assertThat(fido2.keyRestrictions().enforcement()).isEqualTo(KeyRestrictions.Enforcement.BLOCK);
        });
        assertThat(PolicyMapping.methodsPolicy(JSON.readTree("{\"authenticationMethodConfigurations\": []}"))
                .keyRestrictions()).isEqualTo(KeyRestrictions.NONE);
    }
}
