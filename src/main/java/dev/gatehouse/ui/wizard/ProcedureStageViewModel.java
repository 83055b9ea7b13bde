package dev.gatehouse.ui.wizard;

import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.RunInProgressException;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.procedure.Stage;
import dev.gatehouse.domain.procedure.StageProposal;
import dev.gatehouse.domain.procedure.StageRun;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.plan.PlanPhase;
import dev.gatehouse.ui.plan.PlanViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One stage of a {@link ProcedureWizard}: on entering, reads the tenant afresh and plans for its form's answers; plans
 * again on every change of answers; runs the confirmed plan through the procedure desk (one run at a time, progress
 * saved after each step); is done once every step is. Once its plan is confirmed the answers are final for this run.
 */
public final class ProcedureStageViewModel<R, P extends StageProposal> implements WizardStage {

    private final ProcedureWizard<R, P> wizard;
    private final Stage<R, P> stage;
    private final StageForm form;
    private final ReadOnlyObjectWrapper<PlanViewModel> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
    private Optional<ProcedureProgress> progress = Optional.empty();
    private R tenant;
    private boolean entered;
    private Cancellable inFlight = Cancellable.NONE;

    ProcedureStageViewModel(ProcedureWizard<R, P> wizard, Stage<R, P> stage, StageForm form) {
        this.wizard = wizard;
        this.stage = stage;
        this.form = form;
        form.changes().addListener(obs -> {
            if (entered && !locked.get()) {
                propose();
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

    /** The answers cannot change: the stage's plan was confirmed, or the stage is done. */
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
    public boolean needsEarlierStages() {
        return stage.needsEarlierStages();
    }

    /** A saved run: its answers back in the form, and whether this stage was done in it. */
    void restore(ProcedureProgress saved) {
        progress = Optional.of(saved);
        form.restore(saved.answers());
        done.set(saved.stageDone(stage.id()));
        // a stage that began runs to its end with the answers it began with
        locked.set(done.get() || !saved.stepIdsDone(stage.id()).isEmpty());
    }

    @Override
    public void enter() {
        entered = true;
        inFlight.cancel();
        PlanViewModel shown = plan.get();
        if (shown != null && (shown.phaseProperty().get() == PlanPhase.RUNNING
                || shown.phaseProperty().get() == PlanPhase.FINISHED && shown.succeededProperty().get())) {
            return; // a run started here stays on screen with its outcome and secrets
        }
        if (shown != null && shown.phaseProperty().get() == PlanPhase.FINISHED) {
            shown.close(); // a run that stopped: plan what is left, from a fresh read
            plan.set(null);
        }
        withdrawPlan("Reading the tenant\u2026");
        inFlight = wizard.runner().run("Reading the tenant for \u201c" + stage.title() + "\u201d", () -> {
            R read = wizard.read();
            Optional<ProcedureProgress> saved = wizard.desk().unfinished(wizard.procedure(), wizard.subject());
            return new Read<>(read, saved);
        }, read -> {
            tenant = read.tenant();
            progress = read.saved();
            propose();
        }, failure -> explanation.set("The tenant could not be read: " + ErrorText.of(failure)));
    }

    @Override
    public void leave() {
        entered = false;
        inFlight.cancel();
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

    private record Read<R>(R tenant, Optional<ProcedureProgress> saved) {
    }

    private record Planned<P>(P proposal, Optional<dev.gatehouse.domain.plan.PlanForecast> forecast) {
    }

    private void propose() {
        inFlight.cancel();
        Optional<Answers> answers = form.answers();
        if (answers.isEmpty()) {
            withdrawPlan(form.problem());
            return;
        }
        Answers all = wizard.answers();
        Optional<ProcedureProgress> saved = progress;
        R read = tenant;
        withdrawPlan("Planning \u201c" + stage.title() + "\u201d for your answers\u2026");
        inFlight = wizard.runner().run("Planning \u201c" + stage.title() + "\u201d", () -> {
            P proposal = stage.propose(read, all, saved);
            return new Planned<>(proposal, proposal.plan().isPresent() ? wizard.forecast(read, proposal)
                    : Optional.empty());
        }, planned -> show(planned, all), failure -> explanation.set(ErrorText.of(failure)));
    }

    private void show(Planned<P> planned, Answers answers) {
        P proposal = planned.proposal();
        if (proposal.plan().isEmpty()) {
            explanation.set(Stream.concat(Stream.of(proposal.message()), proposal.warnings().stream())
                    .collect(Collectors.joining("\n\n")));
            return;
        }
        Plan confirmed = proposal.plan().get();
        PlanViewModel next = new PlanViewModel(confirmed, planned.forecast(),
                (cancellation, listener) -> execute(confirmed, answers, cancellation, listener), wizard.runner(),
                wizard.clipboard(), () -> { })
                .withIntro(proposal.message())
                .timesIn(wizard.zone());
        next.phaseProperty().addListener((obs, old, phase) -> {
            if (phase != PlanPhase.REVIEW) {
                locked.set(true);
                inFlight.cancel();
            }
            if (phase == PlanPhase.FINISHED) {
                done.set(next.succeededProperty().get());
            }
        });
        explanation.set("");
        plan.set(next);
    }

    /** Runs on a worker; a run held elsewhere is refused before anything is sent, and the summary says by whom. */
    private ExecutionReport execute(Plan confirmed, Answers answers, Cancellation cancellation,
                                    ExecutionListener listener) {
        try {
            return wizard.desk().run(new StageRun(wizard.procedure(), stage.id(), wizard.subject(), wizard.actor(),
                    confirmed, answers, RunOptions.CONTINUE), cancellation, listener);
        } catch (RunInProgressException | IllegalStateException e) {
            return ExecutionReport.notRun(confirmed, e.getMessage());
        }
    }

    private void withdrawPlan(String why) {
        PlanViewModel shown = plan.get();
        if (shown != null && shown.phaseProperty().get() == PlanPhase.REVIEW) {
            shown.close();
            plan.set(null);
        }
        explanation.set(why);
    }
}
