package dev.gatehouse.ui.plan;

import dev.gatehouse.domain.journal.JournalEntry;
import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.PlanExecutor;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepAction;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.tenant.RequiredAccess;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeClipboard;
import dev.gatehouse.ui.fake.MemoryJournal;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PlanViewModelTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final MemoryJournal journal = new MemoryJournal();
    private final PlanExecutor executor = new PlanExecutor(journal, "Demo tenant \u00b7 compromised",
            "admin@tailspintoys.com", Clock.fixed(Instant.parse("2025-06-18T10:00:00Z"), ZoneOffset.UTC));
    private final List<String> sent = new ArrayList<>();
    private final AtomicInteger reloads = new AtomicInteger();

    @Test
    void nothingRunsUntilConfirmAndConfirmRunsEveryStepInOrder() {
        PlanViewModel viewModel = open(plan(Risk.LOW, step("one", record("one")), step("two", record("two"))));

        assertThat(sent).isEmpty();
        assertThat(viewModel.steps()).extracting(row -> row.stateProperty().get())
                .containsExactly(StepState.PENDING, StepState.PENDING);

        viewModel.confirm();

        assertThat(sent).containsExactly("one", "two");
        assertThat(viewModel.phaseProperty().get()).isEqualTo(PlanPhase.FINISHED);
        assertThat(viewModel.steps()).extracting(row -> row.stateProperty().get())
                .containsExactly(StepState.DONE, StepState.DONE);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("All 2 steps of \"Require re-register MFA\" done.");
        assertThat(viewModel.succeededProperty().get()).isTrue();
        assertThat(journal.readAll()).extracting(JournalEntry::step).containsExactly("one", "two");
        assertThat(journal.readAll()).extracting(JournalEntry::actor).containsOnly("admin@tailspintoys.com");
        assertThat(reloads).hasValue(1);
    }

    @Test
    void confirmingTwiceRunsThePlanOnce() {
        runner.holdTasks();
        PlanViewModel viewModel = open(plan(Risk.LOW, step("one", record("one"))));

        viewModel.confirm();
        viewModel.confirm();
        runner.completeAll();

        assertThat(sent).containsExactly("one");
    }

    @Test
    void cancellingBeforeConfirmSendsNothing() {
        PlanViewModel viewModel = open(plan(Risk.LOW, step("one", record("one"))));

        viewModel.cancel();
        viewModel.close();

        assertThat(sent).isEmpty();
        assertThat(journal.readAll()).isEmpty();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(PlanPhase.REVIEW);
        assertThat(reloads).hasValue(0);
    }

    @Test
    void progressAndRunningStateShowWhileAStepRuns() {
        List<String> seen = new ArrayList<>();
        PlanViewModel[] holder = new PlanViewModel[1];
        PlanViewModel viewModel = open(plan(Risk.LOW, step("delete", context -> {
            context.progress("Deleting method 1 of 2");
            StepRow row = holder[0].steps().get(0);
            seen.add(row.stateProperty().get() + ": " + row.messageProperty().get());
            return StepResult.done("Deleted 2 methods.");
        })));
        holder[0] = viewModel;

        viewModel.confirm();

        assertThat(seen).containsExactly("RUNNING: Deleting method 1 of 2");
        assertThat(viewModel.steps().get(0).messageProperty().get()).isEqualTo("Deleted 2 methods.");
    }

    @Test
    void cancellingWhileAStepRunsStopsThePlanAndSaysWhatWasAndWasNotDone() {
        PlanViewModel[] holder = new PlanViewModel[1];
        PlanViewModel viewModel = open(plan(Risk.MEDIUM,
                step("first", record("first")),
                step("second", context -> {
                    holder[0].cancel(); // the admin presses Cancel while this request is in flight
                    if (Thread.currentThread().isInterrupted()) {
                        throw new TenantException(TenantException.Kind.CANCELLED, "The request was cancelled.");
                    }
                    sent.add("second");
                    return StepResult.done("second");
                }),
                step("third", record("third"))));
        holder[0] = viewModel;

        viewModel.confirm();

        assertThat(sent).containsExactly("first");
        assertThat(viewModel.cancelRequestedProperty().get()).isTrue();
        assertThat(viewModel.steps()).extracting(row -> row.stateProperty().get())
                .containsExactly(StepState.DONE, StepState.CANCELLED, StepState.NOT_RUN);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("1 of 3 steps of \"Require re-register MFA\" done. "
                + "Step \"second\" was cancelled while running: Cancelled while running; the change may or may not "
                + "have reached the tenant \u2014 check before retrying. Not run: \"third\". "
                + "The steps that were done are not rolled back.");
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt does not outlive the run").isFalse();
        assertThat(reloads).hasValue(1);
    }

    @Test
    void aFailedStepStopsThePlanAndTheSummarySaysWhy() {
        PlanViewModel viewModel = open(plan(Risk.MEDIUM,
                step("first", record("first")),
                step("second", context -> {
                    throw new TenantException(TenantException.Kind.MISSING_ROLE,
                            "Only a Privileged Authentication Administrator can delete this user's methods.");
                }),
                step("third", record("third"))));

        viewModel.confirm();

        assertThat(viewModel.steps()).extracting(row -> row.stateProperty().get())
                .containsExactly(StepState.DONE, StepState.FAILED, StepState.NOT_RUN);
        assertThat(viewModel.steps().get(1).messageProperty().get())
                .isEqualTo("Only a Privileged Authentication Administrator can delete this user's methods.");
        assertThat(viewModel.summaryProperty().get()).startsWith("1 of 3 steps of \"Require re-register MFA\" done. "
                + "Step \"second\" failed: Only a Privileged Authentication Administrator");
        assertThat(viewModel.summaryProperty().get()).contains("Not run: \"third\".");
        assertThat(viewModel.succeededProperty().get()).isFalse();
        assertThat(reloads).hasValue(1);
    }

    @Test
    void aHighRiskPlanNamesWhatConfirmWillDo() {
        PlanViewModel high = open(plan(Risk.HIGH, step("one", record("one")), step("two", record("two"))));
        PlanViewModel low = open(plan(Risk.LOW, step("one", record("one"))));

        assertThat(high.highRisk()).isTrue();
        assertThat(high.confirmLabel()).isEqualTo("Run 2 steps on Alex Wilber (alex.wilber@tailspintoys.com)");
        assertThat(low.confirmLabel()).isEqualTo("Confirm and run");
    }

    @Test
    void aSecretFromAStepIsOfferedOnceAndWipedWhenTheViewCloses() {
        Secret pass = Secret.of("Temporary Access Pass", "Xk7#pq2L");
        PlanViewModel viewModel = open(plan(Risk.MEDIUM, step("tap",
                context -> StepResult.done("Issued a one-time pass, valid until 11:00.").withSecret(pass))));

        viewModel.confirm();

        assertThat(viewModel.secrets()).hasSize(1);
        SecretViewModel secret = viewModel.secrets().get(0);
        assertThat(secret.label()).isEqualTo("Temporary Access Pass");
        assertThat(secret.note()).isEqualTo("Issued a one-time pass, valid until 11:00.");
        assertThat(journal.readAll().get(0).toString()).doesNotContain("Xk7#pq2L");

        viewModel.close();

        assertThat(pass.isWiped()).isTrue();
    }

    @Test
    void aSecretWithAnExpirySaysItOnceBesideTheStepThatIssuedIt() {
        Secret pass = Secret.of("Temporary Access Pass", "Xk7#pq2L");
        PlanViewModel viewModel = open(plan(Risk.MEDIUM, step("tap", context -> StepResult.done(
                "Issued a one-time pass, expires 6 Dec 2026, 15:20 UTC.")
                .withSecret(pass, java.time.Instant.parse("2026-12-06T15:20:00Z")))));

        viewModel.confirm();

        SecretViewModel secret = viewModel.secrets().get(0);
        assertThat(secret.expiry()).startsWith("Valid until 6 Dec 2026, 15:20");
        assertThat(secret.note()).as("the step's own line above already says it").isEmpty();
    }

    private PlanViewModel open(Plan plan) {
        return new PlanViewModel(plan, Optional.empty(), (cancellation, listener) -> executor.execute(plan, cancellation,
                listener), runner, new FakeClipboard(), reloads::incrementAndGet);
    }

    private StepAction record(String id) {
        return context -> {
            sent.add(id);
            return StepResult.done(id + " done");
        };
    }

    private static Plan plan(Risk risk, Step... steps) {
        List<Step> withRisk = new ArrayList<>();
        for (Step step : steps) {
            withRisk.add(new Step(step.id(), step.title(), step.effect(), step.userExperience(), step.requests(),
                    step.access(), step.reversibility(), risk, step.warnings(), step.action()));
        }
        return new Plan("Require re-register MFA", "Alex Wilber (alex.wilber@tailspintoys.com)", "alex-id", withRisk,
                List.of());
    }

    private static Step step(String id, StepAction action) {
        return new Step(id, id, "effect of " + id, "experience of " + id,
                List.of(GraphRequest.of("POST", "/users/alex-id/revokeSignInSessions")),
                RequiredAccess.of("User.RevokeSessions.All", "Helpdesk Administrator"),
                Reversibility.irreversible("sessions cannot be restored"), Risk.LOW, List.of(), action);
    }
}
