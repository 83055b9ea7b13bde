package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.AccountRoster;
import dev.gatehouse.domain.breakglass.BreakGlassSetupRead;
import dev.gatehouse.domain.breakglass.KeyArrival;
import dev.gatehouse.domain.breakglass.KeyWatch;
import dev.gatehouse.domain.breakglass.SetupChoices;
import dev.gatehouse.domain.policy.KeyRestrictions;
import dev.gatehouse.domain.text.Moments;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Step 7, register: one line per emergency-access account — "waiting…" until its FIDO2 key is seen, then the key's
 * model, AAGUID and registration time — while {@link KeyWatch} polls Graph at the pace it allows, on the task runner,
 * for as long as the step is current (Stop ends it sooner). Keys of the same model registered to two accounts at
 * nearly the same moment get the domain's warning, as does a key of a model the FIDO2 key restrictions refuse. When
 * every account has a key, the stage is read again and, with nothing left to wait for, recorded done.
 */
public final class KeyWatchViewModel {

    /** How long one watch waits before it gives up; "Wait for the keys" starts another. */
    static final Duration PATIENCE = Duration.ofMinutes(20);

    /** One account's line. */
    public record Row(String userId, String userPrincipalName, String account, String key) {

        public boolean waiting() {
            return key.isEmpty();
        }
    }

    private final TaskRunner runner;
    private final KeyWatch watch;
    private final Runnable allArrived;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper watching = new ReadOnlyBooleanWrapper(this, "watching");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "The accounts' keys are read when this step opens.");
    private final List<KeyArrival> keys = new ArrayList<>();
    private List<KeyWatch.Account> waiting = List.of();
    private KeyRestrictions restrictions = KeyRestrictions.NONE;
    private Cancellable task = Cancellable.NONE;
    private AtomicBoolean stopped = new AtomicBoolean();

    /** @param allArrived runs on the FX thread once the last account's key was seen (read the stage again) */
    KeyWatchViewModel(TaskRunner runner, KeyWatch watch, Runnable allArrived) {
        this.runner = runner;
        this.watch = watch;
        this.allArrived = allArrived;
    }

    /** A fresh read while the step is current: the keys it found, then a watch for the accounts still without one. */
    void show(BreakGlassSetupRead read, SetupChoices choices) {
        if (watching.get()) {
            return; // the watch under way already follows these accounts
        }
        AccountRoster roster = AccountRoster.of(read, choices);
        // unread restrictions count every key here; the register stage itself refuses without them
        restrictions = read.keyRestrictions().orElse(KeyRestrictions.NONE);
        keys.clear();
        rows.clear();
        for (var account : roster.accounts()) {
            List<KeyArrival> own = KeyArrival.of(account);
            keys.addAll(own);
            rows.add(new Row(account.profile().id(), account.profile().userPrincipalName(),
                    AccountRoster.label(account), own.isEmpty() ? ""
                    : String.join("; ", own.stream().map(this::described).toList())));
        }
        warnWhereDue();
        waiting = KeyWatch.withoutKey(roster, restrictions);
        if (waiting.isEmpty()) {
            status.set(rows.isEmpty() ? "No emergency-access account yet." : "Every account has a key it may use.");
        } else {
            start();
        }
    }

    /** "Wait for the keys": polls again for the accounts still without one. */
    public void start() {
        if (watching.get() || waiting.isEmpty()) {
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        stopped = cancelled;
        watching.set(true);
        status.set("Waiting for " + count(waiting.size()) + "\u2026");
        List<KeyWatch.Account> accounts = List.copyOf(waiting);
        KeyRestrictions refusing = restrictions;
        task = runner.run("Waiting for the emergency-access accounts' keys", () -> watch.watch(accounts, refusing,
                PATIENCE,
                cancelled::get, new KeyWatch.Listener() {
                    @Override
                    public void arrived(KeyArrival key) {
                        runner.runOnUiThread(() -> arrive(key));
                    }

                    @Override
                    public void polled(List<KeyWatch.Account> still, Duration next) {
                        runner.runOnUiThread(() -> {
                            if (!cancelled.get()) {
                                status.set("Waiting for " + count(still.size()) + ": Graph is asked again in "
                                        + Math.max(1, next.toSeconds()) + " s.");
                            }
                        });
                    }

                    @Override
                    public void throttled(Duration wait) {
                        runner.runOnUiThread(() -> status.set("Graph asked Gatehouse to slow down: nothing is sent "
                                + "for " + Math.max(1, wait.toSeconds()) + " s."));
                    }
                }), this::ended, failure -> {
                    watching.set(false);
                    status.set("The keys could not be read: " + ErrorText.of(failure));
                });
    }

    /** Stop, leaving the step, or closing the wizard: the poll in flight is dropped. */
    public void stop() {
        if (!watching.get()) {
            return;
        }
        stopped.set(true);
        task.cancel();
        watching.set(false);
        status.set("Stopped: " + count(waiting.size()) + " without a key. Press \u201cWait for the keys\u201d to go on "
                + "waiting.");
    }

    private void arrive(KeyArrival key) {
        keys.add(key);
        if (!key.refusedBy(restrictions)) {
            waiting = waiting.stream().filter(a -> !a.userId().equalsIgnoreCase(key.userId())).toList();
        }
        rows.replaceAll(row -> !row.userId().equalsIgnoreCase(key.userId()) ? row
                : new Row(row.userId(), row.userPrincipalName(), row.account(), row.waiting() ? described(key)
                        : row.key() + "; " + described(key)));
        warnWhereDue();
    }

    /** One physical key on two accounts, and keys of a model the FIDO2 key restrictions refuse. */
    private void warnWhereDue() {
        List<String> all = new ArrayList<>(KeyArrival.sameKeyWarnings(keys));
        all.addAll(KeyArrival.refusedKeyWarnings(keys, restrictions));
        warnings.setAll(all);
    }

    private void ended(KeyWatch.Outcome outcome) {
        watching.set(false);
        switch (outcome.end()) {
            case ALL_ARRIVED -> {
                status.set("Every account has a key it may use.");
                allArrived.run();
            }
            case DEADLINE -> status.set("Still " + count(outcome.stillWaiting().size()) + " without a key after "
                    + PATIENCE.toMinutes() + " minutes. Press \u201cWait for the keys\u201d to go on waiting.");
            case CANCELLED -> { } // stop() said so
        }
    }

    /** The key's words, and whether the FIDO2 key restrictions refuse it. */
    private String described(KeyArrival key) {
        return words(key) + (key.refusedBy(restrictions) ? " \u00b7 refused by the FIDO2 key restrictions" : "");
    }

    private static String count(int accounts) {
        return accounts == 1 ? "1 account" : accounts + " accounts";
    }

    /** "YubiKey 5 NFC · AAGUID 2fc0… · registered 6 Dec 2026, 09:04 UTC". */
    static String words(KeyArrival key) {
        return key.model() + (key.aaGuid() == null ? "" : " \u00b7 AAGUID " + key.aaGuid()) + " \u00b7 "
                + (key.key().created() == null ? "registration time not reported"
                : "registered " + Moments.of(key.key().created()));
    }

    /** One line per account: its key, or "waiting". */
    public ObservableList<Row> rows() {
        return rows;
    }

    /**
     * The same physical key registered to two accounts, as far as the keys suggest it, and keys the FIDO2 key
     * restrictions refuse.
     */
    public ObservableList<String> warnings() {
        return warnings;
    }

    public ReadOnlyBooleanProperty watchingProperty() {
        return watching.getReadOnlyProperty();
    }

    /** What the watch is doing, or how it ended. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
