package dev.gatehouse.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/**
 * A failure in a view: the tenant's message, in words, and a way to try again. Hidden while there is none. In a narrow
 * column the button goes below the message, so the message keeps the width it needs to be read.
 */
public final class ErrorPane extends BorderPane {

    /** Narrower than this, the button sits below the message. */
    static final double SIDE_BY_SIDE_WIDTH = 420;
    private static final double GAP = 10;

    /**
     * @param retryLabel what trying again does, with its own mnemonic ("Search a_gain"). Error panes that can be on
     *                   screen together need different letters, or Alt+letter only moves the focus between them; the
     *                   main window's navigation has U, B, R and A.
     */
    public ErrorPane(ObservableStringValue message, String retryLabel, Runnable retry) {
        getStyleClass().addAll("panel", "panel-danger", "panel-outlined", "error-pane");
        Label text = new Label();
        VisibleText.bind(text, message);
        text.setWrapText(true);
        text.setGraphic(Icons.error());
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Button again = new Button(retryLabel);
        again.getStyleClass().add("retry");
        again.setOnAction(event -> retry.run());
        again.setMinWidth(Button.USE_PREF_SIZE);
        setCenter(text);
        BorderPane.setAlignment(text, Pos.CENTER_LEFT);
        widthProperty().addListener((obs, old, width) -> placeButton(again, width.doubleValue()));
        placeButton(again, SIDE_BY_SIDE_WIDTH);
        visibleProperty().bind(Bindings.isNotEmpty(message));
        managedProperty().bind(visibleProperty());
    }

    private void placeButton(Button button, double width) {
        boolean sideBySide = width >= SIDE_BY_SIDE_WIDTH;
        if (sideBySide && getRight() != button) {
            setBottom(null);
            setRight(button);
            BorderPane.setMargin(button, new Insets(0, 0, 0, GAP));
            BorderPane.setAlignment(button, Pos.CENTER_RIGHT);
        } else if (!sideBySide && getBottom() != button) {
            setRight(null);
            setBottom(button);
            BorderPane.setMargin(button, new Insets(GAP / 2, 0, 0, 0));
            BorderPane.setAlignment(button, Pos.CENTER_RIGHT);
        }
    }
}
