package dev.gatehouse.domain.procedure;

import dev.gatehouse.domain.journal.ActionJournal;
import dev.gatehouse.domain.journal.JournalEntry;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.PlanExecutor;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepOutcome;
import dev.gatehouse.domain.plan.StepStatus;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs any procedure's stages: one run at a time per tenant, procedure and subject ({@link RunLocks}), each stage's
 * plan through the {@link PlanExecutor} with the journal, and the answers and done steps saved after every step, so
 * a run that stops — error, Stop, the app closed, the process killed — is continued later without repeating what
 * was done. Every method touches the disk: call them off the FX thread.
 */
public final class ProcedureDesk {

    private final ActionJournal journal;
    private final ProgressStore store;
    private final RunLocks locks;
    private final String tenant;
    private final String frontEnd;
    private final Clock clock;

    /**
     * @param tenant   the connection's label, which keys saved runs and the journal
     * @param frontEnd who runs here, as a refusal elsewhere names it ({@link RunHolder#WINDOW}, {@link RunHolder#COMMAND_LINE})
     */
    public ProcedureDesk(ActionJournal journal, ProgressStore store, RunLocks locks, String tenant, String frontEnd,
                         Clock clock) {
        this.journal = journal;
        this.store = store;
        this.locks = locks;
        this.tenant = tenant;
        this.frontEnd = frontEnd;
        this.clock = clock;
    }

    public RunKey key(Procedure<?, ?> procedure, Subject subject) {
        return new RunKey(tenant, procedure.id(), subject.id());
    }

    /** The unfinished run of {@code procedure} on {@code subject}, if there is one. */
    public Optional<ProcedureProgress> unfinished(Procedure<?, ?> procedure, Subject subject) {
        return store.find(key(procedure, subject)).filter(progress -> !progress.isFinished());
    }

    /** The last run, finished or not: when it ended, and how. */
    public Optional<ProcedureProgress> latest(Procedure<?, ?> procedure, Subject subject) {
        return store.find(key(procedure, subject));
    }

    /**
     * The revision of the run's record now (0 when there is none). Read it <em>before</em> planning and hand it to
     * {@link RunOptions#basedOn}: a plan then runs only if nobody moved the run on in between.
     */
    public long revision(Procedure<?, ?> procedure, Subject subject) {
        return latest(procedure, subject).map(ProcedureProgress::revision).orElse(0L);
    }

    /** Who runs it right now (or left it mid-run), so a front end can say so before the admin plans anything. */
    public Optional<RunLocks.Held> holder(Procedure<?, ?> procedure, Subject subject) {
        return locks.holder(key(procedure, subject));
    }

    /**
     * Keeps the answers of an unfinished (or not yet started) run, so a wizard closed between stages opens where it
     * was. Refused while another holder runs a stage of it. The revision stays: a plan made before is still valid,
     * since a stage runs with the answers it was planned with.
     */
    public ProcedureProgress saveAnswers(Procedure<?, ?> procedure, Subject subject, String actor, Answers answers) {
        RunKey key = key(procedure, subject);
        try (RunLocks.RunLock ignored = locks.acquire(key, holder(actor), runName(procedure, subject), false)) {
            Optional<ProcedureProgress> latest = store.find(key);
            ProcedureProgress progress = latest.filter(saved -> !saved.isFinished())
                    .orElseGet(() -> ProcedureProgress.startAfter(latest, key, clock.instant(), Answers.none()))
                    .withAnswers(answers);
            // not a new revision: answers change nothing in the tenant, so a plan made before stays valid
            store.save(progress);
            return progress;
        }
    }

    /**
     * Forgets an unfinished run, so the next proposal starts from fresh answers: its record is kept as ended
     * ("discarded"), so a plan made before cannot run. Refused while it runs; a run left by a holder that died is
     * forgotten only with {@code takeOverStale} (the admin confirmed it).
     */
    public void forget(Procedure<?, ?> procedure, Subject subject, String actor, boolean takeOverStale) {
        RunKey key = key(procedure, subject);
        try (RunLocks.RunLock ignored = locks.acquire(key, holder(actor), runName(procedure, subject), takeOverStale)) {
            store.find(key).filter(progress -> !progress.isFinished())
                    .ifPresent(progress -> save(progress.finishedAt(clock.instant(), "discarded")));
        }
    }

    /**
     * Takes over a run whose holder ended without finishing, after the admin checked what it did: the run stays
     * unfinished, with its answers and done steps, and can be continued like any other. A live holder is never
     * displaced: that still fails with {@link RunInProgressException}.
     */
    public void takeOver(Procedure<?, ?> procedure, Subject subject, String actor) {
        locks.acquire(key(procedure, subject), holder(actor), runName(procedure, subject), true).close();
    }

    /**
     * Runs a confirmed stage: takes the run (or refuses with who holds it), checks the run is still as it was when
     * the plan was made, records the answers, executes the plan with the journal, saves progress after every step,
     * marks the stage done when every step is, and ends the run once every stage is done. The lock is released
     * however the run ends.
     *
     * @throws RunInProgressException before anything is sent, when another holder has the run or left it stale
     * @throws RunChangedException    before anything is sent, when the run moved on since the plan was made
     */
    public ExecutionReport run(StageRun run, Cancellation cancellation, ExecutionListener listener) {
        RunKey key = key(run.procedure(), run.subject());
        try (RunLocks.RunLock ignored = locks.acquire(key, holder(run.actor()),
                runName(run.procedure(), run.subject()), run.options().takeOver())) {
            Optional<ProcedureProgress> latest = latestAsPlanned(key, run.procedure(), run.subject(), run.options());
            Optional<ProcedureProgress> existing = run.options().startOver() ? Optional.empty()
                    : latest.filter(progress -> !progress.isFinished());
            List<String> missing = run.procedure().missingBefore(run.stageId(), existing).stream()
                    .map(s -> "\u201c" + s.title() + "\u201d").toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("\u201c" + run.procedure().stage(run.stageId()).orElseThrow().title()
                        + "\u201d can only run after " + String.join(", ", missing) + ".");
            }
            Recorder recorder = new Recorder(withAnswers(key, latest, existing, run.answers()), run.stageId(),
                    listener);
            ExecutionReport report = new PlanExecutor(journal, tenant, run.actor(), clock)
                    .execute(run.plan(), cancellation, recorder);
            if (report.completed()) {
                finishStage(run, recorder.progress);
            }
            return report;
        }
    }

    /**
     * Records a stage as done without sending anything, because a fresh read found the tenant already as the stage
     * would leave it (a run stopped after Graph made the change, the policy set up by hand, the other front end): the
     * journal says so, and the stages after it may run. Same lock, basis and order checks as {@link #run}.
     *
     * @param why what the read found, in the admin's words
     * @return whether the stage is done now; false when a stage before it is not (nothing is recorded then)
     */
    public boolean recordAlreadyDone(Procedure<?, ?> procedure, String stageId, Subject subject, String actor,
                                  Answers answers, String why, RunOptions options) {
        RunKey key = key(procedure, subject);
        try (RunLocks.RunLock ignored = locks.acquire(key, holder(actor), runName(procedure, subject),
                options.takeOver())) {
            Optional<ProcedureProgress> latest = latestAsPlanned(key, procedure, subject, options);
            Optional<ProcedureProgress> existing = latest.filter(progress -> !progress.isFinished());
            if (existing.map(progress -> progress.stageDone(stageId)).orElse(false)) {
                return true;
            }
            if (!procedure.missingBefore(stageId, existing).isEmpty()) {
                return false;
            }
            ProcedureProgress progress = withAnswers(key, latest, existing, answers);
            String title = procedure.stage(stageId).orElseThrow().title();
            journal.append(new JournalEntry(clock.instant(), tenant, actor, procedure.title(), subject.label(),
                    subject.id(), stageId, title, "VERIFIED", "Nothing sent: " + why, List.of(), Map.of(), Map.of(),
                    List.of()), List.of());
            stageDone(procedure, stageId, progress);
            return true;
        }
    }

    /** The run's latest record, refused when it moved on since the plan was made from {@code options.basis()}. */
    private Optional<ProcedureProgress> latestAsPlanned(RunKey key, Procedure<?, ?> procedure, Subject subject,
                                                        RunOptions options) {
        Optional<ProcedureProgress> latest = store.find(key);
        long basis = options.basis();
        if (basis != RunOptions.UNCHECKED && basis != latest.map(ProcedureProgress::revision).orElse(0L)) {
            throw new RunChangedException(runName(procedure, subject), latest);
        }
        return latest;
    }

    /** The unfinished run with these answers saved, or a new run after {@code latest}. */
    private ProcedureProgress withAnswers(RunKey key, Optional<ProcedureProgress> latest,
                                          Optional<ProcedureProgress> existing, Answers answers) {
        return save(existing.orElseGet(() -> ProcedureProgress.startAfter(latest, key, clock.instant(), answers))
                .withAnswers(answers));
    }

    /** Marks the stage done, and the run finished when no stage is left. */
    private void stageDone(Procedure<?, ?> procedure, String stageId, ProcedureProgress progress) {
        ProcedureProgress done = progress.withStageDone(stageId, clock.instant());
        save(procedure.nextStage(Optional.of(done)).isEmpty() ? done.finishedAt(clock.instant(), null) : done);
    }

    private void finishStage(StageRun run, ProcedureProgress progress) {
        try {
            stageDone(run.procedure(), run.stageId(), progress);
        } catch (java.io.UncheckedIOException e) {
            // the stage is done and journaled; a record left behind only offers "nothing left to do" next time
        }
    }

    /** Every save moves the record to its next revision, so a plan made from an older one can tell. */
    private ProcedureProgress save(ProcedureProgress progress) {
        ProcedureProgress next = progress.revised();
        store.save(next);
        return next;
    }

    private RunHolder holder(String actor) {
        return RunHolder.thisProcess(frontEnd, actor, clock.instant());
    }

    private static String runName(Procedure<?, ?> procedure, Subject subject) {
        return "\u201c" + procedure.title() + "\u201d on " + subject.label();
    }

    /** Saves the run's progress after every finished step; the admin sees the step whatever the disk did. */
    private final class Recorder implements ExecutionListener {

        private final String stageId;
        private final ExecutionListener next;
        private ProcedureProgress progress;

        Recorder(ProcedureProgress start, String stageId, ExecutionListener next) {
            this.progress = start;
            this.stageId = stageId;
            this.next = next;
        }

        @Override
        public void stepStarted(int index, Step step) {
            next.stepStarted(index, step);
        }

        @Override
        public void stepProgress(int index, Step step, String message) {
            next.stepProgress(index, step, message);
        }

        @Override
        public void stepFinished(int index, StepOutcome outcome) {
            ProcedureProgress after = outcome.status() == StepStatus.DONE
                    ? progress.withStepDone(stageId, outcome.step().id(), clock.instant())
                    : progress.withProblem(outcome.step().title() + ": " + outcome.message());
            RuntimeException notSaved = null;
            try {
                progress = save(after);
            } catch (RuntimeException e) {
                progress = after;
                notSaved = e;
            }
            next.stepFinished(index, outcome);
            if (notSaved != null) {
                throw notSaved; // the executor stops before the next step and its summary says why
            }
        }
    }
}
