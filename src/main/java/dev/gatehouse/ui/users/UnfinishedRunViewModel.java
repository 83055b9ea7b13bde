package dev.gatehouse.ui.users;

import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.RunLocks;
import dev.gatehouse.domain.recovery.CompromisedAccountPlaybook;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.common.TimeText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The banner over a user whose compromised-account run stopped halfway (error, Stop, app closed) or runs elsewhere
 * right now: what was done and when it started, so the admin continues it — or, after confirming, discards it and
 * starts afresh. A run whose holder died mid-run (a killed process) is said to be so, and must be taken over
 * deliberately before it continues.
 */
public final class UnfinishedRunViewModel {

    private final TaskRunner runner;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyBooleanWrapper runningElsewhere = new ReadOnlyBooleanWrapper(this, "runningElsewhere");
    private RecoveryDesk desk;
    private String userId;
    private Cancellable inFlight = Cancellable.NONE;

    UnfinishedRunViewModel(TaskRunner runner, ZoneId zone) {
        this.runner = runner;
        this.zone = zone;
    }

    /** What the disk says about a run for the user: saved progress, and who holds it. */
    private record RunState(Optional<ProcedureProgress> unfinished, Optional<RunLocks.Held> holder) {
        static final RunState NONE = new RunState(Optional.empty(), Optional.empty());

        static RunState of(RecoveryDesk desk, String user) {
            return new RunState(desk.unfinishedPlaybook(user), desk.playbookHolder(user));
        }
    }

    /** Looks for an unfinished run of this user (a file read, so off the UI thread). */
    void check(RecoveryDesk recoveryDesk, String user) {
        clear();
        if (recoveryDesk == null || user == null) {
            return;
        }
        desk = recoveryDesk;
        userId = user;
        inFlight = runner.run("Looking for an unfinished compromised-account run",
                () -> RunState.of(recoveryDesk, user), this::show,
                failure -> message.set("Could not tell whether a compromised-account run is unfinished: "
                        + ErrorText.of(failure)));
    }

    void clear() {
        inFlight.cancel();
        desk = null;
        userId = null;
        show(RunState.NONE);
    }

    /**
     * Forgets the run, so the playbook starts from fresh choices; the view asks for confirmation first, which is also
     * what allows forgetting a run whose holder died mid-run.
     */
    public void discard() {
        act("Discarding the unfinished compromised-account run", "The unfinished run could not be discarded: ",
                (from, user) -> from.abandonPlaybook(user, stale.get()));
    }

    /** Takes over a run whose holder died mid-run, keeping what it did; the view asks for confirmation first. */
    public void takeOver() {
        act("Taking over the unfinished compromised-account run", "The run could not be taken over: ",
                RecoveryDesk::takeOverPlaybook);
    }

    private void act(String what, String problem, java.util.function.BiConsumer<RecoveryDesk, String> action) {
        RecoveryDesk from = desk;
        String user = userId;
        if (from == null || user == null) {
            return;
        }
        inFlight.cancel();
        inFlight = runner.run(what, () -> {
            action.accept(from, user);
            return RunState.of(from, user);
        }, this::show, failure -> message.set(problem + ErrorText.of(failure)));
    }

    private void show(RunState state) {
        boolean held = state.holder().isPresent();
        stale.set(held && state.holder().get().stale());
        runningElsewhere.set(held && !state.holder().get().stale());
        if (state.unfinished().isEmpty() && !held) {
            message.set("");
            return;
        }
        String text = state.unfinished().map(this::describe).orElse("A compromised-account run for this user.");
        if (held) {
            RunLocks.Held holder = state.holder().get();
            text += holder.stale()
                    ? " It was left mid-run by " + holder.holder().describe() + ", which ended without finishing: "
                    + "the step it was on may or may not have reached the tenant. Check the user's methods and the "
                    + "journal, then take the run over to continue it."
                    : " It is running now: " + holder.holder().describe() + ".";
        }
        message.set(text);
    }

    private String describe(ProcedureProgress progress) {
        String done = progress.stepIdsDone(CompromisedAccountPlaybook.STAGE).stream()
                .map(CompromisedAccountPlaybook::stepTitle).collect(Collectors.joining(", "));
        return "An unfinished compromised-account run from " + TimeText.dateTime(progress.started(), zone) + ": "
                + (done.isEmpty() ? "no step done yet." : done + " done.")
                + (progress.lastProblem() == null ? "" : " It stopped at: " + progress.lastProblem());
    }

    /** The banner's text; empty when there is no unfinished run. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The run's holder ended mid-run: it must be taken over (or discarded) before it continues. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** Another window or process is running it right now: nothing here may continue or discard it. */
    public ReadOnlyBooleanProperty runningElsewhereProperty() {
        return runningElsewhere.getReadOnlyProperty();
    }
}
