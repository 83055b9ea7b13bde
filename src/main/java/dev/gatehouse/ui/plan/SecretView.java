package dev.gatehouse.ui.plan;

import dev.gatehouse.ui.common.VisibleText;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** A one-time secret: hidden until revealed, copyable (with the clipboard cleared later), splittable in two. */
final class SecretView extends VBox {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination CUT = new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY_LEGACY = new KeyCodeCombination(KeyCode.INSERT,
            KeyCombination.SHORTCUT_DOWN);

    SecretView(SecretViewModel viewModel) {
        getStyleClass().addAll("panel", "panel-warning", "panel-outlined", "secret-view");
        Label title = new Label(viewModel.label() + " \u2014 shown once", new FontIcon(Material2OutlinedMZ.VPN_KEY));
        title.getStyleClass().add("secret-title");
        Label note = new Label(viewModel.note());
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.setVisible(!viewModel.note().isEmpty());
        note.setManaged(note.isVisible());
        Label expiry = new Label(viewModel.expiry());
        expiry.setId("secretExpiry");
        expiry.getStyleClass().add("secret-expiry");
        expiry.setWrapText(true);
        expiry.setMinHeight(Region.USE_PREF_SIZE);
        expiry.setVisible(!viewModel.expiry().isEmpty());
        expiry.setManaged(expiry.isVisible());
        Label once = new Label("Hand it over now: it is not stored anywhere, and closing this window wipes it.");
        once.getStyleClass().add("muted");
        once.setWrapText(true);
        once.setMinHeight(Region.USE_PREF_SIZE);

        ToggleButton reveal = new ToggleButton();
        reveal.setId("revealSecret");
        reveal.selectedProperty().bindBidirectional(viewModel.revealedProperty());
        // the button says what pressing it does next
        reveal.textProperty().bind(Bindings.when(reveal.selectedProperty()).then("_Hide").otherwise("_Reveal"));
        reveal.graphicProperty().bind(Bindings.when(reveal.selectedProperty())
                .<javafx.scene.Node>then(new FontIcon(Material2OutlinedMZ.VISIBILITY_OFF))
                .otherwise(new FontIcon(Material2OutlinedMZ.VISIBILITY)));
        reveal.setMinWidth(Region.USE_PREF_SIZE);
        CheckBox split = new CheckBox("Split in two parts for two people (ISM-1594)");
        split.setId("splitSecret");
        split.selectedProperty().bindBidirectional(viewModel.splitProperty());
        split.setWrapText(true);
        HBox controls = new HBox(12, reveal, split);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label firstCaption = new Label();
        firstCaption.textProperty().bind(Bindings.when(viewModel.splitProperty()).then("Part 1")
                .otherwise(viewModel.label()));
        boolean large = viewModel.large();
        javafx.scene.layout.Pane first = large
                ? largePart(firstCaption, viewModel.firstPartProperty(), () -> viewModel.copy(1), "secretValue")
                : part(firstCaption, viewModel.firstPartProperty(), () -> viewModel.copy(1), "secretValue");
        javafx.scene.layout.Pane second = large
                ? largePart(new Label("Part 2"), viewModel.secondPartProperty(), () -> viewModel.copy(2), "secretPart2")
                : part(new Label("Part 2"), viewModel.secondPartProperty(), () -> viewModel.copy(2), "secretPart2");
        second.visibleProperty().bind(viewModel.splitProperty());
        second.managedProperty().bind(second.visibleProperty());

        Label status = new Label();
        status.setId("clipboardStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        VisibleText.bind(status, viewModel.clipboardStatusProperty());

        getChildren().addAll(title, expiry, note, controls, first, second, status, once);
        if (large) {
            getStyleClass().add("secret-view-large");
            Label heading = VisibleText.show(new Label(), viewModel.heading());
            heading.setId("secretHeading");
            heading.getStyleClass().add("secret-heading");
            heading.setWrapText(true);
            heading.setMinHeight(Region.USE_PREF_SIZE);
            getChildren().add(1, heading);
        }
        disableProperty().bind(viewModel.closedProperty());
    }

    /**
     * The secret in large monospace, in groups of four, for reading aloud or typing at another machine. A label, not a
     * field: the only way to copy it is the Copy button, so the clipboard is always cleared after its time.
     */
    private static VBox largePart(Label label, ObservableStringValue text, Runnable copy, String id) {
        Label value = new Label();
        value.setId(id);
        value.getStyleClass().add("secret-large");
        value.setWrapText(true);
        value.setMinHeight(Region.USE_PREF_SIZE);
        value.textProperty().bind(Bindings.createStringBinding(() -> grouped(text.get()), text));
        Button copyButton = new Button("Copy", new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copyButton.setId(id + "Copy");
        copyButton.setOnAction(event -> copy.run());
        HBox caption = new HBox(12, label, copyButton);
        caption.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, caption, value);
    }

    /** "Ab3k Qz9p Lm" — spaces every four characters; a mask is left as it is. */
    static String grouped(String secret) {
        if (secret == null || secret.equals(dev.gatehouse.domain.plan.GraphRequest.SECRET_MASK)) {
            return secret == null ? "" : secret;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < secret.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(secret.charAt(i));
        }
        return out.toString();
    }

    private static HBox part(Label label, ObservableStringValue text, Runnable copy, String id) {
        label.setMinWidth(150);
        TextField value = new TextField();
        value.setId(id);
        value.getStyleClass().add("secret-value");
        value.setEditable(false);
        value.textProperty().bind(text);
        // every way of copying goes through the view model, so the 60-second clearing always follows
        MenuItem copyItem = new MenuItem("Copy");
        copyItem.setOnAction(event -> copy.run());
        value.setContextMenu(new ContextMenu(copyItem));
        value.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (COPY.match(event) || CUT.match(event) || COPY_LEGACY.match(event)) {
                event.consume();
                copy.run();
            }
        });
        HBox.setHgrow(value, Priority.ALWAYS);
        Button copyButton = new Button("Copy", new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copyButton.setOnAction(event -> copy.run());
        copyButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, label, value, copyButton);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
