package dev.gatehouse.ui.common;

import dev.gatehouse.domain.tenant.DemoEndUser;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Plays the end user on the demo tenant, one action at a time, off the UI thread: says what is being played, then what
 * the demo tenant answered (its own reason when it refused). The break-glass wizard's "Play the account holder" and the
 * trainer's "Play the user" both go through it.
 */
public final class DemoPlayer {

    /** Keys of different models, so each play registers a distinct one (no same-key warning in a demo). */
    public static final List<String[]> DEMO_KEYS = List.of(
            new String[]{"YubiKey 5C NFC", "ee882879-721c-4913-9775-3dfcce97072a"},
            new String[]{"Feitian ePass FIDO2", "833b721a-ff5f-4d00-bb2e-bdda3ec01e29"},
            new String[]{"YubiKey 5Ci", "c5ef55ff-ad9a-4b9f-b580-adebafe026d0"},
            new String[]{"YubiKey 5 NFC", "2fc0579f-8113-47ea-b116-555a8db9202a"});

    private final TaskRunner runner;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Cancellable inFlight = Cancellable.NONE;
    private int keysPlayed;

    public DemoPlayer(TaskRunner runner) {
        this.runner = runner;
    }

    /** The next of {@link #DEMO_KEYS}: model and AAGUID. */
    public String[] nextKey() {
        return DEMO_KEYS.get(keysPlayed++ % DEMO_KEYS.size());
    }

    /**
     * Runs {@code play} unless another play is running.
     *
     * @param playing      what the status says meanwhile, e.g. "Playing Alex Wilber: signing in…"
     * @param done         the status once the demo tenant did it, from its answer
     * @param afterSuccess runs on the UI thread once it was done (the screen reads the tenant again)
     * @return false when another play was still running, so nothing started
     */
    public boolean play(String playing, Callable<DemoEndUser.Outcome> play,
                        Function<DemoEndUser.Outcome, String> done, Runnable afterSuccess) {
        return run(playing, play, outcome -> {
            status.set(outcome.done() ? done.apply(outcome) : "The demo tenant refused: " + outcome.words());
            if (outcome.done()) {
                afterSuccess.run();
            }
        });
    }

    /**
     * Runs any demo-tenant control the same way: one at a time, {@code doing} as the status meanwhile, a failure in
     * the admin's words. {@code done} runs on the UI thread and says what happened with {@link #say}.
     *
     * @return false when another action was still running, so nothing started
     */
    public <T> boolean run(String doing, Callable<T> work, Consumer<? super T> done) {
        if (busy.get()) {
            return false;
        }
        busy.set(true);
        status.set(doing);
        inFlight = runner.run(doing, work, result -> {
            busy.set(false);
            done.accept(result);
        }, failure -> {
            busy.set(false);
            status.set(ErrorText.of(failure));
        });
        return true;
    }

    /** Says {@code text} where the plays report, e.g. why a play could not start. */
    public void say(String text) {
        status.set(text);
    }

    /** Stops the play in flight; the demo tenant may still have done it. */
    public void cancel() {
        inFlight.cancel();
        if (busy.get()) {
            busy.set(false);
            status.set("Stopped waiting for the demo tenant; it may have done the action anyway.");
        }
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
