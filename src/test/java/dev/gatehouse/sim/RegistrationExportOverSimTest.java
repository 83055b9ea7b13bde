package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.GraphPolicyJson;
import dev.gatehouse.domain.registration.PolicyDiff;
import dev.gatehouse.domain.registration.PolicyExport;
import dev.gatehouse.domain.registration.PolicyImport;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Design step's exports against the demo tenant: the bodies the script sends are accepted as they are, what the
 * tenant stores reads back through the import as the same policy, and the design refuses mfa beside a strength with
 * the tenant's own words.
 */
class RegistrationExportOverSimTest extends OnWritableBaseline {

    private static final String POLICIES = "/identity/conditionalAccess/policies";
    private static final String STRENGTHS = "/policies/authenticationStrengthPolicies";
    private static final String LEE = "lee.gu@tailspintoys.com";

    @Test
    void theExportedBodiesAreAcceptedAndReadBackAsTheSamePolicy() {
        RegistrationPolicyDesign design = RegistrationPolicyDesign.defaults(
                Optional.of(groupId("Emergency Access Accounts")), List.of());
        PolicyExport.Bodies bodies = PolicyExport.json(design);

        SimHttp.Answer strength = http.as(LEE, "POST", STRENGTHS, bodies.strength().orElseThrow());
        assertThat(strength.status()).as(strength.body()).isEqualTo(201);
        String strengthId = strength.json().path("id").asText();
        SimHttp.Answer created = http.as(LEE, "POST", POLICIES,
                bodies.policy().replace(PolicyExport.NEW_STRENGTH_ID, strengthId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        String stored = http.get(POLICIES + "/" + created.json().path("id").asText()).body();
        PolicyImport.Result read = PolicyImport.parse(stored);
        assertThat(read.errors()).isEmpty();
        assertThat(read.notImported()).isEmpty();
        assertThat(read.strengthId()).contains(strengthId);
        assertThat(PolicyDiff.between(read.policy().orElseThrow(), design.toPolicy(new AuthenticationStrength(
                strengthId, null, Set.of())))).isEmpty();
    }

    @Test
    void mfaBesideAStrengthIsRefusedInTheSameWordsByTheDesignAndTheTenant() {
        JsonNode existing = http.get(STRENGTHS + "?$filter=policyType eq 'custom'").json().path("value").get(0);
        AuthenticationStrength strength = new AuthenticationStrength(existing.path("id").asText(),
                existing.path("displayName").asText(), Set.of("fido2"));
        RegistrationPolicyDesign design = RegistrationPolicyDesign.defaults(Optional.empty(), List.of())
                .withStrength(strength).withMfa(true);

        SimHttp.Answer refused = http.as(LEE, "POST", POLICIES,
                GraphPolicyJson.conditionalAccessPolicy(design.toPolicy()));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorMessage()).isEqualTo(RegistrationPolicyDesign.MFA_WITH_STRENGTH);
        assertThat(design.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith(refused.errorMessage()));
    }
}
