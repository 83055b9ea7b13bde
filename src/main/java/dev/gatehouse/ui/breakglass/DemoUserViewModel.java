package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.BreakGlassSetup;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.StepOutcome;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.DemoEndUser;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On the demo tenant only, the trainer's stand-in for the account holder at step 7: signs the account in with the pass
 * step 6 just issued and registers a passkey, through the demo tenant's end-user controls, so the whole set-up can be
 * shown on one screen. The passes are kept in memory for this window only — never saved — so a pass shown in an
 * earlier session cannot be played: the trainer is told to issue a new one.
 */
public final class DemoUserViewModel {

    /** Keys of different models, so each account gets a distinct one (no same-key warning in a demo). */
    static final List<String[]> DEMO_KEYS = List.of(
            new String[]{"YubiKey 5C NFC", "ee882879-721c-4913-9775-3dfcce97072a"},
            new String[]{"Feitian ePass FIDO2", "833b721a-ff5f-4d00-bb2e-bdda3ec01e29"},
            new String[]{"YubiKey 5Ci", "c5ef55ff-ad9a-4b9f-b580-adebafe026d0"},
            new String[]{"YubiKey 5 NFC", "2fc0579f-8113-47ea-b116-555a8db9202a"});

    private final TaskRunner runner;
    private final Optional<DemoEndUser> demo;
    /** Written on the plan's worker as each pass is issued, read on the UI thread. */
    private final Map<String, Secret> passes = new ConcurrentHashMap<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final Runnable afterPlay;
    private int played;

    /** @param afterPlay runs on the UI thread once a key is registered: the step reads the tenant again */
    public DemoUserViewModel(TaskRunner runner, Optional<DemoEndUser> demo, Runnable afterPlay) {
        this.runner = runner;
        this.demo = demo;
        this.afterPlay = afterPlay;
    }

    /** Whether the controls show at all: the demo tenant only. */
    public boolean available() {
        return demo.isPresent();
    }

    /** Listens to the passes stage's plan for the passes it issues (by account), kept for this window only. */
    ExecutionListener passesListener() {
        return new ExecutionListener() {
            @Override
            public void stepFinished(int index, StepOutcome outcome) {
                BreakGlassSetup.passStepAccount(outcome.step().id()).ifPresent(account -> outcome.result()
                        .flatMap(StepResult::secret).ifPresent(pass -> passes.put(key(account), pass)));
            }
        };
    }

    /** Plays the holder of this account: sign in with its pass, then register a key. */
    public void play(String userId, String userPrincipalName) {
        if (demo.isEmpty() || busy.get()) {
            return;
        }
        Secret pass = passes.get(key(userId));
        if (pass == null) {
            status.set("No pass for " + userPrincipalName + " in this window: passes are shown once and kept nowhere. "
                    + "Issue a new one at step Passes (Replace a pass an account already holds), then play again.");
            return;
        }
        String[] key = DEMO_KEYS.get(played++ % DEMO_KEYS.size());
        busy.set(true);
        status.set("Playing " + userPrincipalName + ": signing in with the pass at My Security Info\u2026");
        DemoEndUser user = demo.get();
        runner.run("Playing the account holder on the demo tenant", () -> {
            DemoEndUser.Outcome signedIn = user.signInWithTemporaryAccessPass(userPrincipalName, pass);
            return signedIn.done() ? user.registerPasskey(userPrincipalName, key[0], key[1]) : signedIn;
        }, outcome -> {
            busy.set(false);
            status.set(outcome.done() ? userPrincipalName + " registered a " + key[0] + " (played by the demo "
                    + "tenant). " + outcome.words() : "The demo tenant refused: " + outcome.words());
            if (outcome.done()) {
                afterPlay.run();
            }
        }, failure -> {
            busy.set(false);
            status.set(ErrorText.of(failure));
        });
    }

    private static String key(String userId) {
        return userId.toLowerCase(Locale.ROOT);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
