package dev.gatehouse.ui.registration;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.registration.PreflightCheck;
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
import dev.gatehouse.ui.wizard.StageState;
import dev.gatehouse.ui.wizard.WizardViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration-policy wizard's view models over HTTP against the demo tenant, without a UI: from no policy to
 * report-only, What If, the pilot and everyone, and a window closed midway opened again where it stopped.
 */
class RegistrationWizardTest {

    private static final String ADMIN = "adele.vance@tailspintoys.com";

    @TempDir
    Path data;

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private SimServer sim;
    private GraphGateway gateway;
    private TenantConnection connection;

    @BeforeEach
    void tenant() {
        sim = SimServer.start(SimOptions.defaults().withScenario("new-hires"));
        gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()), TokenSource.fixed("sim-user:" + ADMIN),
                new CallLog(10_000), RetryPolicy.DEFAULT);
        connection = new GraphTenantConnection(gateway, "Demo tenant", true, () -> { });
        EmergencyGroupSettings.in(data).save(gateway.directory().tenant().id(), EmergencyGroup.of(
                gateway.directory().groupsNamed("Emergency Access Accounts").get(0)));
    }

    @AfterEach
    void close() {
        gateway.close();
        sim.close();
    }

    private RegistrationWizard wizard() {
        return new RegistrationWizard(connection, data, Clock.systemUTC(), ADMIN, runner, new FakeClipboard(),
                ZoneId.of("Australia/Sydney"));
    }

    private static PlanViewModel plan(WizardViewModel wizard) {
        return wizard.currentStageProperty().get().planProperty().get();
    }

    private static List<StageState> rail(WizardViewModel wizard) {
        return wizard.rail().stream().map(item -> item.stateProperty().get()).toList();
    }

    private List<ConditionalAccessPolicy> registrationPolicies() {
        return gateway.directory().conditionalAccessPolicies().stream()
                .filter(p -> p.includeUserActions().contains(ConditionalAccessPolicy.REGISTER_SECURITY_INFO)).toList();
    }

    @Test
    void fromNothingToReportOnlyWhatIfThePilotAndEveryone() {
        RegistrationWizard made = wizard();
        WizardViewModel wizard = made.open();

        assertThat(made.preflight().passedProperty().get()).as(made.preflight().statusProperty().get()).isTrue();
        assertThat(made.preflight().checks()).extracting(PreflightCheck::id).contains("licence",
                "emergency-excluded", "users-without-route");
        assertThat(made.passes().users()).as("the new hires need a pass").isNotEmpty();
        wizard.next();
        assertThat(plan(wizard).plan().steps()).hasSize(made.passes().users().size());
        assertThat(wizard.canGoNextProperty().get()).as("the hand-out is optional").isTrue();
        wizard.next();
        assertThat(made.design().validProperty().get()).isTrue();
        wizard.next();
        assertThat(made.review().jsonProperty().get()).contains("\"enabledForReportingButNotEnforced\"")
                .contains("urn:user:registersecurityinfo");
        assertThat(made.review().powerShellProperty().get()).contains("Connect-MgGraph");
        wizard.next();

        assertThat(registrationPolicies()).as("nothing before Confirm").isEmpty();
        plan(wizard).confirm();
        assertThat(registrationPolicies()).singleElement().extracting(ConditionalAccessPolicy::state)
                .isEqualTo(State.REPORT_ONLY);
        wizard.next();
        made.whatIf().pilotGroupProperty().set("New Hires");
        made.whatIf().run();
        assertThat(made.whatIf().rows()).isNotEmpty().allSatisfy(row -> assertThat(row.agrees()).isTrue());
        wizard.next();
        plan(wizard).confirm();
        assertThat(registrationPolicies().get(0).users().includeGroups()).hasSize(1);
        wizard.next();
        plan(wizard).confirm();

        ConditionalAccessPolicy on = registrationPolicies().get(0);
        assertThat(on.state()).isEqualTo(State.ENABLED);
        assertThat(on.users().includeUsers()).containsExactly("All");
        assertThat(rail(wizard).subList(4, 8)).containsOnly(StageState.DONE, StageState.CURRENT);
    }

    @Test
    void passesForTheChosenUsersAreShownAndAlsoWrittenToAnOwnerOnlyFile() throws Exception {
        RegistrationWizard made = wizard();
        WizardViewModel wizard = made.open();
        List<dev.gatehouse.domain.registration.BulkTapUser> two = List.copyOf(made.passes().users().subList(0, 2));
        made.passes().users().setAll(two);
        Path file = data.resolve("passes.csv");
        made.passes().csvFileProperty().set(file);
        wizard.next();

        plan(wizard).confirm();

        assertThat(plan(wizard).succeededProperty().get()).as(plan(wizard).summaryProperty().get()).isTrue();
        List<String> lines = java.nio.file.Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("\"" + two.get(0).userPrincipalName() + "\",");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(made.passesStage().doneProperty().get()).isTrue();
    }

    @Test
    void aWindowClosedAfterReportOnlyOpensAgainWithTheDesignAndTheSavedStageDone() {
        RegistrationWizard first = wizard();
        WizardViewModel wizard = first.open();
        wizard.next();
        wizard.next();
        first.design().displayNameProperty().set("Registration gate (pilot)");
        wizard.next();
        wizard.next();
        plan(wizard).confirm();
        wizard.close();

        RegistrationWizard again = wizard();
        WizardViewModel reopened = again.open();

        assertThat(reopened.currentProperty().get()).as("a restart checks the tenant again first").isZero();
        assertThat(again.preflight().passedProperty().get()).isTrue();
        assertThat(reopened.canGoNextProperty().get()).isTrue();
        assertThat(again.design().displayNameProperty().get()).isEqualTo("Registration gate (pilot)");
        assertThat(again.saveStage().doneProperty().get()).isTrue();
        assertThat(reopened.bannerProperty().get()).startsWith("Continuing the run started ");
        assertThat(registrationPolicies()).singleElement().extracting(ConditionalAccessPolicy::displayName)
                .isEqualTo("Registration gate (pilot)");
    }
}
