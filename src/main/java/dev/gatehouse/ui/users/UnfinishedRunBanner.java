package dev.gatehouse.ui.users;

import dev.gatehouse.ui.common.VisibleText;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** "An unfinished compromised-account run from …: … done. Continue / Discard", over the user it concerns. */
final class UnfinishedRunBanner extends HBox {

    UnfinishedRunBanner(UnfinishedRunViewModel run, UserActionsViewModel actions) {
        super(10);
        setId("unfinishedRun");
        getStyleClass().addAll("panel", "panel-accent", "panel-outlined", "unfinished-run");
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label();
        text.setId("unfinishedRunText");
        text.setGraphic(new FontIcon(Material2OutlinedMZ.RESTORE));
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        VisibleText.bind(text, run.messageProperty());

        Button resume = new Button("Continue\u2026");
        resume.setId("continueRun");
        resume.getStyleClass().add("accent");
        resume.setMinWidth(Region.USE_PREF_SIZE);
        resume.setOnAction(event -> actions.compromisedAccount());
        // a run going on elsewhere may end any moment: Continue and Discard ask again and say who still holds it
        resume.disableProperty().bind(actions.availableProperty().not().or(run.staleProperty()));
        Button takeOver = new Button("Take over\u2026");
        takeOver.setId("takeOverRun");
        takeOver.setMinWidth(Region.USE_PREF_SIZE);
        takeOver.visibleProperty().bind(run.staleProperty());
        takeOver.managedProperty().bind(takeOver.visibleProperty());
        takeOver.setOnAction(event -> {
            if (confirmTakeOver()) {
                run.takeOver();
            }
        });
        Button discard = new Button("Discard\u2026");
        discard.setId("discardRun");
        discard.setMinWidth(Region.USE_PREF_SIZE);
        discard.setOnAction(event -> {
            if (confirmDiscard()) {
                run.discard();
            }
        });
        getChildren().addAll(text, takeOver, resume, discard);
        visibleProperty().bind(run.messageProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }

    private boolean confirmTakeOver() {
        ButtonType take = new ButtonType("Take over the run", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The process that ran it ended without finishing, so "
                + "the step it was on may or may not have reached the tenant. Check the user's methods above and the "
                + "journal first. Taking over keeps the choices and the steps already done; Continue then runs the "
                + "rest from this window.", take, ButtonType.CANCEL);
        alert.setHeaderText("Take over the unfinished compromised-account run?");
        alert.initOwner(getScene().getWindow());
        alert.getDialogPane().lookupButton(take).setId("confirmTakeOver");
        return alert.showAndWait().filter(take::equals).isPresent();
    }

    private boolean confirmDiscard() {
        ButtonType discard = new ButtonType("Discard the run", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The steps already done stay done in the tenant. "
                + "Gatehouse forgets the rest of the run, and the next compromised-account playbook for this user "
                + "starts from fresh choices.", discard, ButtonType.CANCEL);
        alert.setHeaderText("Discard the unfinished compromised-account run?");
        alert.initOwner(getScene().getWindow());
        alert.getDialogPane().lookupButton(discard).setId("confirmDiscard");
        return alert.showAndWait().filter(discard::equals).isPresent();
    }
}
