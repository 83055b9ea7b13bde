package dev.gatehouse.ui.trainer;

import dev.gatehouse.domain.tenant.DemoTrainer;
import dev.gatehouse.domain.text.InertText;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * "Trainer ▾" in the header, on the demo tenant only (Alt+T): reset the scenario, act as another admin, play the user
 * on screen, see what they see, and what just changed. Never shown for a real tenant: its ViewModel is never available
 * there.
 */
public final class TrainerMenu extends MenuButton {

    public TrainerMenu(TrainerViewModel viewModel) {
        super("_Trainer", new FontIcon(Material2OutlinedMZ.SCHOOL));
        setId("trainerMenu");
        setMnemonicParsing(true);
        setAccessibleText("Trainer controls for the demo tenant");
        setMinWidth(USE_PREF_SIZE);
        visibleProperty().bind(viewModel.availableProperty());
        managedProperty().bind(visibleProperty());
        BooleanBinding noUser = Bindings.createBooleanBinding(() -> viewModel.userPrincipalName().get().isEmpty(),
                viewModel.userPrincipalName());

        MenuItem reset = item("_Reset the scenario\u2026", "trainerReset", Material2OutlinedMZ.REPLAY);
        reset.setOnAction(event -> {
            if (TrainerWindows.confirmReset(getScene().getWindow())) {
                viewModel.reset();
            }
        });

        Menu actAs = new Menu("_Act as another admin", new FontIcon(Material2OutlinedMZ.SUPERVISOR_ACCOUNT));
        actAs.setId("trainerActAs");
        MenuItem back = new MenuItem();
        back.setId("trainerBack");
        back.textProperty().bind(Bindings.createStringBinding(() -> "_Back to the scenario's admin ("
                + InertText.escape(viewModel.scenarioAdminProperty().get()).replace("_", "__") + ")",
                viewModel.scenarioAdminProperty()));
        back.disableProperty().bind(viewModel.switchedProperty().not());
        back.setOnAction(event -> viewModel.backToScenarioAdmin());
        Runnable admins = () -> {
            actAs.getItems().setAll(back, new SeparatorMenuItem());
            for (DemoTrainer.Admin admin : viewModel.admins()) {
                MenuItem choice = new MenuItem(InertText.escape(admin.label()));
                choice.setMnemonicParsing(false); // names and roles come from the tenant
                choice.setOnAction(event -> viewModel.actAs(admin));
                actAs.getItems().add(choice);
            }
        };
        viewModel.admins().addListener((ListChangeListener<DemoTrainer.Admin>) change -> admins.run());
        admins.run();

        Menu play = new Menu();
        play.setId("trainerPlay");
        play.setGraphic(new FontIcon(Material2OutlinedMZ.PERSON));
        play.textProperty().bind(Bindings.createStringBinding(() -> viewModel.userDisplayName().get().isEmpty()
                ? "_Play the user (open one first)"
                : "_Play " + InertText.escape(viewModel.userDisplayName().get()).replace("_", "__"),
                viewModel.userDisplayName()));
        MenuItem pass = item("Sign in with a _Temporary Access Pass\u2026", "trainerSignInWithPass",
                Material2OutlinedAL.LOGIN);
        pass.setOnAction(event -> TrainerWindows.askSecret(getScene().getWindow(), "Sign in with a Temporary Access Pass",
                viewModel.userDisplayName().get(), "Temporary Access Pass", "The pass an admin issued to this user. "
                        + "It goes to the demo tenant on this computer only and is not kept.",
                viewModel::signInWithTemporaryAccessPass));
        MenuItem passkey = item("Register a pass_key", "trainerRegisterPasskey", Material2OutlinedMZ.VPN_KEY);
        passkey.setOnAction(event -> viewModel.registerPasskey());
        MenuItem authenticator = item("Register Microsoft _Authenticator", "trainerRegisterAuthenticator",
                Material2OutlinedMZ.SMARTPHONE);
        authenticator.setOnAction(event -> viewModel.registerAuthenticator());
        MenuItem push = item("Sign in with password + p_ush\u2026", "trainerSignInWithPush",
                Material2OutlinedMZ.PHONE_ANDROID);
        push.setOnAction(event -> TrainerWindows.askSecret(getScene().getWindow(), "Sign in with password + push",
                viewModel.userDisplayName().get(), "Password", "The user's password: in the bundled scenarios Tailspin-Demo-2026, "
                        + "unless an admin set another one. The user then approves the notification on their phone.",
                viewModel::signInWithPasswordAndPush));
        play.getItems().addAll(pass, passkey, authenticator, new SeparatorMenuItem(), push);

        MenuItem sees = item("_See what the user sees", "trainerSimulator", Material2OutlinedMZ.VISIBILITY);
        sees.setOnAction(event -> viewModel.seeWhatTheUserSees());

        MenuItem changes = item("_What just changed\u2026", "trainerWhatChanged", Material2OutlinedAL.HISTORY);
        changes.setOnAction(event -> viewModel.newWhatChanged()
                .ifPresent(list -> WhatChangedWindow.show(getScene().getWindow(), list)));

        getItems().addAll(reset, new SeparatorMenuItem(), actAs, new SeparatorMenuItem(), play, sees,
                new SeparatorMenuItem(), changes);
        // one trainer action at a time; the list of changes can always be read
        BooleanBinding busyOrNoUser = noUser.or(viewModel.busyProperty());
        reset.disableProperty().bind(viewModel.busyProperty());
        actAs.disableProperty().bind(viewModel.busyProperty());
        play.disableProperty().bind(busyOrNoUser);
        sees.disableProperty().bind(noUser);
    }

    private static MenuItem item(String text, String id, org.kordamp.ikonli.Ikon icon) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setId(id);
        return item;
    }
}
