package dev.gatehouse.ui.trainer;

import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.ui.common.ModalWindow;
import dev.gatehouse.ui.common.VisibleText;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Consumer;

/** The Trainer menu's small windows: the reset's confirmation and the field a trainer types a pass or password into. */
final class TrainerWindows {

    private TrainerWindows() {
    }

    /** Asks before the reset, saying that every change made in the demo tenant is discarded. */
    static boolean confirmReset(Window owner) {
        ButtonType reset = new ButtonType("Reset the scenario", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, TrainerViewModel.RESET_WARNING, reset, ButtonType.CANCEL);
        alert.setTitle("Reset the demo scenario");
        alert.setHeaderText("Reset the demo scenario to its start?");
        alert.initOwner(owner);
        if (owner != null && owner.getScene() != null) {
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        alert.getDialogPane().setId("trainerResetConfirmation");
        alert.getDialogPane().setPrefWidth(520); // the warning in a few lines, not a column
        alert.getDialogPane().lookupButton(reset).setId("confirmReset");
        // the safe choice is the default: Enter does not discard a trainer's demo
        ((Button) alert.getDialogPane().lookupButton(reset)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(reset::equals).isPresent();
    }

    /**
     * Asks for a pass or password and hands it to {@code send} as a {@link Secret} (the field is emptied once read);
     * nothing when the trainer cancels. Nothing typed here is logged.
     */
    static void askSecret(Window owner, String title, String user, String what, String explanation,
                          Consumer<Secret> send) {
        ModalWindow window = new ModalWindow(owner, "trainer-secret", title, 520, ModalWindow.FIT_CONTENT);
        PasswordField field = new PasswordField();
        field.setId("trainerSecret");
        Label label = new Label("_" + what);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        Label heading = VisibleText.show(new Label(), title + " as " + user);
        heading.getStyleClass().add("plan-title");
        heading.setWrapText(true);
        Label hint = new Label(explanation);
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        VBox body = new VBox(10, heading, hint, label, field);
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> window.close());
        Button signIn = new Button("Sign in");
        signIn.setId("trainerSecretSend");
        signIn.setDefaultButton(true);
        signIn.disableProperty().bind(field.textProperty().isEmpty());
        signIn.setOnAction(event -> {
            Secret typed = Secret.of(what, field.getText());
            field.clear();
            window.close();
            send.accept(typed);
        });
        window.whenClosed(field::clear);
        window.show(body, cancel, signIn);
        field.requestFocus();
    }
}
