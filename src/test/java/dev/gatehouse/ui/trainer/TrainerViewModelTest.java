package dev.gatehouse.ui.trainer;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.recovery.Proposal;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.recovery.RecoveryRequest;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.DemoTrainer;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantWriter;
import dev.gatehouse.graph.GraphGateway;
import dev.gatehouse.graph.GraphTenantConnection;
import dev.gatehouse.graph.RetryPolicy;
import dev.gatehouse.graph.ServiceRoot;
import dev.gatehouse.graph.TokenSource;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.workspace.OpenTenant;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Trainer menu's view models without a UI, over HTTP against the demo tenant ({@code compromised}) through the
 * Graph SDK and the demo tenant's trainer controls, as the window runs them.
 */
class TrainerViewModelTest {

    private static final String MEGAN = "megan.bowen@tailspintoys.com";

    @TempDir
    Path data;

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final List<String> hooked = new ArrayList<>();
    private final SimpleStringProperty upn = new SimpleStringProperty("");
    private final SimpleStringProperty name = new SimpleStringProperty("");
    private final Clock clock = Clock.system(ZoneId.of("Australia/Sydney"));
    private final TrainerViewModel trainer = new TrainerViewModel(runner, clock, new TrainerHooks(
            () -> hooked.add("reset"), () -> hooked.add("actor"), () -> hooked.add("played"),
            () -> hooked.add("simulator")), upn, name);
    private SimServer sim;
    private GraphGateway gateway;
    private TenantConnection demo;

    @BeforeEach
    void open() {
        sim = SimServer.start(SimOptions.defaults().withScenario("compromised"));
        gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()), TokenSource.fixed("trainer"),
                new CallLog(10_000), RetryPolicy.DEFAULT);
        demo = new GraphTenantConnection(gateway, "Demo tenant", true, () -> { });
        trainer.attach(new OpenTenant(demo, data, clock));
    }

    @AfterEach
    void close() {
        gateway.close();
        sim.close();
    }

    @Test
    void actingAsTheHelpDeskLeadMakesGatehouseReadHerRolesAndBackAgain() {
        assertThat(trainer.availableProperty().get()).isTrue();
        assertThat(trainer.scenarioAdminProperty().get()).isEqualTo("Adele Vance");
        DemoTrainer.Admin patti = trainer.admins().stream()
                .filter(a -> a.userPrincipalName().equals("patti.fernandez@tailspintoys.com")).findFirst().orElseThrow();
        assertThat(patti.label()).isEqualTo("Patti Fernandez \u2014 Authentication Administrator");
        assertThat(trainer.admins()).extracting(DemoTrainer.Admin::userPrincipalName).doesNotContain(MEGAN);

        trainer.actAs(patti);

        assertThat(trainer.actingAsProperty().get()).isEqualTo("Acting as Patti Fernandez (Authentication Administrator)");
        assertThat(trainer.switchedProperty().get()).isTrue();
        assertThat(hooked).containsExactly("actor");
        SignedInAdmin actor = demo.directory().signedInAdmin();
        assertThat(actor.profile().userPrincipalName()).isEqualTo("patti.fernandez@tailspintoys.com");
        assertThat(actor.holds(DirectoryRole.AUTHENTICATION_ADMINISTRATOR)).isTrue();
        assertThat(actor.holds(DirectoryRole.GLOBAL_ADMINISTRATOR)).isFalse();
        RecoveryDesk desk = RecoveryDesk.open(demo, data, clock, Duration.ofDays(7));
        RecoveryRequest resetPassword = new RecoveryRequest.ResetPassword(false);
        assertThat(desk.propose(desk.read("isaiah.langer@tailspintoys.com"), resetPassword).status())
                .as("the guardrail: an Authentication Administrator cannot act on a Global Administrator")
                .isEqualTo(Proposal.Status.REFUSED);
        assertThat(desk.propose(desk.read(MEGAN), resetPassword).status()).isEqualTo(Proposal.Status.READY);
        WhatChangedViewModel refused = trainer.newWhatChanged().orElseThrow();
        refused.load();
        assertThat(refused.summaryProperty().get()).as("an Authentication Administrator reads no audit log")
                .startsWith("Could not read the directory audit log").endsWith("Gatehouse acts as Patti Fernandez now; "
                        + "go back to the scenario's admin (Trainer, Act as another admin) to read the log.");

        trainer.backToScenarioAdmin();

        assertThat(trainer.actingAsProperty().get()).isEmpty();
        assertThat(demo.directory().signedInAdmin().profile().userPrincipalName()).isEqualTo("adele.vance@tailspintoys.com");
        assertThat(trainer.statusProperty().get()).isEqualTo("Gatehouse acts as the scenario's admin again, Adele Vance.");
        assertThat(desk.propose(desk.read("isaiah.langer@tailspintoys.com"), resetPassword).status())
                .as("a Global Administrator may").isEqualTo(Proposal.Status.READY);
    }

    @Test
    void theTrainerPlaysTheSelectedUserFromAPassToAnAuthenticatorAndAPush() {
        trainer.registerAuthenticator();
        assertThat(trainer.statusProperty().get()).startsWith("Open a user in the Users workspace first");
        upn.set(MEGAN);
        name.set("Megan Bowen");
        String meganId = demo.directory().findUser(MEGAN).orElseThrow().profile().id();
        TenantWriter.IssuedPass issued = demo.writer().issueTemporaryAccessPass(meganId,
                new TenantWriter.TapRequest(60, true));
        Secret typed = Secret.of("Temporary Access Pass", issued.code().reveal());

        trainer.signInWithTemporaryAccessPass(typed);
        assertThat(trainer.statusProperty().get()).startsWith("Megan Bowen: Signed in with a one-time Temporary Access Pass");
        assertThat(typed.isWiped()).as("the pass is wiped once sent").isTrue();

        trainer.registerAuthenticator();
        assertThat(trainer.statusProperty().get()).isEqualTo("Megan Bowen: Megan Bowen registered Microsoft Authenticator.");
        trainer.registerPasskey();
        assertThat(demo.directory().authenticationMethods(meganId)).filteredOn(m -> m.type() == MethodType.FIDO2)
                .hasSize(2);

        trainer.signInWithPasswordAndPush(Secret.of("Password", "Tailspin-Demo-2026"));
        assertThat(trainer.statusProperty().get()).startsWith("Megan Bowen: Signed in with the password and a "
                + "notification approved on");
        assertThat(hooked).containsExactly("played", "played", "played", "played");

        upn.set("pradeep.gupta@tailspintoys.com");
        name.set("Pradeep Gupta");
        trainer.signInWithPasswordAndPush(Secret.of("Password", "Tailspin-Demo-2026"));
        assertThat(trainer.statusProperty().get()).isEqualTo("The demo tenant refused: The password is correct, but "
                + "Pradeep Gupta has no Microsoft Authenticator registered, so no notification can be sent.");

        trainer.seeWhatTheUserSees();
        assertThat(hooked).endsWith("simulator");
    }

    @Test
    void whatJustChangedListsTheAuditLogSinceTheResetNewestFirstAndTheResetDiscardsIt() {
        WhatChangedViewModel before = trainer.newWhatChanged().orElseThrow();
        before.periodProperty().set(WhatChangedViewModel.Period.LAST_DAY);
        assertThat(before.rows()).as("the scenario's own story: the attacker's registrations yesterday").isNotEmpty();

        String meganId = demo.directory().findUser(MEGAN).orElseThrow().profile().id();
        demo.writer().issueTemporaryAccessPass(meganId, new TenantWriter.TapRequest(60, true));
        demo.writer().revokeSignInSessions(meganId);

        WhatChangedViewModel changes = trainer.newWhatChanged().orElseThrow();
        changes.load();
        assertThat(changes.rows()).extracting(ChangeRow::activity).containsExactlyInAnyOrder(
                "Update StsRefreshTokenValidFrom Timestamp", "Admin registered security info");
        assertThat(changes.rows().get(0).when()).as("newest first").isAfterOrEqualTo(changes.rows().get(1).when());
        assertThat(before.rows().get(0).when()).isAfterOrEqualTo(before.rows().get(before.rows().size() - 1).when());
        assertThat(changes.rows()).allSatisfy(row -> {
            assertThat(row.initiatedBy()).isEqualTo("adele.vance@tailspintoys.com");
            assertThat(row.target()).contains("Megan Bowen");
        });
        assertThat(changes.summaryProperty().get()).startsWith("2 changes in the directory audit log since the last reset (");

        trainer.actAs(trainer.admins().stream().filter(a -> a.displayName().equals("Patti Fernandez")).findFirst()
                .orElseThrow());
        trainer.reset();

        assertThat(hooked).containsExactly("actor", "reset");
        assertThat(trainer.actingAsProperty().get()).as("the reset brings the scenario's admin back").isEmpty();
        assertThat(demo.directory().signedInAdmin().profile().displayName()).isEqualTo("Adele Vance");
        assertThat(demo.directory().authenticationMethods(meganId))
                .noneMatch(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS);
        WhatChangedViewModel afterReset = trainer.newWhatChanged().orElseThrow();
        afterReset.load();
        assertThat(afterReset.rows()).isEmpty();
        assertThat(afterReset.summaryProperty().get()).startsWith("No change in the directory audit log since the last reset");
    }

    @Test
    void theResetWarningSaysThatUnfinishedRunsOnThisComputerAreKept() {
        // runs are saved per tenant name in the data folder, which a reset of the demo tenant does not touch
        assertThat(TrainerViewModel.RESET_WARNING).contains("unfinished runs saved on this computer",
                "are kept too", "undone by the reset");
    }

    @Test
    void aRealTenantHasNoTrainerControls() {
        TenantConnection real = new GraphTenantConnection(gateway, "contoso.onmicrosoft.com", false, () -> { });
        assertThat(real.demoTrainer()).isEmpty();

        trainer.attach(new OpenTenant(real, data, clock));

        assertThat(trainer.availableProperty().get()).isFalse();
        assertThat(trainer.admins()).isEmpty();
        assertThat(trainer.newWhatChanged()).isEmpty();
        trainer.reset();
        assertThat(sim.state().read(() -> sim.state().signedInAdmin().orElseThrow().displayName())).isEqualTo("Adele Vance");
    }
}
