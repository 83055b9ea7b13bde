package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.GraphPolicyJson;
import dev.gatehouse.domain.tenant.Cloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.gatehouse.domain.registration.RegistrationPolicyDesignTest.EXACT;
import static dev.gatehouse.domain.registration.RegistrationPolicyDesignTest.defaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Review step's JSON and PowerShell: the same bytes Gatehouse sends, in a script that pastes unchanged. */
class PolicyExportTest {

    /**
     * The single-quoted here-strings of a script as PowerShell reads them: the lines after a line ending in
     * {@code @'} up to the first line that starts with {@code '@}, taken as they are.
     */
    static List<String> hereStrings(String script) {
        List<String> bodies = new ArrayList<>();
        List<String> lines = script.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("= @'")) {
                int end = i + 1;
                while (!lines.get(end).startsWith("'@")) {
                    end++;
                }
                bodies.add(String.join("\n", lines.subList(i + 1, end)));
                i = end;
            }
        }
        return bodies;
    }

    @Test
    void jsonIsGraphPolicyJsonsBytesWithThePlaceholderForANewStrength() {
        RegistrationPolicyDesign design = defaults();

        PolicyExport.Bodies bodies = PolicyExport.json(design);

        assertThat(bodies.strength()).contains(GraphPolicyJson.authenticationStrength(
                RegistrationPolicyDesign.DEFAULT_STRENGTH));
        assertThat(bodies.policy()).isEqualTo(GraphPolicyJson.conditionalAccessPolicy(design.toPolicy(
                new AuthenticationStrength(PolicyExport.NEW_STRENGTH_ID, "Passkey or one-time TAP",
                        Set.of("fido2", "temporaryAccessPassOneTime")))));
        assertThat(bodies.policy()).contains("\"id\" : \"<new-strength-id>\"");
    }

    @Test
    void aReusedStrengthIsNamedByItsIdAndNothingIsCreated() {
        RegistrationPolicyDesign design = defaults().withStrength(EXACT);

        PolicyExport.Bodies bodies = PolicyExport.json(design);

        assertThat(bodies.strength()).isEmpty();
        assertThat(bodies.policy()).isEqualTo(GraphPolicyJson.conditionalAccessPolicy(design.toPolicy()));
        assertThat(bodies.policy()).contains("\"id\" : \"s-exact\"").doesNotContain(PolicyExport.NEW_STRENGTH_ID);
        String script = PolicyExport.powerShell(design, Optional.empty(), Cloud.GLOBAL);
        assertThat(hereStrings(script)).containsExactly(bodies.policy());
        assertThat(script).doesNotContain("authenticationStrengthPolicies").doesNotContain(".Replace(");
    }

    @Test
    void aDesignWithProblemsIsNotExported() {
        assertThatThrownBy(() -> PolicyExport.json(defaults().withMfa(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grantControls.builtInControls");
        assertThatThrownBy(() -> PolicyExport.powerShell(defaults().withDisplayName(""), Optional.empty(),
                Cloud.GLOBAL)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("displayName");
    }

    @Test
    void theScriptCreatesTheStrengthThenThePolicyFromTheExportedBytes() {
        RegistrationPolicyDesign design = defaults();
        PolicyExport.Bodies bodies = PolicyExport.json(design);

        String script = PolicyExport.powerShell(design, Optional.empty(), Cloud.GLOBAL);
        List<String> lines = script.lines().toList();

        assertThat(hereStrings(script)).containsExactly(bodies.strength().orElseThrow(), bodies.policy());
        assertThat(lines).contains("Import-Module Microsoft.Graph.Authentication",
                "Connect-MgGraph -Scopes \"Policy.ReadWrite.ConditionalAccess\", \"Policy.Read.All\"",
                "$strength = Invoke-MgGraphRequest -Method POST -Uri \"/v1.0/policies/authenticationStrengthPolicies\" "
                        + "-Body $strengthBody -ContentType \"application/json; charset=utf-8\"",
                "$policyBody = $policyBody.Replace('<new-strength-id>', $strength.id)",
                "$policy = Invoke-MgGraphRequest -Method POST -Uri \"/v1.0/identity/conditionalAccess/policies\" "
                        + "-Body $policyBody -ContentType \"application/json; charset=utf-8\"");
        assertThat(lines.indexOf("$strengthBody = @'")).isLessThan(lines.indexOf("$policyBody = @'"));
        assertThat(lines.indexOf("$policyBody = @'")).isLessThan(lines.indexOf(
                "$policyBody = $policyBody.Replace('<new-strength-id>', $strength.id)"));
        assertThat(lines).filteredOn(line -> line.startsWith("'@")).containsOnly("'@").hasSize(2);
        assertThat(script).contains("report-only").contains("What If").doesNotContain("PATCH");
        assertThat(script).endsWith("\n");
    }

    @ParameterizedTest
    @CsvSource({"GLOBAL,Connect-MgGraph -Scopes", "US_GOV,Connect-MgGraph -Environment USGov -Scopes",
            "US_GOV_DOD,Connect-MgGraph -Environment USGovDoD -Scopes", "CHINA,Connect-MgGraph -Environment China -Scopes"})
    void nationalCloudsConnectToTheirEnvironment(Cloud cloud, String connect) {
        String script = PolicyExport.powerShell(defaults(), Optional.empty(), cloud);

        assertThat(script.lines().filter(line -> line.startsWith("Connect-MgGraph"))).singleElement().asString()
                .startsWith(connect + " \"Policy.ReadWrite.ConditionalAccess\"");
        assertThat(script).doesNotContain("graph.microsoft.com");
    }

    @Test
    void changingAnExistingPolicyPatchesItById() {
        RegistrationPolicyDesign design = defaults().withStrength(EXACT).withState(State.ENABLED);

        String script = PolicyExport.powerShell(design, Optional.of("3b0f6d1e-aaaa-4bbb-8ccc-1234567890ab"),
                Cloud.US_GOV);

        assertThat(script.lines()).contains("$policyId = '3b0f6d1e-aaaa-4bbb-8ccc-1234567890ab'",
                "Invoke-MgGraphRequest -Method PATCH -Uri \"/v1.0/identity/conditionalAccess/policies/$policyId\" "
                        + "-Body $policyBody -ContentType \"application/json; charset=utf-8\"");
        assertThat(script).contains("Update-MgIdentityConditionalAccessPolicy -ConditionalAccessPolicyId")
                .contains("turned ON at once").doesNotContain("-Method POST");
        assertThat(hereStrings(script)).containsExactly(PolicyExport.json(design).policy());
        assertThatThrownBy(() -> PolicyExport.powerShell(design, Optional.of("x'; Remove-MgUser -UserId y; '"),
                Cloud.GLOBAL)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a policy id");
    }

    @Test
    void namesCannotBreakOutOfTheirCommentOrHereString() {
        RegistrationPolicyDesign design = defaults().withDisplayName("Evil\nRemove-MgUser -UserId admin\n'@")
                .withNewStrength(new dev.gatehouse.domain.policy.NewAuthenticationStrength("S\r\nStop-Computer", null,
                        List.of("fido2")));

        String script = PolicyExport.powerShell(design, Optional.empty(), Cloud.GLOBAL);

        assertThat(script.lines()).noneMatch(line -> line.startsWith("Remove-MgUser") || line.startsWith("Stop-"));
        assertThat(script.lines()).filteredOn(line -> line.startsWith("'@")).containsOnly("'@").hasSize(2);
        assertThat(hereStrings(script)).containsExactly(PolicyExport.json(design).strength().orElseThrow(),
                PolicyExport.json(design).policy());
    }

    @Test
    void theScriptHoldsNoSecretAndAsksOnlyForThePolicyScopes() {
        String script = PolicyExport.powerShell(defaults(), Optional.empty(), Cloud.GLOBAL);

        assertThat(PolicyExport.scopes()).containsExactly("Policy.ReadWrite.ConditionalAccess", "Policy.Read.All");
        String code = String.join("\n", script.lines().filter(line -> !line.startsWith("#")).toList());

        assertThat(code).doesNotContainIgnoringCase("token").doesNotContainIgnoringCase("secret")
                .doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("credential")
                .doesNotContain("-Certificate").doesNotContain("ClientId");
        assertThat(script).contains("# It holds no secret: you sign in below");
    }
}
