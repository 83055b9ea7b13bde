package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.breakglass.BreakGlassRecordFiles;
import dev.gatehouse.domain.breakglass.BreakGlassSetup;
import dev.gatehouse.domain.breakglass.ExclusionOverview;
import dev.gatehouse.domain.breakglass.SetupAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.graph.GraphGateway;
import dev.gatehouse.graph.GraphTenantConnection;
import dev.gatehouse.graph.RetryPolicy;
import dev.gatehouse.graph.ServiceRoot;
import dev.gatehouse.graph.TokenSource;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeClipboard;
import dev.gatehouse.ui.plan.PlanViewModel;
import dev.gatehouse.ui.plan.SecretViewModel;
import dev.gatehouse.ui.wizard.WizardStage;
import dev.gatehouse.ui.wizard.WizardViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The break-glass set-up wizard's view models over HTTP against the demo tenant's {@code breakglass-gaps}, with its
 * group chosen, without a UI: the plan valid as suggested, each stage planned as the domain plans it, the passes shown
 * large under each account's name, an Authentication Administrator refused before any answer, and a window closed
 * midway opened again where it stopped with its answers.
 */
class BreakGlassWizardTest {

    static final String GROUP = "Emergency Access Accounts";

    @TempDir
    Path data;

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private SimServer sim;
    private GraphGateway gateway;

    @AfterEach
    void close() {
        gateway.close();
        sim.close();
    }

    /** The demo tenant, its group chosen as the admin would choose it, signed in with {@code token}. */
    private TenantConnection tenant(String token) {
        sim = SimServer.start(SimOptions.defaults().withScenario("breakglass-gaps"));
        gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()), TokenSource.fixed(token), new CallLog(10_000),
                RetryPolicy.DEFAULT);
        EmergencyGroupSettings.in(data).save(gateway.directory().tenant().id(), EmergencyGroup.of(
                gateway.directory().groupsNamed(GROUP).get(0)));
        return new GraphTenantConnection(gateway, "Demo tenant", true, () -> { });
    }

    private BreakGlassWizard wizard(TenantConnection connection) {
        SignedInAdmin admin = connection.directory().signedInAdmin();
        return new BreakGlassWizard(connection, data, Clock.systemUTC(), admin.profile().userPrincipalName(),
                connection.directory().tenant(), SetupAccess.gate(admin), runner, new FakeClipboard(),
                ZoneId.of("Australia/Sydney"));
    }

    private static PlanViewModel plan(WizardViewModel wizard) {
        return wizard.currentStageProperty().get().planProperty().get();
    }

    private static String explanation(WizardViewModel wizard) {
        return wizard.currentStageProperty().get().explanationProperty().get();
    }

    /** Confirms the current stage's plan, when it has one, and moves on. */
    private static void runAndNext(WizardViewModel wizard) {
        if (plan(wizard) != null) {
            plan(wizard).confirm();
            assertThat(plan(wizard).succeededProperty().get()).as(plan(wizard).summaryProperty().get()).isTrue();
        }
        WizardStage stage = wizard.currentStageProperty().get();
        assertThat(stage.doneProperty().get()).as(stage.title() + ": " + explanation(wizard)).isTrue();
        wizard.next();
    }

    @Test
    void thePlanIsValidAsSuggestedAndCountsOnlyOnceUsed() {
        BreakGlassWizard made = wizard(tenant("demo"));
        WizardViewModel wizard = made.open();

        assertThat(wizard.currentStageProperty().get()).isSameAs(made.planStage());
        assertThat(made.setup().validProperty().get()).as(made.setup().problemProperty().get()).isTrue();
        assertThat(made.setup().accounts()).hasSize(2).allSatisfy(upn -> assertThat(upn)
                .startsWith(made.setup().prefixProperty().get() + "-0").endsWith("@" + made.setup().initialDomain()));
        assertThat(made.setup().prefixProperty().get()).doesNotContain("admin");
        assertThat(explanation(wizard)).contains("Use this plan");
        assertThat(made.planStage().doneProperty().get()).isFalse();

        made.setup().prefixProperty().set("ea@tailspintoys.com");
        assertThat(made.setup().validProperty().get()).isFalse();
        assertThat(explanation(wizard)).contains("initial domain " + made.setup().initialDomain());
        made.setup().prefixProperty().set("breakglass-admin");
        assertThat(made.setup().advice()).first().asString().contains("Microsoft advises names that do not reveal");
        made.setup().countProperty().set(3);
        assertThat(made.setup().accounts()).hasSize(3);

        made.setup().usePlan();

        assertThat(made.planStage().doneProperty().get()).as(explanation(wizard)).isTrue();
        assertThat(wizard.canGoNextProperty().get()).isTrue();
    }

    @Test
    void eachStageIsPlannedAsTheDomainPlansItUpToThePassesShownLarge() {
        BreakGlassWizard made = wizard(tenant("demo"));
        WizardViewModel wizard = made.open();
        made.setup().usePlan();
        runAndNext(wizard);

        assertThat(wizard.currentStageProperty().get()).isSameAs(made.accountsStage());
        assertThat(explanation(wizard)).as("the group's members are the accounts").contains("Recorded as done");
        runAndNext(wizard);
        assertThat(plan(wizard).plan().title()).isEqualTo("Replace the emergency-access group");
        runAndNext(wizard);
        assertThat(EmergencyGroupSettings.in(data).chosen(gateway.directory().tenant().id())).get()
                .extracting(EmergencyGroup::label).asString().contains(GROUP + " (role-assignable)");
        assertThat(wizard.currentStageProperty().get()).isSameAs(made.roleStage());
        runAndNext(wizard);
        assertThat(wizard.currentStageProperty().get()).isSameAs(made.methodsStage());
        runAndNext(wizard);

        assertThat(wizard.currentStageProperty().get()).isSameAs(made.tapStage());
        assertThat(made.passes().limitsProperty().get()).contains("minutes");
        made.passes().lifetimeProperty().set("5");
        assertThat(explanation(wizard)).contains("outside this tenant's Temporary Access Pass policy");
        made.passes().lifetimeProperty().set("");
        assertThat(plan(wizard).plan().title()).isEqualTo("Issue one-time Temporary Access Passes to the "
                + "emergency-access accounts");
        plan(wizard).confirm();

        assertThat(plan(wizard).secrets()).isNotEmpty().allSatisfy(secret -> {
            assertThat(secret.large()).isTrue();
            assertThat(secret.heading()).contains("@");
        });
        assertThat(plan(wizard).secrets()).extracting(SecretViewModel::heading).doesNotHaveDuplicates();
        // the admin, at My Security Info with the pass: the demo tenant's end-user side
        SecretViewModel pass = plan(wizard).secrets().get(0);
        pass.revealedProperty().set(true);
        String upn = pass.heading().substring(pass.heading().indexOf('\u2014') + 1).strip();
        // the trainer's control plays the holder with the pass the stage just issued (demo tenant only)
        assertThat(made.demoUser().available()).isTrue();
        String other = "bg-admin-02@tailspintoys.onmicrosoft.com";
        made.demoUser().play(gateway.directory().findUser(other).orElseThrow().profile().id(), other);
        assertThat(made.demoUser().statusProperty().get()).as("its leftover pass was never shown here")
                .contains("No pass for " + other + " in this window");
        made.demoUser().play(gateway.directory().findUser(upn).orElseThrow().profile().id(), upn);
        assertThat(made.demoUser().statusProperty().get()).contains(upn + " registered a YubiKey 5C NFC");
        wizard.next();

        assertThat(wizard.currentStageProperty().get()).isSameAs(made.registerStage());
        assertThat(made.keys().rows()).hasSize(2).noneMatch(KeyWatchViewModel.Row::waiting);
        assertThat(made.keys().rows()).anySatisfy(row -> assertThat(row.key()).contains("AAGUID"));
        assertThat(made.registerStage().doneProperty().get()).as(explanation(wizard)).isTrue();
        wizard.next();

        assertThat(wizard.currentStageProperty().get()).isSameAs(made.cleanUpStage());
        assertThat(plan(wizard).plan().steps()).as("the pass and the personal phone go").isNotEmpty();
        runAndNext(wizard);

        assertThat(wizard.currentStageProperty().get()).isSameAs(made.exclusionsStage());
        assertThat(made.exclusions().rows()).isNotEmpty().extracting(ExclusionOverview.Row::standing)
                .contains(ExclusionOverview.Standing.MISSING);
        assertThat(plan(wizard).plan().steps()).isNotEmpty();
        runAndNext(wizard);

        assertThat(wizard.currentStageProperty().get()).as("optional: skipped").isSameAs(made.dedicatedSaveStage());
        assertThat(plan(wizard).plan().title()).isEqualTo("Save the emergency-access phishing-resistant policy");
        runAndNext(wizard);

        assertThat(wizard.currentStageProperty().get()).as("What If before turning it on")
                .isSameAs(made.whatIf().step());
        assertThat(made.whatIf().rows()).hasSize(2).allSatisfy(row -> {
            assertThat(row.agrees()).as(row.toString()).isTrue();
            assertThat(row.whatIf()).anyMatch(name -> name.contains("Emergency access: phishing-resistant MFA"));
            assertThat(row.others()).as("the exclusions just added").isEmpty();
        });
        assertThat(made.whatIf().statusProperty().get()).contains("agree for every account");
        runAndNext(wizard);
        assertThat(wizard.currentStageProperty().get()).isSameAs(made.dedicatedOnStage());
        wizard.next();

        assertThat(wizard.currentStageProperty().get()).isSameAs(made.record().step());
        assertThat(made.record().accounts()).hasSize(2);
        made.record().accounts().get(0).keyLabelProperty().set("Key A");
        made.record().accounts().get(0).keyPlaceProperty().set("safe, server room 2");
        Path pdf = data.resolve("record.pdf");
        made.record().save(pdf, BreakGlassRecordFiles.Format.PDF);
        assertThat(made.record().statusProperty().get()).startsWith("Saved");
        assertThat(pdf).exists();
        made.record().save(pdf, BreakGlassRecordFiles.Format.PDF);
        assertThat(made.record().statusProperty().get()).as("never over an existing file").startsWith("Not saved");
        made.record().save(data.resolve("record.html"), BreakGlassRecordFiles.Format.HTML);
        assertThat(data.resolve("record.html")).content().contains("Key A").contains("safe, server room 2");
    }

    @Test
    void theTrainersControlIsNeverOfferedForARealTenant() {
        TenantConnection demo = tenant("demo");
        TenantConnection real = new GraphTenantConnection(gateway, "contoso.onmicrosoft.com", false, () -> { });

        assertThat(wizard(demo).demoUser().available()).isTrue();
        assertThat(real.demoEndUser()).isEmpty();
        assertThat(wizard(real).demoUser().available()).isFalse();
    }

    @Test
    void anAuthenticationAdministratorIsToldBeforeAnyAnswer() {
        BreakGlassWizard made = wizard(tenant("sim-user:patti.fernandez@tailspintoys.com"));
        WizardViewModel wizard = made.open();

        assertThat(explanation(wizard)).contains("Privileged Role Administrator or Global Administrator")
                .contains("Authentication Administrator");
        made.setup().usePlan();
        assertThat(made.planStage().doneProperty().get()).isFalse();
        assertThat(made.setup().answers()).isEmpty();
    }

    @Test
    void aWindowClosedMidwayOpensAgainWhereItStoppedWithItsAnswers() {
        TenantConnection connection = tenant("demo");
        BreakGlassWizard first = wizard(connection);
        WizardViewModel wizard = first.open();
        first.setup().countProperty().set(3);
        first.setup().prefixProperty().set("vault");
        first.setup().twoPartPasswordProperty().set(true);
        first.methods().field().set("2FC0579F-8113-47ea-b116-555a8db9202a, yubikey");
        assertThat(first.methods().problem()).contains("\u201cyubikey\u201d is not an AAGUID");
        first.methods().field().set("2FC0579F-8113-47ea-b116-555a8db9202a cb69481e-8ff7-4039-93ec-0a2729a154a8");
        first.setup().usePlan();
        wizard.next();
        first.group().field().set(true);
        wizard.close();

        BreakGlassWizard again = wizard(connection);
        WizardViewModel reopened = again.open();

        assertThat(reopened.currentStageProperty().get()).as(reopened.bannerProperty().get())
                .isSameAs(again.accountsStage());
        assertThat(reopened.bannerProperty().get()).contains("Continuing the run").contains("Plan the accounts");
        assertThat(again.setup().countProperty().get()).isEqualTo(3);
        assertThat(again.setup().prefixProperty().get()).isEqualTo("vault");
        assertThat(again.setup().accounts()).containsExactly("vault-01@" + again.setup().initialDomain(),
                "vault-02@" + again.setup().initialDomain(), "vault-03@" + again.setup().initialDomain());
        assertThat(again.setup().twoPartPasswordProperty().get()).isTrue();
        assertThat(again.methods().field().get()).isEqualTo("2fc0579f-8113-47ea-b116-555a8db9202a, "
                + "cb69481e-8ff7-4039-93ec-0a2729a154a8");
        assertThat(again.planStage().lockedProperty().get()).isTrue();
        assertThat(BreakGlassSetup.ID).isEqualTo("breakglass-setup");
    }
}
