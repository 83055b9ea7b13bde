package dev.gatehouse.ui.breakglass;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small building blocks the Break-glass views share: wrapped labels, sections, nodes that come and go. */
final class HealthNodes {

    private HealthNodes() {
    }

    /** A label that wraps and is never cut: as tall as its text needs. */
    static Label wrapped(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    static Label wrapped(String text, String styleClass) {
        Label label = wrapped(new Label(text));
        label.getStyleClass().add(styleClass);
        return label;
    }

    static VBox section(String heading, Node... children) {
        Label title = new Label(heading);
        title.getStyleClass().add("breakglass-section-title");
        VBox section = new VBox(8, title);
        section.getChildren().addAll(children);
        return section;
    }

    /** Shows or hides {@code node}, taking its room away while hidden. */
    static void shownWhen(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** Keeps {@code node} shown while {@code condition} holds, and out of the layout otherwise. */
    static void shownWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Keeps {@code node} shown while {@code text} is not empty. */
    static void shownWhenNotEmpty(Node node, ObservableValue<String> text) {
        shownWhen(node, Bindings.createBooleanBinding(() -> text.getValue() != null && !text.getValue().isEmpty(),
                text));
    }
}
