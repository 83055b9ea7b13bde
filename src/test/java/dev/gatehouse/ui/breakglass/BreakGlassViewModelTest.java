package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.breakglass.DrillLog;
import dev.gatehouse.domain.breakglass.HealthCheck;
import dev.gatehouse.domain.breakglass.Verdict;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.graph.GraphGateway;
import dev.gatehouse.graph.GraphTenantConnection;
import dev.gatehouse.graph.RetryPolicy;
import dev.gatehouse.graph.ServiceRoot;
import dev.gatehouse.graph.TokenSource;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeClipboard;
import dev.gatehouse.ui.workspace.OpenTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The Break-glass home's ViewModel over the demo tenant, through the real gateway, without a toolkit. */
class BreakGlassViewModelTest {

    private static final String ADMIN = "adele.vance@tailspintoys.com";
    private static final String GROUP = "Emergency Access Accounts";
    private static final Clock CLOCK = Clock.system(ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    @TempDir
    Path data;

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final FakeClipboard clipboard = new FakeClipboard();
    private final BreakGlassViewModel viewModel = new BreakGlassViewModel(runner, clipboard);
    private SimServer sim;
    private GraphGateway gateway;
    private OpenTenant tenant;

    private void demo(String scenario) {
        sim = SimServer.start(SimOptions.defaults().withScenario(scenario));
        gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()), TokenSource.fixed("sim-user:" + ADMIN),
                new CallLog(10_000), RetryPolicy.DEFAULT);
        tenant = new OpenTenant(new GraphTenantConnection(gateway, "Demo tenant", true, () -> { }), data, CLOCK);
    }

    private void chooseGroup() {
        EmergencyGroupSettings.in(data).save(tenantId(), EmergencyGroup.of(gateway.directory().groupsNamed(GROUP)
                .get(0)));
    }

    private String tenantId() {
        return gateway.directory().tenant().id();
    }

    private void open() {
        viewModel.attach(tenant);
        viewModel.inView(true);
    }

    @AfterEach
    void close() {
        viewModel.detach();
        if (gateway != null) {
            gateway.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void nothingIsReadUntilTheWorkspaceIsInViewThenOneReadShowsEveryGapOfBreakglassGaps() {
        demo("breakglass-gaps");
        chooseGroup();
        viewModel.attach(tenant);
        assertThat(runner.started()).isEmpty();

        viewModel.inView(true);

        // with every read, whether a set-up is unfinished (the button says Continue): the command line may have moved it
        assertThat(runner.started()).containsExactly("Looking for an unfinished set-up",
                "Reading the health of the emergency-access accounts");
        assertThat(viewModel.loadingProperty().get()).isFalse();
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.verdictProperty().get()).isEqualTo(Verdict.RED);
        assertThat(viewModel.headlineProperty().get()).startsWith("Not ready");
        assertThat(viewModel.countsProperty().get()).isEqualTo("2 accounts \u00b7 8 things to fix \u00b7 1 to check");
        assertThat(viewModel.drillLineProperty().get()).startsWith("No drill recorded on this machine");

        HealthRow group = viewModel.groupProperty().get();
        assertThat(group.name()).isEqualTo(GROUP);
        assertThat(viewModel.groupToChooseProperty().get()).isFalse();
        assertThat(group.needingAttention()).extracting(HealthCheck::id).containsExactly("roleAssignable", "excluded");

        assertThat(viewModel.accounts()).extracting(HealthRow::identity).containsExactly(
                "bg-admin-01@tailspintoys.onmicrosoft.com", "bg-admin-02@tailspintoys.onmicrosoft.com");
        assertThat(viewModel.accounts()).extracting(HealthRow::name)
                .containsExactly("Emergency Access 01", "Emergency Access 02");
        assertThat(viewModel.accounts().get(0).needingAttention()).extracting(HealthCheck::id)
                .containsExactly("passkey", "conditionalAccess", "drill");
        assertThat(viewModel.accounts().get(1).needingAttention()).extracting(HealthCheck::id)
                .contains("noLicence", "methods");
        assertThat(viewModel.accounts().get(0).fine()).extracting(HealthCheck::id).contains("enabled", "cloudOnly");
        assertThat(viewModel.accountsPlaceholderProperty().get()).isEmpty();
    }

    @Test
    void withoutAChosenGroupTheGroupRowAsksForItAndTheCheckerEntriesSayWhyNot() {
        demo("breakglass-gaps");
        open();

        assertThat(viewModel.groupToChooseProperty().get()).isTrue();
        assertThat(viewModel.groupProperty().get().checks()).singleElement()
                .satisfies(check -> assertThat(check.reason()).contains("No emergency-access group is chosen"));
        assertThat(viewModel.accounts()).isEmpty();
        assertThat(viewModel.accountsPlaceholderProperty().get()).contains("does not know yet");
        assertThat(viewModel.countsProperty().get()).isEqualTo("No accounts \u00b7 1 thing to fix \u00b7 0 to check");
        assertThat(viewModel.checkersProperty().get()).isNull();
        assertThat(viewModel.newCheckerConfig()).isEmpty();
        assertThat(viewModel.checkersUnavailableProperty().get()).startsWith("No emergency-access account is known");
        assertThat(viewModel.newEmergencyAccess()).isPresent();

        chooseGroup(); // as the emergency-access dialog saves it; closing the dialog reads again
        viewModel.refresh();

        assertThat(viewModel.groupToChooseProperty().get()).isFalse();
        assertThat(viewModel.accounts()).hasSize(2);
        assertThat(viewModel.checkersProperty().get()).isNotNull();
    }

    @Test
    void theCheckerEntriesNameEveryAccountAndTheGroupAndCopyAsTheyAre() {
        demo("breakglass-gaps");
        chooseGroup();
        open();

        CheckerConfigViewModel checkers = viewModel.newCheckerConfig().orElseThrow();
        String groupId = gateway.directory().groupsNamed(GROUP).get(0).id();
        assertThat(checkers.snippets().maester()).contains("EmergencyAccessAccounts")
                .contains("bg-admin-01@tailspintoys.onmicrosoft.com").contains(groupId);
        assertThat(checkers.snippets().scubaGear()).contains("CapExclusions").contains(groupId);
        assertThat(checkers.snippets().maesterWhere()).startsWith("Maester:");
        assertThat(checkers.snippets().scubaGearWhere()).startsWith("ScubaGear:");

        checkers.copyScubaGear();

        assertThat(clipboard.text()).contains(checkers.snippets().scubaGear());
        assertThat(checkers.copiedProperty().get()).isEqualTo("Copied the ScubaGear entries.");
    }

    @Test
    void aDrillIsRecordedOnceEveryItemIsTickedOnADayNoLaterThanTodayAndTheHealthIsReadAgain() {
        demo("breakglass-gaps");
        chooseGroup();
        open();

        DrillViewModel drill = viewModel.newDrill().orElseThrow();
        assertThat(drill.items()).extracting(DrillViewModel.Item::text)
                .anyMatch(item -> item.contains("Emergency Access 01 (bg-admin-01@tailspintoys.onmicrosoft.com)"))
                .anyMatch(item -> item.contains("Emergency Access 02 (bg-admin-02@tailspintoys.onmicrosoft.com)"));
        assertThat(drill.dayProperty().get()).isEqualTo(TODAY);
        assertThat(drill.canRecordProperty().get()).isFalse();

        drill.items().forEach(item -> item.doneProperty().set(true));
        assertThat(drill.canRecordProperty().get()).isTrue();
        drill.dayProperty().set(TODAY.plusDays(1));
        assertThat(drill.canRecordProperty().get()).isFalse();
        assertThat(drill.problemProperty().get()).contains("pick today or an earlier day");
        LocalDate held = TODAY.minusDays(3);
        drill.dayProperty().set(held);
        assertThat(drill.problemProperty().get()).isEmpty();
        int readsBefore = runner.started().size();

        drill.record();

        assertThat(drill.recordedProperty().get()).isTrue();
        assertThat(DrillLog.in(data, tenant.connection()).last(tenantId())).contains(held);
        assertThat(runner.started().subList(readsBefore, runner.started().size()))
                .containsExactly("Recording the drill", "Looking for an unfinished set-up",
                        "Reading the health of the emergency-access accounts");
        assertThat(viewModel.drillLineProperty().get()).isEqualTo("Last drill " + DATE.format(held)
                + " \u00b7 next due " + DATE.format(held.plusDays(90)));
        assertThat(viewModel.countsProperty().get()).isEqualTo("2 accounts \u00b7 6 things to fix \u00b7 1 to check");
    }

    @Test
    void stopDropsTheReadAndSaysItWasNotRead() {
        demo("breakglass-gaps");
        runner.holdTasks();
        open();
        assertThat(viewModel.loadingProperty().get()).isTrue();
        assertThat(viewModel.progressProperty().get()).startsWith("Reading the emergency-access accounts");

        viewModel.stop();

        assertThat(viewModel.loadingProperty().get()).isFalse();
        assertThat(viewModel.errorProperty().get()).isEqualTo(BreakGlassViewModel.STOPPED);
        runner.completeAll();
        assertThat(viewModel.groupProperty().get()).as("a stopped read shows nothing late").isNull();
        assertThat(viewModel.drillReadyProperty().get()).isFalse();
    }

    @Test
    void aReadThatFailsSaysWhyAndReadingAgainShowsTheHealth() {
        demo("baseline");
        chooseGroup();
        sim.close();
        open();

        assertThat(viewModel.errorProperty().get()).startsWith("The health of the emergency-access accounts could "
                + "not be read: ");
        assertThat(viewModel.headlineProperty().get()).isEqualTo("Not read.");
        assertThat(viewModel.drillReadyProperty().get()).isFalse();
        gateway.close();

        sim = SimServer.start(SimOptions.defaults());
        gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()), TokenSource.fixed("sim-user:" + ADMIN),
                new CallLog(10_000), RetryPolicy.DEFAULT);
        chooseGroup();
        DrillLog.in(data, new GraphTenantConnection(gateway, "Demo tenant", true, () -> { })).record(tenantId(),
                TODAY, TODAY);
        viewModel.attach(new OpenTenant(new GraphTenantConnection(gateway, "Demo tenant", true, () -> { }), data,
                CLOCK));

        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.verdictProperty().get()).isEqualTo(Verdict.GREEN);
        assertThat(viewModel.countsProperty().get()).isEqualTo("2 accounts \u00b7 nothing to fix or check");
    }

    @Test
    void detachingForgetsTheTenant() {
        demo("breakglass-gaps");
        chooseGroup();
        open();

        viewModel.detach();

        assertThat(viewModel.attachedProperty().get()).isFalse();
        assertThat(viewModel.groupProperty().get()).isNull();
        assertThat(viewModel.accounts()).isEmpty();
        assertThat(viewModel.headlineProperty().get()).isEqualTo(BreakGlassViewModel.NOT_CONNECTED);
        assertThat(viewModel.newDrill()).isEmpty();
        assertThat(viewModel.newEmergencyAccess()).isEmpty();
    }
}
