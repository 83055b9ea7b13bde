package dev.gatehouse.domain.procedure;

import dev.gatehouse.domain.journal.JournalEntry;
import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.StepStatus;
import dev.gatehouse.domain.procedure.TwoStageProcedure.Book;
import dev.gatehouse.domain.procedure.TwoStageProcedure.Proposal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProcedureDeskTest {

    @TempDir
    Path data;

    private static final Instant T0 = Instant.parse("2026-12-06T09:14:00Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final Book book = new Book();
    private final TwoStageProcedure guestBook = new TwoStageProcedure(book);
    private final Subject subject = new Subject("book", "the guest book");

    private ProcedureDesk desk(String frontEnd) {
        return new ProcedureDesk(new JsonLinesJournal(data.resolve("journal.jsonl")), new JsonProgressStore(data),
                new FileRunLocks(data), "Demo tenant", frontEnd, clock);
    }

    private Proposal propose(ProcedureDesk desk, String stage, Answers answers) {
        Optional<ProcedureProgress> progress = desk.unfinished(guestBook.procedure(), subject);
        return guestBook.procedure().stage(stage).orElseThrow().propose(book,
                progress.map(ProcedureProgress::answers).orElse(answers), progress);
    }

    private ExecutionReport run(ProcedureDesk desk, String stage, Answers answers, Cancellation cancellation) {
        Proposal proposal = propose(desk, stage, answers);
        return desk.run(new StageRun(guestBook.procedure(), stage, subject, "adele@tailspintoys.com",
                proposal.plan().orElseThrow(), answers, RunOptions.CONTINUE), cancellation, ExecutionListener.NONE);
    }

    @Test
    void runsStagesInOrderKeepingAnswersAndForgetsTheRunWhenTheLastStageIsDone() {
        ProcedureDesk desk = desk(RunHolder.WINDOW);
        Answers ada = Answers.none().with(TwoStageProcedure.NAME, "Ada");

        ExecutionReport written = run(desk, TwoStageProcedure.WRITE, ada, new Cancellation());

        assertThat(written.completed()).isTrue();
        ProcedureProgress between = desk.unfinished(guestBook.procedure(), subject).orElseThrow();
        assertThat(between.stageDone(TwoStageProcedure.WRITE)).isTrue();
        assertThat(between.answers()).isEqualTo(ada);
        assertThat(guestBook.procedure().nextStage(Optional.of(between)).orElseThrow().id())
                .isEqualTo(TwoStageProcedure.SIGN);

        ExecutionReport signed = run(desk, TwoStageProcedure.SIGN, ada, new Cancellation());

        assertThat(signed.completed()).isTrue();
        assertThat(book.lines()).containsExactly("hello Ada", "on 6 Dec 2026", "signed by Ada");
        assertThat(desk.unfinished(guestBook.procedure(), subject)).isEmpty();
        assertThat(desk.latest(guestBook.procedure(), subject)).hasValueSatisfying(ended -> {
            assertThat(ended.isFinished()).isTrue();
            assertThat(ended.revision()).as("saved at each start and step").isGreaterThan(3);
        });
        assertThat(desk.holder(guestBook.procedure(), subject)).isEmpty();
        assertThat(new JsonLinesJournal(data.resolve("journal.jsonl")).readAll()).extracting(JournalEntry::step)
                .containsExactly("greet", "date", "sign");
    }

    @Test
    void aStageThatNeedsAnEarlierOneIsRefusedBeforeAnythingIsSent() {
        ProcedureDesk desk = desk(RunHolder.WINDOW);
        Answers ada = Answers.none().with(TwoStageProcedure.NAME, "Ada");

        assertThatThrownBy(() -> run(desk, TwoStageProcedure.SIGN, ada, new Cancellation()))
                .hasMessage("\u201cSign\u201d can only run after \u201cWrite\u201d.");
        assertThat(book.lines()).isEmpty();
        assertThat(guestBook.procedure().missingBefore(TwoStageProcedure.SIGN, Optional.empty()))
                .extracting(Stage::id).containsExactly(TwoStageProcedure.WRITE);
    }

    @Test
    void aStoppedStageContinuesWithItsAnswersAndWithoutRepeatingDoneSteps() throws Exception {
        ProcedureDesk desk = desk(RunHolder.WINDOW);
        Answers ada = Answers.none().with(TwoStageProcedure.NAME, "Ada");
        guestBook.gate.drainPermits();
        guestBook.gate.release(1); // the greeting goes through, the date waits at the gate
        Cancellation stop = new Cancellation();
        CompletableFuture<ExecutionReport> running = CompletableFuture.supplyAsync(
                () -> run(desk, TwoStageProcedure.WRITE, ada, stop));
        assertThat(guestBook.waiting.await(10, TimeUnit.SECONDS)).isTrue();

        stop.cancel();
        ExecutionReport stopped = running.get(10, TimeUnit.SECONDS);

        assertThat(stopped.outcomes()).extracting(o -> o.status()).containsExactly(StepStatus.DONE,
                StepStatus.CANCELLED);
        guestBook.gate.release(Integer.MAX_VALUE / 2);
        ProcedureDesk restarted = desk(RunHolder.WINDOW);
        ProcedureProgress saved = restarted.unfinished(guestBook.procedure(), subject).orElseThrow();
        assertThat(saved.stepIdsDone(TwoStageProcedure.WRITE)).containsExactly("greet");
        assertThat(saved.lastProblem()).startsWith("Write the date: Cancelled while running");
        Proposal rest = propose(restarted, TwoStageProcedure.WRITE, Answers.none());
        assertThat(rest.plan().orElseThrow().steps()).extracting(s -> s.id()).containsExactly("date");
        assertThat(rest.plan().orElseThrow().target()).as("the answer given before the stop").isEqualTo("Ada");

        assertThat(run(restarted, TwoStageProcedure.WRITE, ada, new Cancellation()).completed()).isTrue();
        assertThat(book.lines()).containsExactly("hello Ada", "on 6 Dec 2026");
    }

    @Test
    void aSecondRunWhileOneRunsIsRefusedWithWhoHoldsItAndChangesNothing() throws Exception {
        ProcedureDesk window = desk(RunHolder.WINDOW);
        ProcedureDesk commandLine = desk(RunHolder.COMMAND_LINE);
        Answers ada = Answers.none().with(TwoStageProcedure.NAME, "Ada");
        guestBook.gate.drainPermits();
        CompletableFuture<ExecutionReport> first = CompletableFuture.supplyAsync(
                () -> run(window, TwoStageProcedure.WRITE, ada, new Cancellation()));
        assertThat(guestBook.waiting.await(10, TimeUnit.SECONDS)).isTrue();

        RunInProgressException refused = catchThrowableOfType(RunInProgressException.class,
                () -> run(commandLine, TwoStageProcedure.WRITE, Answers.none().with(TwoStageProcedure.NAME, "Eve"),
                        new Cancellation()));
        assertThatThrownBy(() -> commandLine.saveAnswers(guestBook.procedure(), subject, "eve",
                Answers.none().with(TwoStageProcedure.NAME, "Eve"))).isInstanceOf(RunInProgressException.class);
        assertThatThrownBy(() -> commandLine.forget(guestBook.procedure(), subject, "eve", true))
                .isInstanceOf(RunInProgressException.class);

        guestBook.gate.release(Integer.MAX_VALUE / 2);
        assertThat(first.get(10, TimeUnit.SECONDS).completed()).isTrue();
        assertThat(refused.getMessage()).startsWith("Another run of \u201cSign the guest book\u201d on the guest "
                + "book is in progress: adele@tailspintoys.com in the Gatehouse window (process "
                + ProcessHandle.current().pid());
        assertThat(refused.getMessage()).contains("since 6 Dec 2026, 09:14 UTC");
        assertThat(book.lines()).containsExactly("hello Ada", "on 6 Dec 2026");
        assertThat(window.unfinished(guestBook.procedure(), subject).orElseThrow().answers()).isEqualTo(ada);
    }

    @Test
    void aPlanMadeBeforeAnotherAdminMovedTheRunOnIsRefusedBeforeAnythingIsSent() {
        ProcedureDesk window = desk(RunHolder.WINDOW);
        ProcedureDesk commandLine = desk(RunHolder.COMMAND_LINE);
        Answers ada = Answers.none().with(TwoStageProcedure.NAME, "Ada");
        long basis = commandLine.revision(guestBook.procedure(), subject);
        Proposal planned = propose(commandLine, TwoStageProcedure.WRITE, ada);

        assertThat(run(window, TwoStageProcedure.WRITE, ada, new Cancellation()).completed()).isTrue();
        RunChangedException changed = catchThrowableOfType(RunChangedException.class, () -> commandLine.run(
                new StageRun(guestBook.procedure(), TwoStageProcedure.WRITE, subject, "megan", planned.plan()
                        .orElseThrow(), ada, RunOptions.CONTINUE.basedOn(basis)), new Cancellation(),
                ExecutionListener.NONE));

        assertThat(changed.getMessage()).startsWith("The run of \u201cSign the guest book\u201d on the guest book "
                + "changed after this plan was made: a run started 6 Dec 2026, 09:14 UTC has 2 steps done now.")
                .endsWith("Nothing was sent; plan it again to see what is left.");
        assertThat(book.lines()).as("the greeting is not written twice").containsExactly("hello Ada", "on 6 Dec 2026");
    }

    @Test
    void aRunThatEndedOrWasDiscardedRefusesAPlanMadeBeforeAndANewPlanStartsAFreshRun() {
        ProcedureDesk desk = desk(RunHolder.WINDOW);
        Answers ada = Answers.none().with(TwoStageProcedure.NAME, "Ada");
        desk.saveAnswers(guestBook.procedure(), subject, "adele", ada);
        long before = desk.revision(guestBook.procedure(), subject);
        Proposal planned = propose(desk, TwoStageProcedure.WRITE, ada);

        desk.forget(guestBook.procedure(), subject, "adele", false);

        assertThat(desk.unfinished(guestBook.procedure(), subject)).isEmpty();
        assertThat(desk.latest(guestBook.procedure(), subject).orElseThrow().lastProblem()).isEqualTo("discarded");
        assertThatThrownBy(() -> desk.run(new StageRun(guestBook.procedure(), TwoStageProcedure.WRITE, subject,
                "adele", planned.plan().orElseThrow(), ada, RunOptions.CONTINUE.basedOn(before)), new Cancellation(),
                ExecutionListener.NONE)).isInstanceOf(RunChangedException.class).hasMessageContaining("discarded");
        long now = desk.revision(guestBook.procedure(), subject);
        assertThat(desk.run(new StageRun(guestBook.procedure(), TwoStageProcedure.WRITE, subject, "adele",
                propose(desk, TwoStageProcedure.WRITE, ada).plan().orElseThrow(), ada,
                RunOptions.CONTINUE.basedOn(now)), new Cancellation(), ExecutionListener.NONE).completed()).isTrue();
        assertThat(desk.unfinished(guestBook.procedure(), subject).orElseThrow().revision()).isGreaterThan(now);
    }

    @Test
    void answersSavedBetweenStagesSurviveARestartAndForgettingClearsThem() {
        ProcedureDesk desk = desk(RunHolder.WINDOW);
        desk.saveAnswers(guestBook.procedure(), subject, "adele", Answers.none().with(TwoStageProcedure.NAME, "Ada"));

        ProcedureProgress saved = desk(RunHolder.WINDOW).unfinished(guestBook.procedure(), subject).orElseThrow();

        assertThat(saved.answers().get(TwoStageProcedure.NAME, String.class)).contains("Ada");
        assertThat(saved.anythingDone()).isFalse();
        desk.forget(guestBook.procedure(), subject, "adele", false);
        assertThat(desk.unfinished(guestBook.procedure(), subject)).isEmpty();
    }
}
