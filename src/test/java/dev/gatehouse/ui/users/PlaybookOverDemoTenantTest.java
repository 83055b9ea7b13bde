package dev.gatehouse.ui.users;

import dev.gatehouse.app.GatehouseConnector;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.recovery.RecoveryRequest;
import dev.gatehouse.domain.recovery.incident.IncidentRecordFormat;
import dev.gatehouse.domain.tenant.DemoTrainer;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeClipboard;
import dev.gatehouse.ui.plan.PlanViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the playbook window, the methods table and the incident record say about Alex Wilber (scenario
 * {@code compromised}), over HTTP against the demo tenant: the desk, the view models and the Graph SDK as the app runs them.
 */
class PlaybookOverDemoTenantTest {

    private static final String ALEX = "alex.wilber@tailspintoys.com";

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final UserDetailViewModel detail = new UserDetailViewModel(runner,
            Clock.system(ZoneId.of("Australia/Sydney")), new FakeClipboard());
    private final UsersViewModel users = new UsersViewModel(runner, detail);
    private final UserActionsViewModel actions = detail.actions();
    private TenantConnection connection;
    private RecoveryDesk desk;

    @TempDir
    Path data;

    /** Where the admin saves the incident record. */
    @TempDir
    Path folder;

    @BeforeEach
    void openAlex() {
        connection = new GatehouseConnector(name -> null).connectDemo("compromised");
        users.attach(connection.directory());
        desk = RecoveryDesk.open(connection, data, Clock.systemUTC(), Duration.ofDays(7));
        users.allowChanges(desk);
        detail.load(alex());
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void aMethodCardSaysWhatHappensToItInTheStateItsCheckboxIsIn() {
        MethodChoice attacker = method(openPlaybook(), "SM-A546B");
        assertThat(attacker.marked().get()).isTrue();
        assertThat(attacker.fate().get()).doesNotContain("Unmarked").contains("not the user's", "deleted");

        attacker.marked().set(false);
        assertThat(attacker.fate().get()).isEqualTo("Unmarked, it is deleted anyway by \u201cRequire re-register MFA\u201d.");
    }

    @Test
    void thePlaybookDatesTheAttackersPhoneAsTheMethodsTableDoes() {
        MethodRow row = detail.methods().stream().filter(r -> r.summary().startsWith("+44")).findFirst().orElseThrow();
        assertThat(row.datedFromAuditLog()).isTrue();

        MethodChoice phone = method(openPlaybook(), "+44");

        assertThat(phone.added()).doesNotContain("No date").contains(row.age(), "directory audit log");
        assertThat(phone.recent()).isEqualTo(row.recentlyAdded()).isTrue();
    }

    @Test
    void requireReregisterOnAlexWarnsThatThePasswordStaysAndOffersThePlaybook() {
        actions.request(new RecoveryRequest.RequireReregister(false));
        PlanViewModel plan = ((ActionPrompt.Review) actions.promptProperty().get()).plan();

        assertThat(plan.plan().warnings()).anyMatch(w -> w.contains("leaves the password"));
        assertThat(plan.offerLabel()).isEqualTo("Use the compromised-account playbook instead\u2026");
        plan.acceptOffer();
        assertThat(actions.promptProperty().get()).isInstanceOf(ActionPrompt.Playbook.class);
    }

    @Test
    void afterThePlaybookThePassAndPasswordYouIssuedAreMarkedYoursAndNotCountedAsRecentlyAdded() {
        PlanViewModel plan = openPlaybook().planProperty().get();
        plan.confirm();
        assertThat(plan.succeededProperty().get()).as(plan.summaryProperty().get()).isTrue();

        assertThat(detail.methods()).extracting(MethodRow::type)
                .containsExactlyInAnyOrder(MethodType.PASSWORD, MethodType.TEMPORARY_ACCESS_PASS);
        assertThat(detail.methods()).allSatisfy(row -> {
            assertThat(row.recentlyAdded()).as(row.typeLabel()).isFalse();
            assertThat(row.issuedByYou()).as(row.typeLabel()).startsWith("Issued by you, ");
        });
        assertThat(detail.recentMethodsProperty().get()).isFalse();
        assertThat(detail.methodSummaryProperty().get()).doesNotContain("added in the last")
                .contains("2 issued by you");
        RecoveryContext alex = desk.read(ALEX);
        assertThat(alex.methods()).noneMatch(alex::recent);
    }

    @Test
    void afterActingAsAnotherAdminWhatTheScenarioAdminIssuedIsNoLongerMarkedYours() {
        PlanViewModel plan = openPlaybook().planProperty().get();
        plan.confirm();
        assertThat(plan.succeededProperty().get()).as(plan.summaryProperty().get()).isTrue();
        DemoTrainer trainer = connection.demoTrainer().orElseThrow();
        String scenarioAdmin = trainer.actors().signedInAdmin();
        trainer.actAs(trainer.actors().admins().stream() // one who may read Alex's methods
                .filter(admin -> !admin.userPrincipalName().equalsIgnoreCase(scenarioAdmin)
                        && admin.roles().contains("Authentication Administrator"))
                .map(DemoTrainer.Admin::userPrincipalName).findFirst().orElseThrow());

        detail.reload();

        assertThat(detail.methods()).extracting(MethodRow::type)
                .containsExactlyInAnyOrder(MethodType.PASSWORD, MethodType.TEMPORARY_ACCESS_PASS);
        assertThat(detail.methods()).allSatisfy(row -> {
            assertThat(row.issuedByYou()).as(row.typeLabel()).isEmpty();
            assertThat(row.recentlyAdded()).as(row.typeLabel()).isTrue();
        });
        assertThat(detail.methodSummaryProperty().get()).doesNotContain("issued by you");
    }

    private IncidentRecordViewModel openRecord() {
        actions.incidentRecord();
        assertThat(actions.promptProperty().get()).isInstanceOf(ActionPrompt.Record.class);
        return ((ActionPrompt.Record) actions.promptProperty().get()).record();
    }

    @Test
    void afterThePlaybookTheRecordShowsWhatWasDoneAndHandedOverAndSavesOnlyWhereChosen() throws Exception {
        PlanViewModel plan = PlaybookViewModelTest.openPlaybook(actions).planProperty().get();
        plan.confirm();
        assertThat(plan.succeededProperty().get()).as(plan.summaryProperty().get()).isTrue();
        List<String> secrets = plan.secrets().stream().map(secret -> {
            secret.revealedProperty().set(true);
            return secret.firstPartProperty().get();
        }).toList();
        assertThat(secrets).hasSize(2).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(7));

        IncidentRecordViewModel record = openRecord();
        for (String secret : secrets) {
            assertThat(record.textProperty().get()).doesNotContain(secret);
        }

        assertThat(record.stateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(record.textProperty().get()).contains("# Incident record: Alex Wilber")
                .contains("| Issue a Temporary Access Pass | done |").contains("Temporary password:")
                .contains("Confirm user compromised");
        assertThat(record.suggestedName(IncidentRecordFormat.HTML)).startsWith("incident-" + ALEX).endsWith(".html");
        assertThat(folder).isEmptyDirectory();

        Path file = folder.resolve("alex.html");
        record.save(file, IncidentRecordFormat.HTML);
        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>");
        assertThat(record.statusProperty().get()).startsWith("Saved as HTML: ");

        Files.writeString(file, "the copy in the ticket");
        record.save(file, IncidentRecordFormat.JSON);
        assertThat(record.replaceQuestionProperty().get()).isEqualTo(file);
        record.replaceDeclined();
        assertThat(Files.readString(file)).isEqualTo("the copy in the ticket");
        assertThat(record.statusProperty().get()).startsWith("Not saved");

        record.save(file, IncidentRecordFormat.JSON);
        record.replaceConfirmed();
        assertThat(Files.readString(file)).startsWith("{").contains("\"handedOver\"");
        assertThat(record.replaceQuestionProperty().get()).isNull();
    }

    @Test
    void theReadRunsAsATaskThatCancelLeavesWithNothingShown() {
        runner.holdTasks();
        IncidentRecordViewModel record = openRecord();
        assertThat(record.stateProperty().get()).isEqualTo(LoadState.LOADING);
        assertThat(runner.onlyPending().description()).isEqualTo("Reading the incident record");

        record.cancel();

        assertThat(runner.pending()).isEmpty();
        assertThat(record.stateProperty().get()).isEqualTo(LoadState.FAILED);
        assertThat(record.statusProperty().get()).startsWith("Cancelled");
        assertThat(record.textProperty().get()).isEmpty();
        record.save(folder.resolve("nothing.md"), IncidentRecordFormat.MARKDOWN);
        assertThat(folder).isEmptyDirectory();
    }

    private PlaybookViewModel openPlaybook() {
        return PlaybookViewModelTest.openPlaybook(actions);
    }

    private static MethodChoice method(PlaybookViewModel playbook, String labelPart) {
        return PlaybookViewModelTest.method(playbook, labelPart);
    }

    private UserSummary alex() {
        return connection.directory().searchUsers(UserQuery.firstPage("alex", 50)).users().stream()
                .filter(u -> u.userPrincipalName().equals(ALEX)).findFirst().orElseThrow();
    }
}
