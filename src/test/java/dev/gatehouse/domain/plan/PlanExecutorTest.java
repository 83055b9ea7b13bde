package dev.gatehouse.domain.plan;

import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.journal.JournalEntry;
import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.tenant.RequiredAccess;
import dev.gatehouse.domain.tenant.TenantException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PlanExecutorTest {

    @TempDir
    Path dir;

    private final List<String> ran = new ArrayList<>();

    private JsonLinesJournal journal() {
        return new JsonLinesJournal(dir.resolve("journal.jsonl"));
    }

    private PlanExecutor executor(JsonLinesJournal journal) {
        return new PlanExecutor(journal, "Demo tenant", "admin@contoso.com",
                Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC), Duration.ZERO);
    }

    private Step step(String id, StepAction action) {
        return new Step(id, "Step " + id, "effect of " + id, "user sees " + id,
                List.of(GraphRequest.of("POST", "/users/u1/" + id)),
                RequiredAccess.of("User.ReadWrite.All", "User Administrator"),
                Reversibility.reversible("undo " + id), Risk.LOW, List.of(), action);
    }

    private Step recording(String id) {
        return step(id, ctx -> {
            ran.add(id);
            return StepResult.changed(id + " done", Map.of("state", "before"), Map.of("state", "after"));
        });
    }

    private Plan plan(Step... steps) {
        return new Plan("Test plan", "Ada (ada@contoso.com)", "u1", List.of(steps), List.of());
    }

    @Test
    void runsEveryStepInOrderAndJournalsEach() {
        JsonLinesJournal journal = journal();
        ExecutionReport report = executor(journal).execute(plan(recording("a"), recording("b")), new Cancellation(),
                ExecutionListener.NONE);

        assertThat(ran).containsExactly("a", "b");
        assertThat(report.completed()).isTrue();
        assertThat(report.summary()).isEqualTo("All 2 steps of \"Test plan\" done.");
        List<JournalEntry> entries = journal.readAll();
        assertThat(entries).extracting(JournalEntry::step).containsExactly("a", "b");
        assertThat(entries.get(0).status()).isEqualTo("DONE");
        assertThat(entries.get(0).actor()).isEqualTo("admin@contoso.com");
        assertThat(entries.get(0).requests()).containsExactly("POST /users/u1/a");
        assertThat(entries.get(0).before()).containsEntry("state", "before");
        assertThat(entries.get(0).after()).containsEntry("state", "after");
    }

    @Test
    void aFollowerThatFailsStopsTheRunBeforeTheNextStepWithoutLosingTheReport() {
        ExecutionListener failingRecorder = new ExecutionListener() {
            @Override
            public void stepFinished(int index, StepOutcome outcome) {
                throw new IllegalStateException("disk full");
            }
        };
        ExecutionReport report = executor(journal()).execute(plan(recording("a"), recording("b")), new Cancellation(),
                failingRecorder);

        assertThat(ran).containsExactly("a");
        assertThat(report.outcomes()).extracting(StepOutcome::status).containsExactly(StepStatus.DONE,
                StepStatus.NOT_RUN);
        assertThat(report.summary()).isEqualTo("1 of 2 steps of \"Test plan\" done. Not run: \"Step b\", because "
                + "the run's progress could not be recorded: disk full. The steps that were done are not rolled back.");
    }

    @Test
    void stopsAtTheFirstFailureAndReportsWhatWasNotRun() {
        Step failing = step("b", ctx -> {
            throw new TenantException(TenantException.Kind.MISSING_ROLE, "You need Privileged Authentication Administrator.");
        });
        ExecutionReport report = executor(journal()).execute(plan(recording("a"), failing, recording("c")),
                new Cancellation(), ExecutionListener.NONE);

        assertThat(ran).containsExactly("a");
        assertThat(report.outcomes()).extracting(StepOutcome::status)
                .containsExactly(StepStatus.DONE, StepStatus.FAILED, StepStatus.NOT_RUN);
        assertThat(report.summary())
                .isEqualTo("1 of 3 steps of \"Test plan\" done. Step \"Step b\" failed: You need Privileged "
                        + "Authentication Administrator. Not run: \"Step c\". The steps that were done are not rolled back.");
        assertThat(journal().readAll()).extracting(JournalEntry::status).containsExactly("DONE", "FAILED");
    }

    @Test
    void cancellationBetweenStepsStopsBeforeTheNextOne() {
        Cancellation cancellation = new Cancellation();
        Step cancelsAfterward = step("a", ctx -> {
            ran.add("a");
            cancellation.cancel();
            return StepResult.done("a done");
        });
        ExecutionReport report = executor(journal()).execute(plan(cancelsAfterward, recording("b"), recording("c")),
                cancellation, ExecutionListener.NONE);

        assertThat(ran).containsExactly("a");
        assertThat(report.outcomes()).extracting(StepOutcome::status)
                .containsExactly(StepStatus.DONE, StepStatus.CANCELLED, StepStatus.NOT_RUN);
        assertThat(report.summary()).contains("Cancelled before step \"Step b\"").contains("Not run: \"Step c\"");
    }

    @Test
    void aStepCancelledWhileRunningIsJournaledAndReportedAsUncertain() {
        // what the gateway does when its caller is interrupted: keeps the interrupt flag and throws CANCELLED
        Step interrupted = step("a", ctx -> {
            Thread.currentThread().interrupt();
            throw new TenantException(TenantException.Kind.CANCELLED, "Cancelled.");
        });
        JsonLinesJournal journal = journal();
        ExecutionReport report;
        try {
            report = executor(journal).execute(plan(interrupted, recording("b")), new Cancellation(),
                    ExecutionListener.NONE);
        } finally {
            Thread.interrupted();
        }

        assertThat(report.outcomes().get(0).status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(report.outcomes().get(0).message()).contains("may or may not have reached the tenant")
                .doesNotContain("journal");
        assertThat(report.outcomes().get(1).status()).isEqualTo(StepStatus.NOT_RUN);
        assertThat(report.summary()).contains("Step \"Step a\" was cancelled while running")
                .doesNotContain("Cancelled before");
        assertThat(journal.readAll()).extracting(JournalEntry::step, JournalEntry::status)
                .containsExactly(tuple("a", "CANCELLED"));
    }

    @Test
    void aSecretIsHandedBackButNeverJournaled() throws Exception {
        Step issuesTap = step("tap", ctx -> StepResult.done("Temporary Access Pass issued, valid 60 minutes")
                .withSecret(Secret.of("Temporary Access Pass", "Zx9!kQ2#pL")));
        JsonLinesJournal journal = journal();
        ExecutionReport report = executor(journal).execute(plan(issuesTap), new Cancellation(), ExecutionListener.NONE);

        assertThat(report.outcomes().get(0).result().flatMap(StepResult::secret).map(Secret::reveal))
                .contains("Zx9!kQ2#pL");
        String written = Files.readString(journal.file());
        assertThat(written).doesNotContain("Zx9!kQ2#pL").contains("Temporary Access Pass shown once, not recorded");
    }

    @Test
    void aStepThatLeaksItsSecretIntoStateIsNotJournaledAndStopsThePlan() throws Exception {
        Step leaky = step("tap", ctx -> StepResult.changed("issued", Map.of(), Map.of("code", "Zx9!kQ2#pL"))
                .withSecret(Secret.of("Temporary Access Pass", "Zx9!kQ2#pL")));
        JsonLinesJournal journal = journal();
        ExecutionReport report = executor(journal).execute(plan(leaky, recording("b")), new Cancellation(),
                ExecutionListener.NONE);

        assertThat(report.outcomes().get(0).message())
                .contains("could not be written to the action journal")
                .doesNotContain("Zx9!kQ2#pL");
        assertThat(report.outcomes().get(1).status()).isEqualTo(StepStatus.NOT_RUN);
        assertThat(ran).isEmpty();
        assertThat(Files.exists(journal.file())).isFalse();
    }

    @Test
    void listenerSeesStartProgressAndFinishForEachStep() {
        List<String> events = new ArrayList<>();
        Step withProgress = step("a", ctx -> {
            ctx.progress("halfway");
            return StepResult.done("a done");
        });
        executor(journal()).execute(plan(withProgress), new Cancellation(), new ExecutionListener() {
            @Override
            public void stepStarted(int index, Step step) {
                events.add("start " + step.id());
            }

            @Override
            public void stepProgress(int index, Step step, String message) {
                events.add("progress " + message);
            }

            @Override
            public void stepFinished(int index, StepOutcome outcome) {
                events.add("finish " + outcome.status());
            }
        });
        assertThat(events).containsExactly("start a", "progress halfway", "finish DONE");
    }

    /** A step whose request reached the tenant but whose answer never came: the admin pressed Stop meanwhile. */
    private Step stoppedAfterSending(String id, Cancellation stop, StepCheck check) {
        return step(id, ctx -> {
            ran.add(id);
            stop.cancel();
            throw new dev.gatehouse.domain.tenant.TenantException(
                    dev.gatehouse.domain.tenant.TenantException.Kind.CANCELLED, "stopped");
        }).checkedBy(check);
    }

    @Test
    void aStepStoppedAfterItsRequestLeftIsReadBackAndJournaledAsDoneBeforeTheStop() {
        JsonLinesJournal journal = journal();
        Cancellation stop = new Cancellation();
        Step delete = stoppedAfterSending("delete", stop, started -> Reconciliation.applied(
                "deleted Microsoft Authenticator 'SM-A546B'.", Map.of("deleted", List.of("SM-A546B"))));

        ExecutionReport report = executor(journal).execute(plan(delete, recording("next")), stop,
                ExecutionListener.NONE);

        assertThat(report.outcomes().get(0).status()).isEqualTo(StepStatus.DONE);
        assertThat(report.outcomes().get(0).message())
                .isEqualTo("Done before the stop: deleted Microsoft Authenticator 'SM-A546B'.");
        assertThat(report.outcomes().get(1).status()).as("the stop still stops the rest").isEqualTo(StepStatus.CANCELLED);
        assertThat(ran).containsExactly("delete");
        List<JournalEntry> entries = journal.readAll();
        assertThat(entries).extracting(JournalEntry::step).containsExactly("delete", "delete");
        assertThat(entries.get(0).message()).as("on record before the read-back, in case it never ends")
                .contains("may or may not have reached the tenant");
        JournalEntry found = entries.get(1);
        assertThat(found.status()).isEqualTo("DONE");
        assertThat(found.message()).startsWith("Done before the stop");
        assertThat(found.after()).containsEntry("deleted", List.of("SM-A546B"));
    }

    @Test
    void aStepFoundPartlyOrNotAppliedSaysWhatTheTenantHoldsAndOneThatCannotBeReadSaysThatToo() {
        Cancellation first = new Cancellation();
        ExecutionReport partly = executor(journal()).execute(plan(stoppedAfterSending("p", first,
                started -> Reconciliation.partly("deleted A; still there: B.", Map.of("deleted", List.of("A"))))),
                first, ExecutionListener.NONE);
        Cancellation second = new Cancellation();
        ExecutionReport none = executor(journal()).execute(plan(stoppedAfterSending("n", second,
                started -> Reconciliation.notApplied("B still there."))), second, ExecutionListener.NONE);
        Cancellation third = new Cancellation();
        ExecutionReport unknown = executor(journal()).execute(plan(stoppedAfterSending("u", third, started -> {
            throw new IllegalStateException("Graph is unavailable");
        })), third, ExecutionListener.NONE);

        assertThat(partly.outcomes().get(0).status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(partly.outcomes().get(0).message()).isEqualTo("Stopped part way: deleted A; still there: B.");
        assertThat(none.outcomes().get(0).message()).startsWith("Stopped before it took effect: B still there. (read "
                + "back 22 Nov 2026, 10:00 UTC)");
        assertThat(unknown.outcomes().get(0).message()).contains("may or may not have reached the tenant")
                .contains("Reading the tenant back to find out failed too: Graph is unavailable");
        assertThat(journal().readAll()).filteredOn(e -> e.step().equals("p")).extracting(JournalEntry::message)
                .containsExactly("Cancelled while running; the change may or may not have reached the tenant \u2014 "
                        + "check before retrying.", "Stopped part way: deleted A; still there: B.");
        assertThat(journal().readAll()).filteredOn(e -> e.step().equals("p")).last()
                .satisfies(e -> assertThat(e.after()).containsEntry("deleted", List.of("A")));
    }
}
