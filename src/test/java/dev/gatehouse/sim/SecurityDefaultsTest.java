package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /policies/identitySecurityDefaultsEnforcementPolicy} as the v1.0 get and update pages document it: the fixed
 * id, name and description, {@code isEnabled} from the scenario (off but in {@code baseline-free}), PATCH of
 * {@code isEnabled} alone answered 204.
 */
class SecurityDefaultsTest extends OnWritableBaseline {

    private static final String PATH = "/policies/identitySecurityDefaultsEnforcementPolicy";
    /** Conditional Access Administrator in the baseline. */
    private static final String CA_ADMIN = "lee.gu@tailspintoys.com";
    private static final String GLOBAL_READER = "johanna.lorenz@tailspintoys.com";
    private static final String PLAIN_USER = "megan.bowen@tailspintoys.com";

    @Test
    void theDocumentedResourceWithTheScenariosState() {
        SimHttp.Answer answer = http.get(PATH);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode policy = answer.json();
        // Graph writes a singleton's context without "/$entity"; the sim adds it to every entity (as for the
        // authentication methods policy), which no client reads
        assertThat(policy.path("@odata.context").asText())
                .contains("/$metadata#policies/identitySecurityDefaultsEnforcementPolicy");
        assertThat(policy.path("id").asText()).isEqualTo("00000000-0000-0000-0000-000000000005");
        assertThat(policy.path("displayName").asText()).isEqualTo("Security Defaults");
        assertThat(policy.path("description").asText()).startsWith("Security defaults is a set of basic identity");
        assertThat(policy.path("isEnabled").isBoolean()).isTrue();
        assertThat(policy.path("isEnabled").asBoolean()).isFalse();

        sim.loadScenario("baseline-free");
        assertThat(http.get(PATH).json().path("isEnabled").asBoolean()).isTrue();
        for (String scenario : new String[]{"compromised", "new-hires", "breakglass-gaps", "large:10"}) {
            sim.loadScenario(scenario);
            assertThat(http.get(PATH).json().path("isEnabled").asBoolean()).as(scenario).isFalse();
        }
    }

    @Test
    void readersOfConditionalAccessMayReadItOthersNot() {
        assertThat(http.getAs(GLOBAL_READER, PATH).status()).isEqualTo(200);
        SimHttp.Answer refused = http.getAs(PLAIN_USER, PATH);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("Authorization_RequestDenied");
    }

    @Test
    void isEnabledIsPatchedAloneWith204() {
        SimHttp.Answer patched = http.as(CA_ADMIN, "PATCH", PATH, "{\"isEnabled\": true}");
        assertThat(patched.status()).isEqualTo(204);
        assertThat(patched.body()).isEmpty();
        assertThat(http.get(PATH).json().path("isEnabled").asBoolean()).isTrue();

        assertThat(http.patch(PATH, "{\"displayName\": \"Mine\"}").status()).isEqualTo(400);
        assertThat(http.patch(PATH, "{\"isEnabled\": \"no\"}").status()).isEqualTo(400);
        assertThat(http.patch(PATH, "{\"isEnabledd\": false}").errorCode()).isEqualTo("BadRequest");
        assertThat(http.as(GLOBAL_READER, "PATCH", PATH, "{\"isEnabled\": false}").status()).isEqualTo(403);
        assertThat(http.get(PATH).json().path("isEnabled").asBoolean()).as("refusals change nothing").isTrue();
    }
}
