package dev.gatehouse.ui.users;

import dev.gatehouse.domain.recovery.CompromisedAccountPlaybook;
import dev.gatehouse.domain.recovery.PlaybookProgress;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.common.TimeText;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The banner over a user whose compromised-account run stopped halfway (error, Stop, app closed): what was done
 * and when it started, so the admin continues it — or, after confirming, discards it and starts afresh.
 */
public final class UnfinishedRunViewModel {

    private final TaskRunner runner;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private RecoveryDesk desk;
    private String userId;
    private Cancellable inFlight = Cancellable.NONE;

    UnfinishedRunViewModel(TaskRunner runner, ZoneId zone) {
        this.runner = runner;
        this.zone = zone;
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
                () -> recoveryDesk.playbook().unfinished(user), this::show,
                failure -> message.set("Could not tell whether a compromised-account run is unfinished: "
                        + ErrorText.of(failure)));
    }

    void clear() {
        inFlight.cancel();
        desk = null;
        userId = null;
        message.set("");
    }

    /** Forgets the run, so the playbook starts from fresh choices; the view asks for confirmation first. */
    public void discard() {
        RecoveryDesk from = desk;
        String user = userId;
        if (from == null || user == null) {
            return;
        }
        inFlight.cancel();
        inFlight = runner.run("Discarding the unfinished compromised-account run", () -> {
            from.playbook().abandon(user);
            return Optional.<PlaybookProgress>empty();
        }, this::show, failure -> message.set("The unfinished run could not be discarded: " + ErrorText.of(failure)));
    }

    private void show(Optional<PlaybookProgress> unfinished) {
        message.set(unfinished.map(this::describe).orElse(""));
    }

    private String describe(PlaybookProgress progress) {
        String done = progress.done().keySet().stream().map(CompromisedAccountPlaybook::stepTitle)
                .collect(Collectors.joining(", "));
        return "An unfinished compromised-account run from " + TimeText.dateTime(progress.started(), zone) + ": "
                + (done.isEmpty() ? "no step done yet." : done + " done.")
                + (progress.lastProblem() == null ? "" : " It stopped at: " + progress.lastProblem());
    }

    /** The banner's text; empty when there is no unfinished run. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
