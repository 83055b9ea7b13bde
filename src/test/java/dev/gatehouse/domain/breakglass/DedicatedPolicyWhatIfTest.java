package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.policy.WhatIfQuery;
import dev.gatehouse.domain.policy.WhatIfResult;
import dev.gatehouse.domain.procedure.Answers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What If for the dedicated policy, asked over HTTP of the demo tenant beside Gatehouse's reading of the policies. */
class DedicatedPolicyWhatIfTest {

    @TempDir
    Path data;

    private static Answers defaults() {
        return Answers.none().with(SetupChoices.ANSWER, SetupChoices.of(2, "acct-test", BreakGlassTenant.DOMAIN));
    }

    @Test
    void onBaselineOnlyTheDedicatedPolicyReachesTheAccountsAndBothSidesAgree() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            List<WhatIfQuery> asked = new ArrayList<>();
            List<DedicatedPolicyWhatIf.Row> rows = DedicatedPolicyWhatIf.ask(tenant.read(defaults()), query -> {
                asked.add(query);
                return tenant.directory().whatIf(query);
            });

            assertThat(rows).hasSize(2).allSatisfy(row -> {
                assertThat(row.agrees()).as(row.toString()).isTrue();
                assertThat(row.whatIf()).singleElement().asString()
                        .contains("CA004: Emergency access accounts use phishing-resistant MFA");
                assertThat(row.others()).isEmpty();
            });
            assertThat(asked).as("the Azure portal and the management API, one question each, per account")
                    .hasSize(4).extracting(q -> q.applications().get(0)).containsOnly(
                            "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "797f4846-ba00-4fd7-ba43-dac1f8f63013");
        }
    }

    @Test
    void beforeThePolicyIsSavedThereIsNothingToAskAbout() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("breakglass-gaps", data).choosingGroup()) {
            List.of(BreakGlassSetup.PLAN, BreakGlassSetup.ACCOUNTS, BreakGlassSetup.GROUP)
                    .forEach(stage -> tenant.step(stage, defaults()));

            assertThatThrownBy(() -> DedicatedPolicyWhatIf.ask(tenant.read(defaults()), tenant.directory()::whatIf))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("save it in report-only first");
        }
    }

    @Test
    void onTheGapsTheUnexcludedPolicyAndTheMissingKeyAreNamedUntilTheyAreFixed() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("breakglass-gaps", data).choosingGroup()) {
            List.of(BreakGlassSetup.PLAN, BreakGlassSetup.ACCOUNTS, BreakGlassSetup.GROUP, BreakGlassSetup.ROLE,
                    BreakGlassSetup.METHODS_POLICY, BreakGlassSetup.DEDICATED_REPORT_ONLY)
                    .forEach(stage -> tenant.step(stage, defaults()));

            List<DedicatedPolicyWhatIf.Row> before = DedicatedPolicyWhatIf.ask(tenant.read(defaults()),
                    tenant.directory()::whatIf);
            assertThat(before).isNotEmpty().allSatisfy(row -> {
                assertThat(row.agrees()).as(row.toString()).isTrue();
                assertThat(row.whatIf()).anyMatch(name -> name.contains(DedicatedPolicy.NAME));
                assertThat(row.ready()).isFalse();
            });
            assertThat(before).anySatisfy(row -> assertThat(row.outcome()).startsWith("Locked out")
                    .contains("no FIDO2 key"));
            assertThat(before).anySatisfy(row -> assertThat(row.others()).isNotEmpty());

            tenant.step(BreakGlassSetup.EXCLUSIONS, defaults());
            List<DedicatedPolicyWhatIf.Row> after = DedicatedPolicyWhatIf.ask(tenant.read(defaults()),
                    tenant.directory()::whatIf);
            assertThat(after).allSatisfy(row -> {
                assertThat(row.agrees()).as(row.toString()).isTrue();
                assertThat(row.others()).as(row.toString()).isEmpty();
            });
        }
    }

    @Test
    void aPolicyGraphSaysAppliesAndGatehouseDoesNotIsADisagreement() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            List<WhatIfResult> tenantWide = tenant.directory().conditionalAccessPolicies().stream()
                    .filter(p -> !p.displayName().startsWith("CA004")).limit(1)
                    .map(p -> new WhatIfResult(p, true, Set.of())).toList();
            List<DedicatedPolicyWhatIf.Row> rows = DedicatedPolicyWhatIf.ask(tenant.read(defaults()), query -> {
                List<WhatIfResult> answer = new ArrayList<>(tenant.directory().whatIf(query));
                answer.removeIf(r -> r.policy().id().equals(tenantWide.get(0).policy().id()));
                answer.addAll(tenantWide);
                return answer;
            });

            assertThat(rows).allSatisfy(row -> {
                assertThat(row.agrees()).isFalse();
                assertThat(row.ready()).isFalse();
                assertThat(row.others()).singleElement().asString().contains(tenantWide.get(0).policy().displayName());
            });
        }
    }

    @Test
    void aPolicyThatOnlyTheNetworkKeepsAwayIsNamedAndTheAccountIsNotReady() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            tenant.sim.state().write(() -> {
                var policies = tenant.sim.state().conditionalAccessPolicies();
                var byNetwork = policies.get(0).deepCopy();
                byNetwork.put("id", "0f5e3a55-5b1d-4c8e-9a57-3c1d2f4e6a01");
                byNetwork.put("displayName", "Block outside trusted locations");
                var conditions = (com.fasterxml.jackson.databind.node.ObjectNode) byNetwork.get("conditions");
                conditions.putObject("users").putArray("includeUsers").add("All");
                var locations = conditions.putObject("locations");
                locations.putArray("includeLocations").add("All");
                locations.putArray("excludeLocations").add("AllTrusted");
                policies.add(byNetwork);
                return null;
            });

            List<DedicatedPolicyWhatIf.Row> rows = DedicatedPolicyWhatIf.ask(tenant.read(defaults()),
                    tenant.directory()::whatIf);

            assertThat(rows).allSatisfy(row -> {
                assertThat(row.byLocation()).singleElement().asString().contains("Block outside trusted locations");
                assertThat(row.ready()).isFalse();
                assertThat(row.outcome()).contains("depending on the network");
            });
        }
    }
}
