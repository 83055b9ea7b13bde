package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.BreakGlassSetup;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.StepOutcome;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.DemoEndUser;
import dev.gatehouse.ui.common.DemoPlayer;
import dev.gatehouse.ui.common.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

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

    private final DemoPlayer player;
    private final Optional<DemoEndUser> demo;
    /** Written on the plan's worker as each pass is issued, read on the UI thread. */
    private final Map<String, Secret> passes = new ConcurrentHashMap<>();
    private final Runnable afterPlay;

    /** @param afterPlay runs on the UI thread once a key is registered: the step reads the tenant again */
    public DemoUserViewModel(TaskRunner runner, Optional<DemoEndUser> demo, Runnable afterPlay) {
        this.player = new DemoPlayer(runner);
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
        if (demo.isEmpty() || player.busyProperty().get()) {
            return;
        }
        Secret pass = passes.get(key(userId));
        if (pass == null) {
            player.say("No pass for " + userPrincipalName + " in this window: passes are shown once and kept nowhere. "
                    + "Issue a new one at step Passes (Replace a pass an account already holds), then play again.");
            return;
        }
        String[] key = player.nextKey();
        DemoEndUser user = demo.get();
        player.play("Playing " + userPrincipalName + ": signing in with the pass at My Security Info\u2026", () -> {
            DemoEndUser.Outcome signedIn = user.signInWithTemporaryAccessPass(userPrincipalName, pass);
            return signedIn.done() ? user.registerPasskey(userPrincipalName, key[0], key[1]) : signedIn;
        }, outcome -> userPrincipalName + " registered a " + key[0] + " (played by the demo tenant). "
                + outcome.words(), afterPlay);
    }

    private static String key(String userId) {
        return userId.toLowerCase(Locale.ROOT);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return player.busyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return player.statusProperty();
    }
}
