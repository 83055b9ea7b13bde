package dev.gatehouse.ui.users;

import dev.gatehouse.domain.text.InertText;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.RunChangedException;
import dev.gatehouse.domain.procedure.RunInProgressException;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.recovery.CompromisedAccountPlaybook;
import dev.gatehouse.domain.recovery.PlaybookChoices;
import dev.gatehouse.domain.recovery.Proposal;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.recovery.RecoveryRequest;
import dev.gatehouse.domain.tenant.TenantWriter.TapRequest;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.plan.ClipboardAccess;
import dev.gatehouse.ui.plan.PlanPhase;
import dev.gatehouse.ui.plan.PlanViewModel;
import dev.gatehouse.ui.wizard.WizardStage;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The compromised-account playbook for one user: the admin marks the methods that are not the user's (recent ones
 * preselected) and chooses the options; every change proposes the plan again off the UI thread through the
 * {@link RecoveryDesk}, with its sign-in forecast. Confirm runs it like any plan, saving progress after each step.
 *
 * <p>When the user has an unfinished run, the view model continues it: the choices are those confirmed then and
 * cannot change, and the plan holds only the steps still to do.
 */
public final class PlaybookViewModel implements WizardStage {

    private final RecoveryContext context;
    private final RecoveryDesk desk;
    private final boolean continuing;
    /** A deliberate new run, although one finished recently: it starts over rather than being refused. */
    private final boolean fresh;
    private final TaskRunner runner;
    private final ClipboardAccess clipboard;
    private final ZoneId zone;
    private final Runnable afterRun;
    private final List<MethodChoice> methods;
    private final BooleanProperty resetPassword;
    private final String resetPasswordNote;
    private final TapFormViewModel tap;
    private final BooleanProperty reenable;
    private final ReadOnlyObjectWrapper<PlanViewModel> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyBooleanWrapper proposing = new ReadOnlyBooleanWrapper(this, "proposing");
    private final ReadOnlyBooleanWrapper choicesLocked = new ReadOnlyBooleanWrapper(this, "choicesLocked");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    /** Set by the TAP form when the options are valid; read right after it validated them. */
    private TapRequest validTap;
    private Cancellable inFlight = Cancellable.NONE;
    /** Confirmed once: from then on the window shows that run, whatever a proposal still in flight brings. */
    private boolean runStarted;

    /**
     * @param unfinished the user's unfinished run, whose choices are then fixed
     * @param first      the proposal for {@code unfinished}'s choices or the defaults, already computed
     * @param fresh      a new run the admin chose although one finished recently: it starts over
     * @param afterRun   runs on the UI thread once a run ended (reload the user)
     */
    PlaybookViewModel(RecoveryContext context, RecoveryDesk desk, Optional<ProcedureProgress> unfinished,
                      ForecastedProposal first, boolean fresh, TaskRunner runner, ClipboardAccess clipboard,
                      ZoneId zone, Runnable afterRun) {
        this.context = context;
        this.desk = desk;
        this.continuing = unfinished.isPresent();
        this.fresh = fresh;
        this.runner = runner;
        this.clipboard = clipboard;
        this.zone = zone;
        this.afterRun = afterRun;
        PlaybookChoices start = unfinished.flatMap(CompromisedAccountPlaybook::choices)
                .orElseGet(() -> CompromisedAccountPlaybook.defaults(context));
        methods = context.methods().stream()
                .map(m -> MethodChoice.of(m, context, start.deleteMethodIds().contains(m.id()), zone)).toList();
        resetPassword = new SimpleBooleanProperty(this, "resetPassword", start.resetPassword());
        resetPasswordNote = context.signsInWithoutPassword()
                ? context.targetName() + " signs in without a password (passkey or Windows Hello and no phone or "
                + "Authenticator), so it is not reset by default. Reset it anyway if the password could still be used."
                : "The attacker may know it. The new one is generated here, shown once, and must be changed at first "
                + "use.";
        tap = new TapFormViewModel(context.targetLabel(),
                context.methodsPolicy().flatMap(MethodsPolicy::temporaryAccessPass), this::tapChosen);
        tap.lifetimeProperty().set(Integer.toString(start.tap().lifetimeMinutes()));
        tap.multiUseProperty().set(!start.tap().usableOnce());
        reenable = new SimpleBooleanProperty(this, "reenable", start.reenable());
        choicesLocked.set(continuing);
        show(first, start);

        ChangeListener<Object> changed = (obs, old, now) -> propose();
        methods.forEach(m -> m.marked().addListener(changed));
        resetPassword.addListener(changed);
        reenable.addListener(changed);
        tap.lifetimeProperty().addListener(changed);
        tap.multiUseProperty().addListener(changed);
    }

    /** "Alex Wilber (alex.wilber@tailspintoys.com)". */
    public String target() {
        return context.targetLabel();
    }

    /** True when this continues an unfinished run: the choices are the ones confirmed then. */
    public boolean continuing() {
        return continuing;
    }

    public List<MethodChoice> methods() {
        return methods;
    }

    /** Preselected unless the user signs in without a password. */
    public BooleanProperty resetPasswordProperty() {
        return resetPassword;
    }

    /** Why the password reset is (or is not) preselected. */
    public String resetPasswordNote() {
        return resetPasswordNote;
    }

    /** The pass's lifetime and kind, within the tenant's TAP policy (one-time by default). */
    public TapFormViewModel tap() {
        return tap;
    }

    public BooleanProperty reenableProperty() {
        return reenable;
    }

    @Override
    public String title() {
        return CompromisedAccountPlaybook.TITLE;
    }

    /** Every step of the run is done. */
    @Override
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** The first plan is made before the window opens, and every change of choices plans again: nothing to do here. */
    @Override
    public void enter() {
    }

    @Override
    public void leave() {
    }

    /** The plan for the current choices; null while none can be shown (see {@link #explanationProperty()}). */
    @Override
    public ReadOnlyObjectProperty<PlanViewModel> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** Why there is no plan: a refusal, nothing left to do, options outside the policy, or a failure. */
    @Override
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** True while the plan is proposed again after a change. */
    public ReadOnlyBooleanProperty proposingProperty() {
        return proposing.getReadOnlyProperty();
    }

    /** The choices cannot change: a continued run, or once the plan was confirmed. */
    public ReadOnlyBooleanProperty choicesLockedProperty() {
        return choicesLocked.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty lockedProperty() {
        return choicesLockedProperty();
    }

    /** The choices disable their own fields, leaving the note on what a continued run means readable. */
    @Override
    public boolean formLocksItself() {
        return true;
    }

    private void closeShownPlan() {
        PlanViewModel shown = plan.get();
        if (shown != null && shown.phaseProperty().get() == PlanPhase.REVIEW) {
            shown.close();
            plan.set(null);
        }
    }

    /** Stops a proposal in flight and wipes any secret shown; the view calls it when it closes. */
    @Override
    public void close() {
        inFlight.cancel();
        if (plan.get() != null) {
            plan.get().close();
        }
    }

    /** The current choices, when the TAP options are valid. */
    Optional<PlaybookChoices> choices() {
        validTap = null;
        tap.submit();
        if (validTap == null) {
            return Optional.empty();
        }
        Set<String> marked = methods.stream().filter(m -> m.marked().get()).map(MethodChoice::id)
                .collect(Collectors.toSet());
        return Optional.of(new PlaybookChoices(marked, resetPassword.get(), validTap, reenable.get()));
    }

    private void tapChosen(RecoveryRequest.IssueTap request) {
        int defaultLifetime = CompromisedAccountPlaybook.defaults(context).tap().lifetimeMinutes();
        validTap = new TapRequest(request.lifetimeMinutes().orElse(defaultLifetime), !request.multiUse());
    }

    private void propose() {
        if (choicesLocked.get()) {
            return;
        }
        inFlight.cancel();
        Optional<PlaybookChoices> choices = choices();
        if (choices.isEmpty()) {
            plan.set(null);
            explanation.set(tap.problemProperty().get());
            proposing.set(false);
            return;
        }
        proposing.set(true);
        // the plan on screen no longer matches the choices: it must not be confirmable while the new one is made
        closeShownPlan();
        explanation.set("Updating the plan for your choices\u2026");
        inFlight = runner.run("Planning the compromised-account playbook",
                () -> {
                    long basis = desk.playbookRevision(context.targetId()); // before the run is read
                    return ForecastedProposal.of(context, desk.proposePlaybook(context, choices.get(), fresh), basis);
                },
                planned -> {
                    proposing.set(false);
                    show(planned, choices.get());
                },
                failure -> {
                    proposing.set(false);
                    plan.set(null);
                    explanation.set(ErrorText.of(failure));
                });
    }

    /**
     * A run another window or process holds, or moved on since this plan was made, is refused before anything is
     * sent, and the summary says why.
     */
    private ExecutionReport execute(PlaybookChoices chosen, Proposal proposal, long basis,
                                    Cancellation cancellation, ExecutionListener listener) {
        try {
            return desk.executePlaybook(context, chosen, proposal, RunOptions.startingOver(fresh).basedOn(basis),
                    cancellation, listener);
        } catch (RunInProgressException | RunChangedException e) {
            return ExecutionReport.notRun(proposal.plan().orElseThrow(), e.getMessage());
        }
    }

    /** @param chosen the choices {@code planned} was proposed for: the run records them for a later resume */
    private void show(ForecastedProposal planned, PlaybookChoices chosen) {
        if (runStarted) {
            return; // a plan is running or ran: a late proposal must not replace it
        }
        Proposal proposal = planned.proposal();
        if (!proposal.ready()) {
            plan.set(null);
            // one paragraph per part, each made inert, so the view can keep the breaks between them
            explanation.set(Stream.concat(Stream.of(proposal.message()), proposal.warnings().stream())
                    .map(InertText::escape).collect(Collectors.joining("\n\n")));
            return;
        }
        PlanViewModel next = new PlanViewModel(proposal.plan().orElseThrow(), planned.forecast(),
                (cancellation, listener) -> execute(chosen, proposal, planned.basis(), cancellation, listener),
                runner, clipboard, afterRun)
                .withIntro(proposal.message())
                .timesIn(zone);
        next.phaseProperty().addListener((obs, old, phase) -> {
            if (phase == PlanPhase.FINISHED) {
                done.set(next.succeededProperty().get());
            }
            if (phase != PlanPhase.REVIEW) {
                runStarted = true;
                choicesLocked.set(true);
                inFlight.cancel();
                proposing.set(false);
            }
        });
        explanation.set("");
        plan.set(next);
    }
}
