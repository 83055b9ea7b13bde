package dev.gatehouse.ui.users;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.LockHoldingProcess;
import dev.gatehouse.domain.procedure.RunKey;
import dev.gatehouse.domain.recovery.CompromisedAccountPlaybook;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.DemoData;
import dev.gatehouse.ui.fake.FakeClipboard;
import dev.gatehouse.ui.fake.FakeDirectory;
import dev.gatehouse.ui.fake.FakeWriter;
import dev.gatehouse.ui.fake.GatedWriter;
import dev.gatehouse.ui.fake.MemoryJournal;
import dev.gatehouse.ui.plan.PlanPhase;
import dev.gatehouse.ui.plan.PlanViewModel;
import dev.gatehouse.ui.plan.SecretViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The compromised-account playbook's view model over the real desk, a fake tenant and a real playbook store. */
class PlaybookViewModelTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final FakeDirectory directory = DemoData.directory("compromised", new CallLog());
    private final FakeWriter recorder = new FakeWriter();
    private volatile boolean failDeletes;
    private final GatedWriter writer = new GatedWriter(recorder, method -> {
        if (failDeletes) {
            throw new TenantException(TenantException.Kind.UNAVAILABLE, "Microsoft Graph is unavailable (503).");
        }
    });
    private final UserDetailViewModel detail = new UserDetailViewModel(runner,
            Clock.system(ZoneId.of("Australia/Sydney")), new FakeClipboard());
    private final UsersViewModel users = new UsersViewModel(runner, detail);
    private final UserActionsViewModel actions = detail.actions();
    private RecoveryDesk desk;

    @TempDir
    Path data;

    @BeforeEach
    void openMegan() {
        users.attach(directory);
        desk = new RecoveryDesk(directory, writer, new MemoryJournal(), new JsonProgressStore(data), new FileRunLocks(data), "Demo tenant", RunHolder.WINDOW,
                Clock.systemUTC(), AuthMethod.RECENT);
        users.allowChanges(desk);
        detail.load(user("megan.bowen"));
    }

    @Test
    void theRecentMethodIsMarkedThePasswordCannotBeAndTheDefaultsMakeTheWholePlan() {
        PlaybookViewModel playbook = openPlaybook();

        assertThat(playbook.continuing()).isFalse();
        assertThat(playbook.methods()).extracting(MethodChoice::label).containsExactly("Password",
                "Microsoft Authenticator \u00b7 iPhone 14", "Phone \u00b7 +1 412 555 0109",
                "Microsoft Authenticator \u00b7 SM-A136U");
        MethodChoice attacker = method(playbook, "SM-A136U");
        assertThat(attacker.recent()).isTrue();
        assertThat(attacker.marked().get()).as("recent methods are preselected").isTrue();
        assertThat(method(playbook, "iPhone 14").marked().get()).isFalse();
        MethodChoice password = method(playbook, "Password");
        assertThat(password.markable()).isFalse();
        password.marked().set(true);
        assertThat(playbook.resetPasswordProperty().get()).isTrue();
        assertThat(playbook.tap().lifetimeProperty().get()).isEqualTo("60");
        assertThat(playbook.tap().multiUseProperty().get()).as("one-time by default").isFalse();
        assertThat(playbook.reenableProperty().get()).isTrue();

        PlanViewModel plan = playbook.planProperty().get();
        assertThat(plan.plan().steps()).extracting(Step::id).containsExactly("disable", "revoke-sessions",
                "delete-marked-methods", "require-reregister", "reset-password", "issue-tap", "enable");
        assertThat(plan.plan().steps()).allSatisfy(step -> assertThat(step.effect()).startsWith("Why here: "));
        assertThat(plan.plan().steps().get(2).effect()).contains("This method will be deleted: Microsoft Authenticator 'SM-A136U'.");
        assertThat(plan.forecast()).isPresent();
        assertThat(plan.forecastDetails()).hasSize(8);
        assertThat(recorder.calls()).as("nothing is sent before Confirm").isEmpty();
    }

    @Test
    void everyChangeOfChoicesProposesThePlanAgain() {
        PlaybookViewModel playbook = openPlaybook();
        PlanViewModel first = playbook.planProperty().get();

        method(playbook, "SM-A136U").marked().set(false);
        assertThat(playbook.planProperty().get()).isNotSameAs(first);
        assertThat(stepIds(playbook)).doesNotContain("delete-marked-methods");

        playbook.reenableProperty().set(false);
        playbook.resetPasswordProperty().set(false);
        assertThat(stepIds(playbook)).doesNotContain("enable", "reset-password");
        assertThat(playbook.planProperty().get().plan().warnings()).doesNotContain("");

        playbook.tap().lifetimeProperty().set("600");
        assertThat(playbook.planProperty().get()).isNull();
        assertThat(playbook.explanationProperty().get())
                .isEqualTo("600 minutes is outside this tenant's TAP policy: enter 10\u2013480 minutes.");

        playbook.tap().lifetimeProperty().set("30");
        playbook.tap().multiUseProperty().set(true);
        Step tap = playbook.planProperty().get().plan().steps().stream().filter(s -> s.id().equals("issue-tap"))
                .findFirst().orElseThrow();
        assertThat(tap.requests().get(0).body()).contains("\"lifetimeInMinutes\": 30", "\"isUsableOnce\": false");
        assertThat(playbook.explanationProperty().get()).isEmpty();
    }

    @Test
    void whileTheChoicesAreBeingPlannedAgainNoStalePlanCanBeConfirmedAndALateProposalNeverReplacesARun() {
        PlaybookViewModel playbook = openPlaybook();
        runner.holdTasks();

        method(playbook, "iPhone 14").marked().set(true);

        assertThat(playbook.planProperty().get()).as("the plan for the old choices is withdrawn").isNull();
        assertThat(playbook.explanationProperty().get()).startsWith("Updating the plan");
        runner.completeAll();
        PlanViewModel updated = playbook.planProperty().get();
        assertThat(updated.plan().steps()).extracting(step -> step.id()).contains("delete-marked-methods");

        playbook.resetPasswordProperty().set(false);
        PlanViewModel stillPlanning = playbook.planProperty().get();
        assertThat(stillPlanning).isNull();
        runner.completeAll();
        PlanViewModel current = playbook.planProperty().get();
        current.confirm();
        runner.completeAll();
        assertThat(current.phaseProperty().get()).isEqualTo(PlanPhase.FINISHED);
        assertThat(playbook.planProperty().get()).isSameAs(current);
        assertThat(recorder.calls()).noneMatch(call -> call.contains("resetPassword"));
    }

    @Test
    void onYourOwnAccountThePlaybookIsRefusedWithTheReasonNotAPlan() {
        detail.load(user("admin"));

        actions.compromisedAccount();

        ActionPrompt.Explain refusal = (ActionPrompt.Explain) actions.promptProperty().get();
        assertThat(refusal.title()).isEqualTo("Compromised account: not possible");
        assertThat(refusal.message()).contains("cannot run on your own account");
    }

    @Test
    void confirmRunsEveryStepHandsOutBothSecretsOnceAndLeavesNoUnfinishedRun() {
        PlaybookViewModel playbook = openPlaybook();
        PlanViewModel plan = playbook.planProperty().get();
        String megan = user("megan.bowen").id();

        plan.confirm();

        assertThat(plan.phaseProperty().get()).isEqualTo(PlanPhase.FINISHED);
        assertThat(plan.succeededProperty().get()).isTrue();
        assertThat(playbook.choicesLockedProperty().get()).isTrue();
        assertThat(recorder.calls()).first().isEqualTo("PATCH /users/" + megan + " accountEnabled=false");
        assertThat(recorder.calls()).last().isEqualTo("PATCH /users/" + megan + " accountEnabled=true");
        assertThat(recorder.calls()).filteredOn(call -> call.startsWith("DELETE")).hasSize(3);
        assertThat(plan.secrets()).extracting(SecretViewModel::label)
                .containsExactly("Temporary password", "Temporary Access Pass");
        assertThat(plan.secrets().get(1).expiry()).startsWith("Valid until ").endsWith("(Australia/Sydney time)");
        assertThat(desk.unfinishedPlaybook(megan)).isEmpty();
        assertThat(detail.unfinishedRun().messageProperty().get()).isEmpty();

        playbook.resetPasswordProperty().set(false);
        assertThat(playbook.planProperty().get()).as("a run's choices are final").isSameAs(plan);
    }

    @Test
    void aRunThatStoppedIsShownOverTheUserAndContinuedWithItsChoicesAndOnlyTheStepsLeft() {
        PlaybookViewModel playbook = openPlaybook();
        method(playbook, "iPhone 14").marked().set(true);
        failDeletes = true;

        playbook.planProperty().get().confirm();

        assertThat(playbook.planProperty().get().succeededProperty().get()).isFalse();
        assertThat(detail.unfinishedRun().messageProperty().get())
                .startsWith("An unfinished compromised-account run from ")
                .contains(": Disable the account, Revoke sign-in sessions done. It stopped at: Delete the methods "
                        + "that are not the user's: ");

        failDeletes = false;
        actions.promptTaken();
        actions.compromisedAccount();
        PlaybookViewModel resumed = ((ActionPrompt.Playbook) actions.promptProperty().get()).playbook();

        assertThat(resumed.continuing()).isTrue();
        assertThat(resumed.choicesLockedProperty().get()).isTrue();
        assertThat(method(resumed, "iPhone 14").marked().get()).as("the choices confirmed then").isTrue();
        PlanViewModel rest = resumed.planProperty().get();
        assertThat(rest.intro()).startsWith("Continuing the run started ")
                .contains("Already done: Disable the account, Revoke sign-in sessions.");
        assertThat(rest.plan().steps()).extracting(Step::id).containsExactly("delete-marked-methods",
                "require-reregister", "reset-password", "issue-tap", "enable");
        resumed.resetPasswordProperty().set(false);
        assertThat(resumed.planProperty().get()).isSameAs(rest);

        rest.confirm();

        assertThat(rest.succeededProperty().get()).isTrue();
        assertThat(rest.secrets()).hasSize(2);
        assertThat(detail.unfinishedRun().messageProperty().get()).isEmpty();
        assertThat(desk.unfinishedPlaybook(user("megan.bowen").id())).isEmpty();
    }

    @Test
    void aRunFinishedMinutesAgoIsNotRunAgainByAccidentButCanBeStartedAnewDeliberately() {
        openPlaybook().planProperty().get().confirm();
        detail.reload();

        actions.promptTaken();
        actions.compromisedAccount();
        ActionPrompt.Explain refused = (ActionPrompt.Explain) actions.promptProperty().get();

        assertThat(refused.message()).contains("finished").contains("Running it again would reset the password");
        assertThat(refused.alternativeLabel()).isEqualTo("Start a new run\u2026");
        int sent = recorder.calls().size();
        refused.alternative().run();
        PlaybookViewModel anew = ((ActionPrompt.Playbook) actions.promptProperty().get()).playbook();
        assertThat(anew.continuing()).isFalse();
        anew.planProperty().get().confirm();
        assertThat(anew.planProperty().get().succeededProperty().get())
                .as(anew.planProperty().get().summaryProperty().get()).isTrue();
        assertThat(recorder.calls().size()).isGreaterThan(sent);
    }

    @Test
    void discardingAnUnfinishedRunForgetsItAndTheNextPlaybookStartsAfresh() {
        PlaybookViewModel playbook = openPlaybook();
        failDeletes = true;
        playbook.planProperty().get().confirm();
        assertThat(detail.unfinishedRun().messageProperty().get()).isNotEmpty();

        detail.unfinishedRun().discard();

        assertThat(detail.unfinishedRun().messageProperty().get()).isEmpty();
        assertThat(desk.unfinishedPlaybook(user("megan.bowen").id())).isEmpty();
        assertThat(openPlaybook().continuing()).isFalse();
    }

    @Test
    void aRunInAnotherProcessIsShownAndRefusedAndOneLeftByAKilledProcessIsTakenOverFromTheBanner() throws Exception {
        String megan = user("megan.bowen").id();
        Process other = LockHoldingProcess.start(data, new RunKey("Demo tenant",
                CompromisedAccountPlaybook.PROCEDURE_ID, megan));
        try {
            detail.reload();
            assertThat(detail.unfinishedRun().runningElsewhereProperty().get()).isTrue();
            assertThat(detail.unfinishedRun().messageProperty().get()).contains("It is running now: "
                    + LockHoldingProcess.ACTOR + " in the gatehouse command line (process " + other.pid());

            actions.promptTaken();
            actions.compromisedAccount();
            ActionPrompt.Explain refused = (ActionPrompt.Explain) actions.promptProperty().get();
            assertThat(refused.message()).startsWith("Another run of \u201cCompromised account\u201d on Megan Bowen");
        } finally {
            LockHoldingProcess.kill(other);
        }
        detail.reload();
        assertThat(detail.unfinishedRun().staleProperty().get()).isTrue();
        assertThat(detail.unfinishedRun().messageProperty().get()).contains("It was left mid-run by "
                + LockHoldingProcess.ACTOR).contains("take the run over");

        PlanViewModel blocked = openPlaybook().planProperty().get();
        assertThat(blocked.plan().warnings().get(0)).contains("was left unfinished by " + LockHoldingProcess.ACTOR);
        blocked.confirm();
        assertThat(blocked.summaryProperty().get()).startsWith("0 of 7 steps").contains("take the run over");
        assertThat(recorder.calls()).as("a stale run runs only once taken over").isEmpty();

        detail.unfinishedRun().takeOver();

        assertThat(detail.unfinishedRun().staleProperty().get()).isFalse();
        assertThat(detail.unfinishedRun().messageProperty().get()).isEmpty();
        PlanViewModel plan = openPlaybook().planProperty().get();
        plan.confirm();
        assertThat(plan.succeededProperty().get()).as(plan.summaryProperty().get()).isTrue();
    }

    private PlaybookViewModel openPlaybook() {
        return openPlaybook(actions);
    }

    /** Presses "Compromised account…" and takes the playbook it opens. */
    static PlaybookViewModel openPlaybook(UserActionsViewModel actions) {
        actions.promptTaken();
        actions.compromisedAccount();
        return ((ActionPrompt.Playbook) actions.promptProperty().get()).playbook();
    }

    static MethodChoice method(PlaybookViewModel playbook, String labelPart) {
        return playbook.methods().stream().filter(m -> m.label().contains(labelPart)).findFirst().orElseThrow();
    }

    private static List<String> stepIds(PlaybookViewModel playbook) {
        return playbook.planProperty().get().plan().steps().stream().map(Step::id).toList();
    }

    private UserSummary user(String upnPrefix) {
        return directory.searchUsers(UserQuery.firstPage("", 50)).users().stream()
                .filter(u -> u.userPrincipalName().startsWith(upnPrefix + "@")).findFirst().orElseThrow();
    }
}
