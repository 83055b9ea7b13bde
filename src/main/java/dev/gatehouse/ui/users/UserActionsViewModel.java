package dev.gatehouse.ui.users;

import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.recovery.CompromisedAccountPlaybook;
import dev.gatehouse.domain.recovery.Proposal;
import dev.gatehouse.domain.recovery.RecoveryAction;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.recovery.RecoveryRequest;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.plan.ClipboardAccess;
import dev.gatehouse.ui.plan.PlanViewModel;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The recovery buttons of the open user. Each reads what the guardrails and the plan need (who acts, the
 * target, groups, policies) off the UI thread through the {@link RecoveryDesk} the CLI uses too, and
 * publishes what to show: a plan to confirm, or the explanation why there is none. Nothing is written before the
 * admin confirms a plan; once it ran, the user is reloaded.
 */
public final class UserActionsViewModel {

    private final TaskRunner runner;
    private final ClipboardAccess clipboard;
    private final UserDetailViewModel detail;
    private final ReadOnlyObjectWrapper<ActionPrompt> prompt = new ReadOnlyObjectWrapper<>(this, "prompt");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding available;
    private Cancellable inFlight = Cancellable.NONE;

    UserActionsViewModel(TaskRunner runner, ClipboardAccess clipboard, UserDetailViewModel detail) {
        this.runner = runner;
        this.clipboard = clipboard;
        this.detail = detail;
        available = detail.deskProperty().isNotNull()
                .and(detail.stateProperty().isEqualTo(LoadState.LOADED))
                .and(busy.not());
    }

    /** Plans {@code request} for the open user and publishes the plan or the explanation. */
    public void request(RecoveryRequest request) {
        withContext("Planning \u201c" + request.action().label() + "\u201d", (context, desk) ->
                propose(context, desk, request));
    }

    /** Asks for the pass's lifetime and kind first, within the tenant's TAP policy. */
    public void issueTap() {
        withContext("Reading the Temporary Access Pass policy", (context, desk) ->
                prompt.set(new ActionPrompt.AskTap(tapForm(context, desk))));
    }

    /** The portal's "View authentication methods policy": which methods are on for this user, and through what. */
    public void showMethodsPolicy() {
        withContext("Reading the authentication methods policy", (context, desk) ->
                prompt.set(new ActionPrompt.ShowPolicy("Authentication methods policy for " + context.targetLabel(),
                        context.effectiveMethodsPolicy(),
                        context.unreadable().getOrDefault(RecoveryContext.METHODS_POLICY, ""))));
    }

    /**
     * The compromised-account playbook: refused with the reason, or opened with the defaults — or, when the user has
     * an unfinished run, continuing it with the choices confirmed then.
     */
    public void compromisedAccount() {
        compromisedAccount(false);
    }

    /** @param fresh a new run although one finished recently (the admin chose "Start a new run…") */
    private void compromisedAccount(boolean fresh) {
        RecoveryDesk desk = detail.deskProperty().get();
        String userId = detail.currentUserId();
        if (desk == null || userId == null) {
            return;
        }
        work("Planning the compromised-account playbook", () -> PlaybookStart.read(desk, userId, fresh), start -> {
            if (start.planned().proposal().status() == Proposal.Status.REFUSED) {
                explain(CompromisedAccountPlaybook.TITLE, start.planned().proposal(), start.context(), desk);
            } else {
                prompt.set(new ActionPrompt.Playbook(new PlaybookViewModel(start.context(), desk, start.unfinished(),
                        start.planned(), fresh, runner, clipboard, detail.zone(), detail::reload)));
            }
        });
    }

    /**
     * The incident record for the ticket: the window opens at once and reads the record itself, with progress and
     * Cancel, so reading never holds up the recovery buttons.
     */
    public void incidentRecord() {
        RecoveryDesk desk = detail.deskProperty().get();
        String userId = detail.currentUserId();
        if (desk == null || userId == null) {
            return;
        }
        IncidentRecordViewModel record = new IncidentRecordViewModel(desk, userId, runner, detail.clock());
        prompt.set(new ActionPrompt.Record(record));
        record.load();
    }

    /** The view took the prompt; a later button press publishes the next one. */
    public void promptTaken() {
        prompt.set(null);
    }

    /** Selecting another user or tenant drops a plan still being prepared for the previous one. */
    void cancel() {
        inFlight.cancel();
        busy.set(false);
        error.set("");
        prompt.set(null);
    }

    private void withContext(String description, ContextUse use) {
        RecoveryDesk desk = detail.deskProperty().get();
        String userId = detail.currentUserId();
        if (desk == null || userId == null) {
            return;
        }
        work(description, () -> desk.read(userId), context -> use.accept(context, desk));
    }

    /** One read or planning task at a time; its failure is shown under the buttons. */
    private <T> void work(String description, Callable<T> task, Consumer<T> use) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        inFlight = runner.run(description, task,
                result -> {
                    busy.set(false);
                    use.accept(result);
                },
                failure -> {
                    busy.set(false);
                    error.set(ErrorText.of(failure));
                });
    }

    /** Planning and the sign-in forecast read nothing and send nothing; only the plan's steps write, after Confirm. */
    private void propose(RecoveryContext context, RecoveryDesk desk, RecoveryRequest request) {
        work("Planning \u201c" + request.action().label() + "\u201d",
                () -> ForecastedProposal.of(context, desk.propose(context, request)),
                planned -> show(context, desk, request, planned));
    }

    private void show(RecoveryContext context, RecoveryDesk desk, RecoveryRequest request, ForecastedProposal planned) {
        Proposal proposal = planned.proposal();
        if (proposal.ready()) {
            PlanViewModel plan = new PlanViewModel(proposal.plan().orElseThrow(), planned.forecast(),
                    (cancellation, listener) -> desk.execute(context, proposal, cancellation, listener),
                    runner, clipboard, detail::reload)
                    .withIntro(proposal.message())
                    .secretsInTwoParts(proposal.secretInTwoParts())
                    .timesIn(detail.zone());
            if (proposal.alternative().orElse(null) == RecoveryAction.RECOVER) {
                // methods an attacker may have added: this one action leaves them a way back, the playbook does not
                plan.offering("Use the compromised-account playbook instead\u2026", () -> compromisedAccount(false));
            } else if (proposal.offersTap() && request instanceof RecoveryRequest.RequireReregister) {
                plan.offering("Add \u201cIssue a Temporary Access Pass\u201d to this plan",
                        () -> propose(context, desk, new RecoveryRequest.RequireReregister(true)));
            }
            prompt.set(new ActionPrompt.Review(plan));
            return;
        }
        explain(request.action().label(), proposal, context, desk);
    }

    /** No plan: the refusal, "nothing to do" or the missing API, with the nearest honest alternative if any. */
    private void explain(String actionLabel, Proposal proposal, RecoveryContext context, RecoveryDesk desk) {
        String title = switch (proposal.status()) {
            case REFUSED -> actionLabel + ": not possible";
            case NOTHING_TO_DO -> actionLabel + ": nothing to do";
            case NO_API -> actionLabel + ": no Graph API";
            case READY -> actionLabel;
        };
        Optional<RecoveryAction> alternative = proposal.alternative();
        if (alternative.isPresent() && alternative.get() == RecoveryAction.RECOVER) {
            // a run finished recently: running again is possible, but only as a deliberate new run
            prompt.set(new ActionPrompt.Explain(title, proposal.message(), proposal.warnings(), "Start a new run\u2026",
                    () -> compromisedAccount(true)));
        } else if (alternative.isPresent()) {
            RecoveryAction other = alternative.get();
            prompt.set(new ActionPrompt.Explain(title, proposal.message(), proposal.warnings(), other.label() + "\u2026",
                    () -> propose(context, desk, requestFor(other))));
        } else if (proposal.offersTap()) {
            prompt.set(new ActionPrompt.Explain(title, proposal.message(), proposal.warnings(),
                    RecoveryAction.ISSUE_TAP.label() + "\u2026",
                    () -> prompt.set(new ActionPrompt.AskTap(tapForm(context, desk)))));
        } else {
            prompt.set(new ActionPrompt.Explain(title, proposal.message(), proposal.warnings(), "", () -> { }));
        }
    }

    private TapFormViewModel tapForm(RecoveryContext context, RecoveryDesk desk) {
        return new TapFormViewModel(context.targetLabel(),
                context.methodsPolicy().flatMap(MethodsPolicy::temporaryAccessPass),
                request -> propose(context, desk, request));
    }

    /** The alternatives the planner names take no options. */
    private static RecoveryRequest requestFor(RecoveryAction action) {
        return switch (action) {
            case REVOKE_SESSIONS -> new RecoveryRequest.RevokeSessions();
            case DISABLE -> new RecoveryRequest.Disable();
            case ENABLE -> new RecoveryRequest.Enable();
            default -> throw new IllegalArgumentException("No option-free request for " + action);
        };
    }

    public ReadOnlyObjectProperty<ActionPrompt> promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    /** True while the tenant is read for a plan. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the tenant could not be read for a plan; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The buttons work once the acting admin is known and a user is loaded. */
    public BooleanBinding availableProperty() {
        return available;
    }

    /** What opening the playbook reads off the UI thread: the tenant, any unfinished run, the first proposal. */
    private record PlaybookStart(RecoveryContext context, Optional<ProcedureProgress> unfinished,
                                 ForecastedProposal planned) {

        static PlaybookStart read(RecoveryDesk desk, String userId, boolean fresh) {
            RecoveryContext context = desk.read(userId);
            long basis = desk.playbookRevision(context.targetId()); // before the run is read, see RunOptions#basedOn
            Optional<ProcedureProgress> unfinished = fresh ? Optional.empty()
                    : desk.unfinishedPlaybook(context.targetId());
            Proposal proposal = desk.proposePlaybook(context, unfinished.flatMap(CompromisedAccountPlaybook::choices)
                    .orElseGet(() -> CompromisedAccountPlaybook.defaults(context)), fresh);
            return new PlaybookStart(context, unfinished, ForecastedProposal.of(context, proposal, basis));
        }
    }

    @FunctionalInterface
    private interface ContextUse {
        void accept(RecoveryContext context, RecoveryDesk desk);
    }
}
