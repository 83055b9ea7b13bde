package dev.gatehouse.domain.breakglass;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.recovery.PasswordGenerator;
import dev.gatehouse.domain.tenant.TenantWriter.TapRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.gatehouse.domain.breakglass.BreakGlassHealthTest.check;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FIDO2 configuration's self-service registration and key restrictions, set in the demo tenant and read over
 * HTTP: the methods-policy stage says what they are and fixes what the set-up needs, the register stage and the health
 * view refuse a key of a refused model, and the dedicated policy counts it as a lock-out.
 */
class KeyRestrictionsOverDemoTenantTest {

    /** Emergency Access 02's key on baseline: a YubiKey 5 NFC. */
    private static final String NFC = "2fc0579f-8113-47ea-b116-555a8db9202a";
    /** Emergency Access 01's key on baseline: a YubiKey 5 Series. */
    private static final String SERIES = "cb69481e-8ff7-4039-93ec-0a2729a154a8";
    private static final String BG2 = "Emergency Access 02 (bg-admin-02@" + BreakGlassTenant.DOMAIN + ")";

    @TempDir
    Path data;

    private static Answers choosing(String... keyModels) {
        return Answers.none().with(SetupChoices.ANSWER, SetupChoices.of(2, "acct-test", BreakGlassTenant.DOMAIN)
                .withKeyModels(List.of(keyModels)));
    }

    @Test
    void unenforcedRestrictionsAreNotWarnedAbout() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            BreakGlassSetupProposal methods = tenant.propose(BreakGlassSetup.METHODS_POLICY, choosing(NFC));

            assertThat(methods.alreadyDone()).as(methods.message()).isTrue();
            assertThat(methods.warnings()).isEmpty();
        }
    }

    @Test
    void enforcedRestrictionsAreSaidAsTheyAreAndAKeyModelTheyRefuseIsNamedBeforeAnyRequest() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            tenant.restrictKeys("block", NFC.toUpperCase());

            BreakGlassSetupProposal methods = tenant.propose(BreakGlassSetup.METHODS_POLICY, choosing(SERIES, NFC));

            assertThat(methods.warnings()).hasSize(2);
            assertThat(methods.warnings().get(0)).startsWith("The key model you will register, AAGUID " + NFC
                    + ", is on the block list of the FIDO2 key restrictions").doesNotContain(SERIES);
            assertThat(methods.warnings().get(1)).contains("These key models are blocked from registering and "
                    + "signing in: 1 AAGUID (" + NFC + ").").contains("Gatehouse checks each emergency account's key")
                    .contains("Authentication methods > Policies > Passkey (FIDO2) > Configure");
            assertThat(tenant.writes()).isZero();

            tenant.restrictKeys("allow", SERIES);
            assertThat(tenant.propose(BreakGlassSetup.METHODS_POLICY, choosing(SERIES)).warnings()).singleElement()
                    .satisfies(w -> assertThat(w).contains("Only these key models may register and sign in: 1 AAGUID ("
                            + SERIES + ")"));
        }
    }

    @Test
    void selfServiceRegistrationOffIsTurnedOnAndNothingElseOfTheConfigurationChanges() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            tenant.editFido2(fido2 -> fido2.put("isSelfServiceRegistrationAllowed", false));
            tenant.restrictKeys("block", NFC);
            List.of(BreakGlassSetup.PLAN, BreakGlassSetup.ACCOUNTS, BreakGlassSetup.GROUP, BreakGlassSetup.ROLE)
                    .forEach(stage -> tenant.step(stage, choosing()));

            BreakGlassSetupProposal methods = tenant.propose(BreakGlassSetup.METHODS_POLICY, choosing());

            Step step = methods.plan().orElseThrow().steps().get(0);
            assertThat(methods.plan().get().steps()).extracting(Step::id).containsExactly(MethodsPolicyPlan.SELF_SERVICE);
            assertThat(step.effect()).contains("self-service registration is off");
            assertThat(step.requests()).extracting(GraphRequest::method).containsExactly("GET", "PATCH");
            tenant.step(BreakGlassSetup.METHODS_POLICY, choosing());

            JsonNode stored = tenant.sim.state().read(() -> tenant.sim.state().authenticationMethodConfiguration("Fido2")
                    .orElseThrow().deepCopy());
            assertThat(stored.path("isSelfServiceRegistrationAllowed").asBoolean()).isTrue();
            assertThat(stored.path("includeTargets")).singleElement().satisfies(t -> assertThat(t.path("id").asText())
                    .isEqualTo("all_users"));
            assertThat(stored.path("keyRestrictions").path("aaGuids")).singleElement()
                    .satisfies(g -> assertThat(g.asText()).isEqualTo(NFC));
            assertThat(tenant.propose(BreakGlassSetup.METHODS_POLICY, choosing()).alreadyDone()).isTrue();
        }
    }

    @Test
    void aKeyOfABlockedModelIsNoKeyForTheRegisterStageTheHealthViewAndTheDedicatedPolicy() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            tenant.restrictKeys("block", NFC);

            BreakGlassSetupProposal register = tenant.propose(BreakGlassSetup.REGISTER, choosing());
            assertThat(register.alreadyDone()).isFalse();
            assertThat(register.message()).contains(BG2 + " has only keys the FIDO2 key restrictions refuse");
            assertThat(register.warnings()).singleElement().satisfies(w -> assertThat(w).startsWith(BG2
                    + ": the YubiKey 5 NFC (AAGUID " + NFC + ") is of a model on the block list"));

            HealthRead read = new HealthReads(tenant.directory(), Clock.systemUTC(), ZoneOffset.UTC)
                    .read(tenant.emergency, Optional.of(LocalDate.now(ZoneOffset.UTC)));
            BreakGlassHealth health = BreakGlassHealth.of(read);
            assertThat(check(health.accounts().get(0), "passkey").verdict()).isEqualTo(Verdict.GREEN);
            HealthCheck refused = check(health.accounts().get(1), "passkey");
            assertThat(refused.verdict()).isEqualTo(Verdict.RED);
            assertThat(refused.reason()).startsWith("No usable FIDO2 key: YubiKey 5 NFC, AAGUID " + NFC)
                    .contains("on the block list").contains("Passkey (FIDO2) > Configure");

            assertThat(DedicatedPolicy.lockOuts(read, Optional.of(tenant.directory().methodsPolicy())))
                    .singleElement().satisfies(r -> assertThat(r).startsWith(BG2 + " has only keys of a model on the "
                            + "block list"));
        }
    }

    @Test
    void theCleanUpKeepsThePassOfAnAccountWhoseOnlyKeyTheRestrictionsRefuse() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            String bg2 = tenant.directory().findUser("bg-admin-02@" + BreakGlassTenant.DOMAIN).orElseThrow().profile()
                    .id();
            tenant.gateway.writer().issueTemporaryAccessPass(bg2, new TapRequest(60, true));
            tenant.restrictKeys("block", NFC);

            BreakGlassSetupProposal cleanUp = tenant.propose(BreakGlassSetup.CLEAN_UP, choosing());

            assertThat(cleanUp.plan().stream().flatMap(plan -> plan.steps().stream()))
                    .noneMatch(step -> step.id().endsWith(bg2));
            assertThat(cleanUp.message() + cleanUp.warnings()).contains(BG2 + " has only keys the FIDO2 key "
                    + "restrictions refuse, so its pass is kept");
        }
    }

    @Test
    void withoutTheMethodsPolicyNoKeyIsCalledUsableAndNoPassIsDeleted() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            String bg2 = tenant.directory().findUser("bg-admin-02@" + BreakGlassTenant.DOMAIN).orElseThrow().profile()
                    .id();
            tenant.gateway.writer().issueTemporaryAccessPass(bg2, new TapRequest(60, true));
            BreakGlassSetupRead read = withoutMethodsPolicy(tenant.read(choosing()));
            BreakGlassSetup setup = new BreakGlassSetup(tenant.gateway.directoryWriter(), tenant.gateway.policyWriter(),
                    tenant.gateway.writer(), tenant.directory(), group -> { }, new PasswordGenerator());

            BreakGlassSetupProposal register = setup.procedure().stage(BreakGlassSetup.REGISTER).orElseThrow()
                    .propose(read, choosing(), Optional.empty());
            BreakGlassSetupProposal cleanUp = setup.procedure().stage(BreakGlassSetup.CLEAN_UP).orElseThrow()
                    .propose(read, choosing(), Optional.empty());

            assertThat(register.alreadyDone()).isFalse();
            assertThat(register.message()).startsWith("Could not check the FIDO2 key restrictions").contains("503");
            assertThat(cleanUp.plan()).isEmpty();
            assertThat(cleanUp.alreadyDone()).isFalse();
            assertThat(cleanUp.message()).contains("every pass is kept");
        }
    }

    /** The read as it is when Graph did not answer for the authentication methods policy. */
    private static BreakGlassSetupRead withoutMethodsPolicy(BreakGlassSetupRead r) {
        java.util.Map<String, String> unreadable = new java.util.HashMap<>(r.unreadable());
        unreadable.put(BreakGlassSetupReads.METHODS_POLICY, "Graph answered 503 Service Unavailable");
        return new BreakGlassSetupRead(r.tenant(), r.admin(), r.emergency(), r.group(), r.groupProblem(), r.members(),
                r.memberDetails(), r.byName(), r.groupsNamed(), r.namedMembers(), r.proposals(), Optional.empty(),
                r.licences(), unreadable, r.now(), r.health(), r.retired(), r.roleSchedules(),
                r.globalAdministratorRule());
    }
}
