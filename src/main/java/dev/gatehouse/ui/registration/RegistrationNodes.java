package dev.gatehouse.ui.registration;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import java.util.function.Function;

/** Small building blocks the registration-policy views share: sections, wrapped labels, lists that follow a model. */
final class RegistrationNodes {

    private RegistrationNodes() {
    }

    static VBox section(String heading, Node... children) {
        Label title = new Label(heading);
        title.getStyleClass().add("registration-section-title");
        VBox section = new VBox(8, title);
        section.getChildren().addAll(children);
        return section;
    }

    /** A column that follows {@code items}, one node each. */
    static <T> VBox listOf(ObservableList<T> items, Function<T, Node> card) {
        VBox box = new VBox(8);
        Runnable rebuild = () -> box.getChildren().setAll(items.stream().map(card).toList());
        items.addListener((ListChangeListener<T>) change -> rebuild.run());
        rebuild.run();
        box.managedProperty().bind(Bindings.isNotEmpty(items));
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    static void hiddenWhenEmpty(Node node, ObservableValue<String> text) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> text.getValue() != null && !text.getValue().isEmpty(), text));
        node.managedProperty().bind(node.visibleProperty());
    }

    static Label wrapped(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
