package dev.gatehouse.ui.wizard;

import dev.gatehouse.domain.text.InertText;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.PlanForecast;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.RunChangedException;
import dev.gatehouse.domain.procedure.RunInProgressException;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.procedure.Stage;
import dev.gatehouse.domain.procedure.StageProposal;
import dev.gatehouse.domain.procedure.StageRun;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.plan.PlanPhase;
import dev.gatehouse.ui.plan.PlanViewModel;
import dev.gatehouse.ui.plan.SecretViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One stage of a {@link ProcedureWizard}. On entering, it reads the tenant afresh (the run's revision first, then the
 * tenant and the saved run) and plans for its form's answers; it plans again on every change of answers, using that
 * read — a change while the read is under way waits for it. The confirmed plan runs through the procedure desk (one
 * run at a time, refused if the run moved on since the plan was made, progress saved after each step). Once a step
 * has run, the answers are those the run began with. A stage that is done is never planned again; a run that stopped
 * is planned again for what is left, keeping the secrets it showed on screen.
 */
public final class ProcedureStageViewModel<R, P extends StageProposal> implements WizardStage {

    private final ProcedureWizard<R, P> wizard;
    private final Stage<R, P> stage;
    private final StageForm form;
    private final ReadOnlyObjectWrapper<PlanViewModel> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
    /** The answers the run of this stage began with; empty until a step ran. */
    private Optional<Answers> lockedAnswers = Optional.empty();
    /** Follows a run in front of the plan view (a hand-out file); made on the worker when the plan is confirmed. */
    private Function<Plan, ExecutionListener> alsoListening = plan -> ExecutionListener.NONE;
    /** How this stage's plans show their secrets, for the answers each was made for. */
    private java.util.function.BiFunction<PlanViewModel, Answers, PlanViewModel> presenting = (plan, answers) -> plan;
    private boolean formLocksItself;
    private Read<R> read;
    private boolean entered;
    private boolean replanWhenRead;
    private Cancellable reading = Cancellable.NONE;
    private Cancellable planning = Cancellable.NONE;

    ProcedureStageViewModel(ProcedureWizard<R, P> wizard, Stage<R, P> stage, StageForm form) {
        this.wizard = wizard;
        this.stage = stage;
        this.form = form;
        form.changes().addListener(obs -> {
            if (entered && !locked.get() && !done.get()) {
                if (read == null) {
                    replanWhenRead = true; // the read under way plans when it lands
                } else {
                    propose();
                }
            }
        });
    }

    @Override
    public String title() {
        return stage.title();
    }

    public String id() {
        return stage.id();
    }

    public StageForm form() {
        return form;
    }

    /** The answers cannot change: a step of this stage ran, or the stage is done. */
    @Override
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<PlanViewModel> planProperty() {
        return plan.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    @Override
    public boolean formLocksItself() {
        return formLocksItself;
    }

    /**
     * The form disables its own fields while {@link #lockedProperty() locked}, so its explanations stay readable once
     * the stage ran; by default the frame disables the whole form.
     */
    public ProcedureStageViewModel<R, P> lettingFormLockItself() {
        formLocksItself = true;
        return this;
    }

    @Override
    public boolean needsEarlierStages() {
        return stage.needsEarlierStages();
    }

    @Override
    public boolean optional() {
        return stage.optional();
    }

    /** The answers this stage contributes: those its run began with once it ran, else the form's valid ones. */
    Answers answers() {
        return lockedAnswers.orElseGet(() -> form.answers().orElse(Answers.none()));
    }

    /** A saved run: its answers back in the form, and whether this stage was done in it or began. */
    void restore(ProcedureProgress saved) {
        form.restore(saved.answers());
        done.set(saved.stageDone(stage.id()));
        if (done.get() || !saved.stepIdsDone(stage.id()).isEmpty()) {
            lock(saved.answers());
        }
    }

    @Override
    public void enter() {
        entered = true;
        reading.cancel();
        planning.cancel();
        PlanViewModel shown = plan.get();
        if (shown != null && (shown.phaseProperty().get() == PlanPhase.RUNNING
                || shown.phaseProperty().get() == PlanPhase.FINISHED && shown.succeededProperty().get())) {
            return; // a run started here stays on screen with its outcome and secrets
        }
        if (done.get()) {
            withdrawPlan("\u201c" + stage.title() + "\u201d is done. The action journal (journal.jsonl in the data "
                    + "folder) has every step of it.");
            return;
        }
        withdrawPlan("Reading the tenant\u2026");
        read = null;
        replanWhenRead = false;
        reading = wizard.runner().run("Reading the tenant for \u201c" + stage.title() + "\u201d", () -> {
            long basis = wizard.desk().revision(wizard.procedure(), wizard.subject()); // before the run is read
            R tenant = wizard.read();
            Optional<ProcedureProgress> saved = wizard.desk().unfinished(wizard.procedure(), wizard.subject());
            return new Read<>(tenant, saved, basis);
        }, landed -> {
            read = landed;
            propose();
        }, failure -> explanation.set("The tenant could not be read: " + ErrorText.of(failure)));
    }

    @Override
    public void leave() {
        entered = false;
        reading.cancel();
        planning.cancel();
        if (plan.get() != null && plan.get().phaseProperty().get() == PlanPhase.REVIEW) {
            withdrawPlan("");
        }
    }

    @Override
    public void close() {
        leave();
        if (plan.get() != null) {
            plan.get().close();
        }
    }

    /** What planning needs from one read: the tenant, the saved run, and the run's revision read before both. */
    private record Read<R>(R tenant, Optional<ProcedureProgress> saved, long basis) {
    }

    private record Planned<P>(P proposal, Optional<PlanForecast> forecast) {
    }

    private void propose() {
        planning.cancel();
        if (lockedAnswers.isEmpty() && form.answers().isEmpty()) {
            withdrawPlan(form.problem());
            return;
        }
        Answers all = wizard.answers();
        Read<R> basis = read;
        withdrawPlan("Planning \u201c" + stage.title() + "\u201d for your answers\u2026");
        planning = wizard.runner().run("Planning \u201c" + stage.title() + "\u201d", () -> {
            P proposal = stage.propose(basis.tenant(), all, basis.saved());
            return new Planned<>(proposal, proposal.plan().isPresent() ? wizard.forecast(basis.tenant(), proposal)
                    : Optional.empty());
        }, planned -> show(planned, all, basis.basis()), failure -> explanation.set(ErrorText.of(failure)));
    }

    private void show(Planned<P> planned, Answers answers, long basis) {
        P proposal = planned.proposal();
        if (proposal.plan().isEmpty()) {
            // one paragraph per part, each made inert, so the view can keep the breaks between them
            String why = Stream.concat(Stream.of(proposal.message()), proposal.warnings().stream())
                    .map(InertText::escape).collect(Collectors.joining("\n\n"));
            explanation.set(why);
            if (proposal.alreadyDone()) {
                recordAlreadyDone(proposal.message(), answers, basis, why);
            }
            return;
        }
        Plan confirmed = proposal.plan().get();
        PlanViewModel next = new PlanViewModel(confirmed, planned.forecast(),
                (cancellation, listener) -> execute(confirmed, answers, basis, cancellation, listener),
                wizard.runner(), wizard.clipboard(), () -> { })
                .carrying(retiredSecrets())
                .withIntro(proposal.message())
                .timesIn(wizard.zone());
        presenting.apply(next, answers);
        next.phaseProperty().addListener((obs, old, phase) -> {
            if (phase != PlanPhase.REVIEW) {
                reading.cancel();
                planning.cancel();
            }
            if (phase == PlanPhase.FINISHED) {
                if (next.anyStepDone()) {
                    lock(answers); // the rest runs with the answers it began with
                }
                done.set(next.succeededProperty().get());
            }
        });
        explanation.set("");
        plan.set(next);
    }

    /** A stopped run's plan makes way for the plan of what is left; the secrets it showed move along with it. */
    private List<SecretViewModel> retiredSecrets() {
        PlanViewModel previous = plan.get();
        return previous == null || previous.phaseProperty().get() != PlanPhase.FINISHED ? List.of()
                : List.copyOf(previous.secrets());
    }

    private void lock(Answers answers) {
        lockedAnswers = Optional.of(answers);
        locked.set(true);
    }

    /**
     * Runs on a worker, after any answers still being saved (the wizard orders saves and runs); a run held elsewhere,
     * or moved on since the plan was made, is refused before anything is sent, and the summary says why.
     */
    private ExecutionReport execute(Plan confirmed, Answers answers, long basis, Cancellation cancellation,
                                    ExecutionListener listener) {
        ExecutionListener first;
        try {
            first = alsoListening.apply(confirmed);
        } catch (java.io.UncheckedIOException e) {
            return ExecutionReport.notRun(confirmed, e.getMessage());
        }
        try {
            return wizard.inOrder(() -> wizard.desk().run(new StageRun(wizard.procedure(), stage.id(),
                    wizard.subject(), wizard.actor(), confirmed, answers, RunOptions.CONTINUE.basedOn(basis)),
                    cancellation, first.then(listener)));
        } catch (RunInProgressException | RunChangedException | IllegalStateException e) {
            return ExecutionReport.notRun(confirmed, e.getMessage());
        } finally {
            if (first instanceof AutoCloseable closing) {
                try {
                    closing.close();
                } catch (Exception e) {
                    // the rows were written as each step finished; a failed close loses none of them
                }
            }
        }
    }

    /**
     * Has {@code listeners} follow each run of this stage ahead of the plan view, e.g. a hand-out file written as
     * each pass is issued. Called on the worker that runs the plan; an {@link java.io.UncheckedIOException} from it
     * stops the run before anything is sent. A listener that is {@link AutoCloseable} is closed when the run ends.
     */
    public void alsoListeningWith(Function<Plan, ExecutionListener> listeners) {
        alsoListening = listeners;
    }

    /**
     * Adjusts each plan of this stage before it is shown, for the answers it was made for: e.g. its secrets split in
     * two parts ({@link PlanViewModel#secretsInTwoParts}) or shown large ({@link PlanViewModel#secretsShownLarge}).
     */
    public void presentingPlans(java.util.function.BiFunction<PlanViewModel, Answers, PlanViewModel> how) {
        presenting = how;
    }

    /** The tenant is already as this stage leaves it: recorded as done (journaled, nothing sent), and Next opens. */
    private void recordAlreadyDone(String found, Answers answers, long basis, String why) {
        planning = wizard.runner().run("Recording \u201c" + stage.title() + "\u201d as done", () -> wizard.inOrder(
                () -> wizard.desk().recordAlreadyDone(wizard.procedure(), stage.id(), wizard.subject(),
                        wizard.actor(), answers, found, RunOptions.CONTINUE.basedOn(basis))), recorded -> {
            if (!recorded) {
                return; // a stage before it is not done: it stays to do, and says why above
            }
            lock(answers);
            done.set(true);
            explanation.set(why + "\n\nRecorded as done, nothing sent: the tenant is already as this stage leaves "
                    + "it.");
        }, failure -> explanation.set(why + "\n\nIt could not be recorded as done: " + ErrorText.of(failure)));
    }

    /** Takes the plan off screen unless it ran; a plan that ran keeps its secrets until the wizard closes. */
    private void withdrawPlan(String why) {
        PlanViewModel shown = plan.get();
        if (shown != null && shown.phaseProperty().get() == PlanPhase.REVIEW) {
            shown.close();
            plan.set(null);
        } else if (shown != null && shown.phaseProperty().get() == PlanPhase.FINISHED && !done.get()) {
            // a stopped run: kept as the source of retiredSecrets() until the new plan carries them
            explanation.set(why);
            return;
        }
        explanation.set(why);
    }
}
