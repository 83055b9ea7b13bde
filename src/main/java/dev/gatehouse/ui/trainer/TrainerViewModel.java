package dev.gatehouse.ui.trainer;

import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.DemoEndUser;
import dev.gatehouse.domain.tenant.DemoTrainer;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.DemoPlayer;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.workspace.OpenTenant;
import dev.gatehouse.ui.workspace.WorkspaceModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The Trainer menu of the main window, on the demo tenant only: reset the scenario, act as another of its admins to
 * show the guardrails of a smaller role, play the selected user at My Security Info, open the sign-in simulator, and
 * list what just changed. Everything goes through the demo tenant's trainer controls ({@link DemoTrainer},
 * {@link DemoEndUser}) or Graph; a real tenant has neither, so the menu is never available there.
 */
public final class TrainerViewModel implements WorkspaceModel {

    private final TaskRunner runner;
    private final Clock clock;
    private final TrainerHooks hooks;
    private final ObservableStringValue userPrincipalName;
    private final ObservableStringValue userDisplayName;
    private final DemoPlayer player;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyStringWrapper actingAs = new ReadOnlyStringWrapper(this, "actingAs", "");
    private final ReadOnlyStringWrapper scenarioAdmin = new ReadOnlyStringWrapper(this, "scenarioAdmin", "");
    private final ReadOnlyBooleanWrapper switched = new ReadOnlyBooleanWrapper(this, "switched");
    private final ObservableList<DemoTrainer.Admin> admins = FXCollections.observableArrayList();
    private final ObservableList<DemoTrainer.Admin> adminsView = FXCollections.unmodifiableObservableList(admins);

    private Optional<DemoTrainer> trainer = Optional.empty();
    private Optional<DemoEndUser> endUser = Optional.empty();
    private TenantDirectory directory;
    private Cancellable actorsRead = Cancellable.NONE;
    /** When the scenario was last loaded as it ships: the connection's start, or the last reset from this window. */
    private Instant lastReset;
    /** The display name of the admin Gatehouse acts as. */
    private String actorName = "";

    /**
     * @param userPrincipalName the selected user's UPN in the users workspace, empty when none is selected
     * @param userDisplayName   their display name
     */
    public TrainerViewModel(TaskRunner runner, Clock clock, TrainerHooks hooks, ObservableStringValue userPrincipalName,
                            ObservableStringValue userDisplayName) {
        this.runner = runner;
        this.clock = clock;
        this.hooks = hooks;
        this.userPrincipalName = userPrincipalName;
        this.userDisplayName = userDisplayName;
        this.player = new DemoPlayer(runner);
    }

    @Override
    public void attach(OpenTenant tenant) {
        detach();
        trainer = tenant.connection().demoTrainer();
        endUser = tenant.connection().demoEndUser();
        directory = tenant.connection().directory();
        lastReset = clock.instant();
        available.set(trainer.isPresent() && endUser.isPresent());
        if (available.get()) {
            readActors();
        }
    }

    @Override
    public void detach() {
        actorsRead.cancel();
        player.cancel();
        player.say("");
        trainer = Optional.empty();
        endUser = Optional.empty();
        directory = null;
        available.set(false);
        admins.clear();
        actingAs.set("");
        scenarioAdmin.set("");
        switched.set(false);
    }

    /** The words of the reset's confirmation. */
    public static final String RESET_WARNING = "Every change made in the demo tenant since the scenario was loaded is "
            + "discarded: users, methods, passes, policies, groups, roles and the audit and sign-in logs return to the "
            + "scenario's start, and Gatehouse acts as the scenario's admin again. The action journal on this "
            + "computer keeps its entries, and unfinished runs saved on this computer (of the compromised-account "
            + "playbook and of the break-glass and registration wizards) are kept too: Gatehouse still offers to "
            + "continue them, although the steps they record as done were undone by the reset.";

    /** Reloads the scenario (after the view's confirmation); then every workspace reads the tenant again. */
    public void reset() {
        trainer.ifPresent(controls -> start("Resetting the demo scenario", () -> {
            controls.reset();
            return controls.actors();
        }, actors -> {
            lastReset = clock.instant();
            showActors(actors);
            player.say("The scenario is back at its start: every change made in the demo tenant was discarded.");
            hooks.tenantReset().run();
        }));
    }

    /** From now on Gatehouse acts as {@code admin}: the header and the guardrails follow their roles. */
    public void actAs(DemoTrainer.Admin admin) {
        trainer.ifPresent(controls -> start("Acting as " + admin.displayName(), () -> {
            controls.actAs(admin.userPrincipalName());
            return controls.actors();
        }, actors -> {
            showActors(actors);
            player.say(actors.switched() ? "Gatehouse now acts as " + admin.displayName() + " ("
                    + String.join(", ", admin.roles()) + "): what it offers and refuses follows these roles."
                    : "Gatehouse acts as the scenario's admin again, " + admin.displayName() + ".");
            hooks.actorChanged().run();
        }));
    }

    /** Back to the admin the scenario signs in as. */
    public void backToScenarioAdmin() {
        trainer.ifPresent(controls -> start("Going back to the scenario's admin", () -> {
            DemoTrainer.Actors actors = controls.actors();
            controls.actAs(actors.scenarioAdmin());
            return controls.actors();
        }, actors -> {
            showActors(actors);
            player.say("Gatehouse acts as the scenario's admin again, " + scenarioAdmin.get() + ".");
            hooks.actorChanged().run();
        }));
    }

    /** The selected user signs in with {@code pass}, typed by the trainer; the pass is wiped once sent. */
    public void signInWithTemporaryAccessPass(Secret pass) {
        play("signing in with a Temporary Access Pass", (user, upn) -> {
            try {
                return user.signInWithTemporaryAccessPass(upn, pass);
            } finally {
                pass.wipe();
            }
        });
    }

    /** Within the pass's session, the selected user registers a passkey (a different model each time). */
    public void registerPasskey() {
        String[] key = player.nextKey();
        play("registering a " + key[0], (user, upn) -> user.registerPasskey(upn, key[0], key[1]));
    }

    /** Within the pass's session, the selected user registers Microsoft Authenticator. */
    public void registerAuthenticator() {
        play("registering Microsoft Authenticator", DemoEndUser::registerAuthenticator);
    }

    /** The selected user signs in with {@code password} and approves a notification; the password is wiped once sent. */
    public void signInWithPasswordAndPush(Secret password) {
        play("signing in with the password and a Microsoft Authenticator notification", (user, upn) -> {
            try {
                return user.signInWithPasswordAndPush(upn, password);
            } finally {
                password.wipe();
            }
        });
    }

    /** Opens the users workspace's sign-in simulator for the selected user. */
    public void seeWhatTheUserSees() {
        if (!userPrincipalName.get().isEmpty()) {
            hooks.showSimulator().run();
        }
    }

    /** A "What just changed" list over the open demo tenant's audit log; empty while none is open. */
    public Optional<WhatChangedViewModel> newWhatChanged() {
        return available.get() ? Optional.of(new WhatChangedViewModel(runner, directory, clock, lastReset,
                switched.get() ? actorName : ""))
                : Optional.empty();
    }

    /** Stops waiting for the demo tenant. */
    public void cancel() {
        player.cancel();
    }

    private interface Play {
        DemoEndUser.Outcome on(DemoEndUser user, String userPrincipalName) throws Exception;
    }

    private void play(String what, Play action) {
        String upn = userPrincipalName.get();
        String name = userDisplayName.get().isEmpty() ? upn : userDisplayName.get();
        if (endUser.isEmpty() || upn.isEmpty()) {
            player.say("Open a user in the Users workspace first: the trainer plays the user on screen.");
            return;
        }
        DemoEndUser user = endUser.get();
        player.play("Playing " + name + ": " + what + "\u2026", () -> action.on(user, upn),
                outcome -> name + ": " + outcome.words(), hooks.userPlayed());
    }

    /** Runs a trainer control through the player, so its progress and outcome show where the plays' do. */
    private void start(String description, Callable<DemoTrainer.Actors> work, Consumer<DemoTrainer.Actors> done) {
        player.run(description + "\u2026", work, done);
    }

    private void readActors() {
        DemoTrainer controls = trainer.orElseThrow();
        actorsRead = runner.run("Reading the demo tenant's admins", controls::actors, this::showActors,
                failure -> player.say("Could not read the demo tenant's admins: " + ErrorText.of(failure)));
    }

    private void showActors(DemoTrainer.Actors actors) {
        admins.setAll(actors.admins());
        String scenario = actors.admin(actors.scenarioAdmin()).map(DemoTrainer.Admin::displayName)
                .orElse(actors.scenarioAdmin() == null ? "" : actors.scenarioAdmin());
        scenarioAdmin.set(scenario);
        switched.set(actors.switched());
        actorName = actors.admin(actors.signedInAdmin()).map(DemoTrainer.Admin::displayName)
                .orElse(actors.signedInAdmin() == null ? "" : actors.signedInAdmin());
        actingAs.set(!actors.switched() ? "" : "Acting as " + actors.admin(actors.signedInAdmin())
                .map(a -> a.displayName() + " (" + String.join(", ", a.roles()) + ")")
                .orElse(actors.signedInAdmin()));
    }

    /** True on the demo tenant, once its trainer controls are reachable; never on a real tenant. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** "Acting as Patti Fernandez (Authentication Administrator)", empty while Gatehouse acts as the scenario's admin. */
    public ReadOnlyStringProperty actingAsProperty() {
        return actingAs.getReadOnlyProperty();
    }

    /** The scenario's own admin's display name. */
    public ReadOnlyStringProperty scenarioAdminProperty() {
        return scenarioAdmin.getReadOnlyProperty();
    }

    /** True while Gatehouse acts as someone other than the scenario's admin. */
    public ReadOnlyBooleanProperty switchedProperty() {
        return switched.getReadOnlyProperty();
    }

    /** The enabled members holding a directory role, whom Gatehouse can act as. */
    public ObservableList<DemoTrainer.Admin> admins() {
        return adminsView;
    }

    public ObservableStringValue userPrincipalName() {
        return userPrincipalName;
    }

    public ObservableStringValue userDisplayName() {
        return userDisplayName;
    }

    /** True while a trainer action waits for the demo tenant. */
    public ReadOnlyBooleanProperty busyProperty() {
        return player.busyProperty();
    }

    /** What the last trainer action did, in the demo tenant's words; empty before the first. */
    public ReadOnlyStringProperty statusProperty() {
        return player.statusProperty();
    }
}
