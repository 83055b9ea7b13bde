package dev.gatehouse.ui.wizard;

import dev.gatehouse.domain.plan.PlanForecast;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.Procedure;
import dev.gatehouse.domain.procedure.ProcedureDesk;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.RunInProgressException;
import dev.gatehouse.domain.procedure.RunLocks;
import dev.gatehouse.domain.procedure.Stage;
import dev.gatehouse.domain.procedure.StageProposal;
import dev.gatehouse.domain.procedure.Subject;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.common.TimeText;
import dev.gatehouse.ui.plan.ClipboardAccess;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A {@link Procedure} as a wizard: one {@link ProcedureStageViewModel} per stage over the same {@link ProcedureDesk},
 * subject and tenant read, the answers of every stage's form merged and saved whenever the admin moves, and a run
 * left unfinished — the app closed, the process killed — opened again at its first stage not done, with its answers.
 *
 * @param <R> what the procedure reads from the tenant before each stage
 * @param <P> the feature's proposal type
 */
public final class ProcedureWizard<R, P extends StageProposal> {

    private final ProcedureDesk desk;
    private final Procedure<R, P> procedure;
    private final Subject subject;
    private final String actor;
    private final Callable<R> read;
    private final BiFunction<R, P, Optional<PlanForecast>> forecast;
    private final TaskRunner runner;
    private final ClipboardAccess clipboard;
    private final ZoneId zone;
    private final List<ProcedureStageViewModel<R, P>> stages = new ArrayList<>();
    /** Every step in the order shown: the procedure's stages and the steps that write nothing, interleaved. */
    private final List<WizardStage> order = new ArrayList<>();
    /** The forms of the steps that write nothing: their answers are saved with the run like a stage's. */
    private final List<StageForm> stepForms = new ArrayList<>();
    /** Saves of answers and stage runs of this wizard happen one after the other, never side by side. */
    private final Object diskOrder = new Object();
    private WizardViewModel wizard;
    private Cancellable lookup = Cancellable.NONE;

    /**
     * @param actor    the signed-in admin, for the journal and the run lock
     * @param read     a fresh read of the tenant before a stage is planned; blocks, so it runs on a worker
     * @param forecast the sign-in forecast of a proposal, when the feature has one
     */
    public ProcedureWizard(ProcedureDesk desk, Procedure<R, P> procedure, Subject subject, String actor,
                           Callable<R> read, BiFunction<R, P, Optional<PlanForecast>> forecast, TaskRunner runner,
                           ClipboardAccess clipboard, ZoneId zone) {
        this.desk = desk;
        this.procedure = procedure;
        this.subject = subject;
        this.actor = actor;
        this.read = read;
        this.forecast = forecast;
        this.runner = runner;
        this.clipboard = clipboard;
        this.zone = zone;
    }

    /** The stage {@code stageId} with its form; call once per stage, in the procedure's order. */
    public ProcedureStageViewModel<R, P> stage(String stageId, StageForm form) {
        Stage<R, P> stage = procedure.stage(stageId).orElseThrow(() -> new IllegalArgumentException(
                "Procedure '" + procedure.id() + "' has no stage '" + stageId + "'"));
        ProcedureStageViewModel<R, P> viewModel = new ProcedureStageViewModel<>(this, stage, form);
        stages.add(viewModel);
        order.add(viewModel);
        return viewModel;
    }

    /**
     * A step that sends nothing — a pre-flight, a design, a review — shown at this point among the stages. Its form's
     * answers are merged with the stages' and saved with the run, so a restart gives them back; the step decides
     * itself when it is done (from its form, as the answers come back too).
     */
    public <S extends WizardStage> S step(S step, StageForm form) {
        order.add(step);
        stepForms.add(form);
        return step;
    }

    /**
     * The wizard over the stages made so far. It opens once the saved run (if any) is read: at the first stage not
     * done, with the saved answers back in the forms and a banner saying what was done.
     */
    public WizardViewModel open() {
        if (stages.size() != procedure.stages().size()) {
            throw new IllegalStateException("Every stage of '" + procedure.id() + "' needs its form first");
        }
        wizard = new WizardViewModel(procedure.title(), order);
        wizard.onMove(this::saveAnswers);
        wizard.onClose(() -> {
            lookup.cancel();
            saveAnswers();
        });
        lookUp();
        return wizard;
    }

    /** What opening reads: the saved run and who, if anyone, holds it right now. */
    private record Found(Optional<ProcedureProgress> saved, Optional<RunLocks.Held> holder) {
    }

    private void lookUp() {
        lookup = runner.run("Looking for an unfinished run of \u201c" + procedure.title() + "\u201d",
                () -> new Found(desk.unfinished(procedure, subject), desk.holder(procedure, subject)), this::resume,
                failure -> wizard.start(0, "Could not tell whether a run is unfinished: " + ErrorText.of(failure)));
    }

    private void resume(Found found) {
        Optional<ProcedureProgress> saved = found.saved();
        saved.ifPresent(progress -> {
            stepForms.forEach(form -> form.restore(progress.answers()));
            stages.forEach(stage -> stage.restore(progress));
        });
        int next = 0;
        while (next < order.size() - 1 && (order.get(next).doneProperty().get() || order.get(next).optional())) {
            next++;
        }
        wizard.start(next, saved.map(this::continuing).orElse(""));
        found.holder().ifPresent(held -> {
            String runName = "\u201c" + procedure.title() + "\u201d on " + subject.label();
            String message = new RunInProgressException(runName, held.holder(), held.stale()).getMessage();
            if (held.stale()) {
                wizard.tell(message, "Take over\u2026", this::takeOver);
            } else {
                wizard.tell(message);
            }
        });
    }

    private String continuing(ProcedureProgress progress) {
        String done = procedure.stages().stream().filter(s -> progress.stageDone(s.id())).map(Stage::title)
                .collect(Collectors.joining(", "));
        return "Continuing the run started " + TimeText.dateTime(progress.started(), zone) + ". "
                + (done.isEmpty() ? "No stage is done yet." : "Done: " + done + ".")
                + (progress.lastProblem() == null ? "" : " It stopped at: " + progress.lastProblem());
    }

    /** The admin checked what the dead holder did and takes its run over: the run stays as saved, then continues. */
    private void takeOver() {
        runner.run("Taking over \u201c" + procedure.title() + "\u201d", () -> {
            desk.takeOver(procedure, subject, actor);
            return true;
        }, taken -> {
            wizard.tell("Taken over: the run continues here with what was saved.");
            wizard.currentStageProperty().get().enter();
        }, failure -> wizard.tell("The run could not be taken over: " + ErrorText.of(failure)));
    }

    /**
     * Every step's answers (a stage's: those its run began with, else the form's valid ones), later steps over earlier
     * ones.
     */
    Answers answers() {
        Answers all = Answers.none();
        int form = 0;
        for (WizardStage step : order) {
            if (step instanceof ProcedureStageViewModel<?, ?> stage) {
                all = all.merge(stage.answers());
            } else {
                all = all.merge(stepForms.get(form++).answers().orElse(Answers.none()));
            }
        }
        return all;
    }

    /**
     * Keeps the answers on disk when the admin moves or closes the wizard, so a restart loses nothing. Once every stage
     * is done there is nothing left to keep (and saving would open a new run), and empty answers are not a run.
     */
    private void saveAnswers() {
        Answers all = answers();
        if (stages.stream().allMatch(stage -> stage.doneProperty().get() || stage.optional())
                || all.names().isEmpty()) {
            return;
        }
        runner.run("Saving the answers of \u201c" + procedure.title() + "\u201d",
                () -> inOrder(() -> desk.saveAnswers(procedure, subject, actor, all)), saved -> { },
                failure -> wizard.tell("Your answers could not be saved for later: " + ErrorText.of(failure)
                        + " They stay here while this window is open."));
    }

    /** Runs {@code work} (on a worker) after any save or run of this wizard still under way. */
    <T> T inOrder(Supplier<T> work) {
        synchronized (diskOrder) {
            return work.get();
        }
    }

    ProcedureDesk desk() {
        return desk;
    }

    Procedure<R, P> procedure() {
        return procedure;
    }

    Subject subject() {
        return subject;
    }

    String actor() {
        return actor;
    }

    R read() throws Exception {
        return read.call();
    }

    Optional<PlanForecast> forecast(R tenant, P proposal) {
        return forecast.apply(tenant, proposal);
    }

    TaskRunner runner() {
        return runner;
    }

    ClipboardAccess clipboard() {
        return clipboard;
    }

    ZoneId zone() {
        return zone;
    }
}
