package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.secret.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import static dev.gatehouse.domain.breakglass.BreakGlassHealthTest.check;
import static org.assertj.core.api.Assertions.assertThat;

/** The optional phishing-resistant policy over HTTP against the demo tenant: report-only first, On only when safe. */
class DedicatedPolicyStageTest {

    private static final String BG1 = "bg-admin-01@" + BreakGlassTenant.DOMAIN;

    @TempDir
    Path data;

    private static Answers defaults() {
        return Answers.none().with(SetupChoices.ANSWER, SetupChoices.of(2, "acct-test", BreakGlassTenant.DOMAIN));
    }

    @Test
    void onBaselineTheTenantsOwnPolicyCountsAndNothingNewIsProposed() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            BreakGlassSetupProposal save = tenant.propose(BreakGlassSetup.DEDICATED_REPORT_ONLY, defaults());
            BreakGlassSetupProposal on = tenant.propose(BreakGlassSetup.DEDICATED_ON, defaults());

            assertThat(save.alreadyDone()).as(save.message()).isTrue();
            assertThat(save.message()).contains("CA004: Emergency access accounts use phishing-resistant MFA");
            assertThat(on.alreadyDone()).as(on.message()).isTrue();
        }
    }

    @Test
    void afterTheRepairItIsSavedInReportOnlyAndTurnedOnOnlyOnceEveryAccountHasItsKey() throws Exception {
        try (BreakGlassTenant tenant = new BreakGlassTenant("breakglass-gaps", data).choosingGroup()) {
            java.util.List.of(BreakGlassSetup.PLAN, BreakGlassSetup.ACCOUNTS, BreakGlassSetup.GROUP, BreakGlassSetup.ROLE,
                    BreakGlassSetup.METHODS_POLICY, BreakGlassSetup.TAP).forEach(stage -> tenant.step(stage, defaults()));
            Secret pass = tenant.shown.get(0);

            BreakGlassSetupProposal save = tenant.propose(BreakGlassSetup.DEDICATED_REPORT_ONLY, defaults());
            GraphRequest post = save.plan().orElseThrow().steps().get(0).requests().get(0);
            assertThat(post.body().replaceAll("\\s", "")).contains("\"state\":\"enabledForReportingButNotEnforced\"")
                    .contains("\"authenticationStrength\":{\"id\":\"" + PolicyExclusions.PHISHING_RESISTANT_STRENGTH
                            + "\"}").contains(tenant.emergency.group().orElseThrow().id());
            tenant.step(BreakGlassSetup.DEDICATED_REPORT_ONLY, defaults());
            assertThat(tenant.directory().conditionalAccessPolicies()).filteredOn(p -> p.displayName()
                    .equals(DedicatedPolicy.NAME)).singleElement().extracting(ConditionalAccessPolicy::state)
                    .isEqualTo(ConditionalAccessPolicy.State.REPORT_ONLY);
            assertThat(tenant.propose(BreakGlassSetup.DEDICATED_REPORT_ONLY, defaults()).alreadyDone()).isTrue();

            long writes = tenant.writes();
            BreakGlassSetupProposal refused = tenant.propose(BreakGlassSetup.DEDICATED_ON, defaults());
            assertThat(refused.plan()).isEmpty();
            assertThat(refused.alreadyDone()).isFalse();
            assertThat(refused.message()).contains("Not turned on, nothing was sent").contains(BG1)
                    .contains("no FIDO2 key");
            assertThat(tenant.writes()).isEqualTo(writes);

            var demo = tenant.demo();
            assertThat(demo.signInWithTemporaryAccessPass(BG1, pass.reveal()).path("outcome").asText())
                    .isEqualTo("signedIn");
            assertThat(demo.registerPasskey(BG1, "YubiKey 5C NFC", "ee882879-721c-4913-9775-3dfcce97072a")
                    .path("outcome").asText()).isEqualTo("registered");

            BreakGlassSetupProposal on = tenant.propose(BreakGlassSetup.DEDICATED_ON, defaults());
            assertThat(on.plan().orElseThrow().steps().get(0).requests().get(0).body().replaceAll("\\s", ""))
                    .isEqualTo("{\"state\":\"enabled\"}");
            tenant.step(BreakGlassSetup.DEDICATED_ON, defaults());
            tenant.step(BreakGlassSetup.EXCLUSIONS, defaults());

            BreakGlassHealth health = tenant.health(Optional.of(LocalDate.now(ZoneOffset.UTC)));
            assertThat(check(health.accounts().get(0), "conditionalAccess").reason()).contains("Covered by")
                    .contains("\u201c" + DedicatedPolicy.NAME + "\u201d");
            assertThat(check(health.group(), "excluded").verdict()).isEqualTo(Verdict.GREEN);
        }
    }
}
