package dev.gatehouse.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A failure in a view: the tenant's message, in words, and a way to try again. Hidden while there is none. */
public final class ErrorPane extends HBox {

    public ErrorPane(ObservableStringValue message, Runnable retry) {
        getStyleClass().addAll("panel", "panel-danger", "panel-outlined", "error-pane");
        Label text = new Label();
        text.textProperty().bind(message);
        text.setWrapText(true);
        text.setGraphic(Icons.error());
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button again = new Button("_Retry");
        again.setOnAction(event -> retry.run());
        again.setMinWidth(Button.USE_PREF_SIZE);
        getChildren().addAll(text, again);
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(message));
        managedProperty().bind(visibleProperty());
    }
}
