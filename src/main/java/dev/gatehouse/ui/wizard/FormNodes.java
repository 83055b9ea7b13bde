package dev.gatehouse.ui.wizard;

import dev.gatehouse.ui.common.VisibleText;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** What a wizard step's form is built of, alike in every wizard: a column, its heading, notes, problems, check boxes. */
public final class FormNodes {

    private FormNodes() {
    }

    public static VBox column(Node... children) {
        VBox box = new VBox(10, children);
        box.getStyleClass().add("plan-content");
        return box;
    }

    public static Label heading(String text) {
        Label label = wrapped(new Label(text));
        label.getStyleClass().add("plan-title");
        return label;
    }

    /** A sub-heading within a form ("Accounts", "Options"). */
    public static Label sub(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("registration-section-title");
        return label;
    }

    /** Explanatory text, muted. */
    public static Label note(String text) {
        Label label = wrapped(new Label(text));
        label.getStyleClass().add("muted");
        return label;
    }

    /** A note that follows {@code text} and takes no room while it is empty. */
    public static Label boundNote(ObservableValue<String> text) {
        Label label = wrapped(new Label());
        label.getStyleClass().add("muted");
        VisibleText.bind(label, text);
        hiddenWhenEmpty(label, text);
        return label;
    }

    /** What to fix, in the error colour; no room while empty. */
    public static Label problem(ObservableValue<String> text) {
        Label label = boundNote(text);
        label.getStyleClass().setAll("label", "sign-in-error");
        return label;
    }

    public static CheckBox check(String text, BooleanProperty value) {
        CheckBox box = new CheckBox(text);
        box.setWrapText(true);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    public static <T extends Label> T wrapped(T label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    /** A column that follows {@code items}, one node each, and takes no room while there are none. */
    public static <T> VBox listOf(ObservableList<T> items, Function<T, Node> card) {
        VBox box = new VBox(8);
        Runnable rebuild = () -> box.getChildren().setAll(items.stream().map(card).toList());
        items.addListener((ListChangeListener<T>) change -> rebuild.run());
        rebuild.run();
        box.managedProperty().bind(Bindings.isNotEmpty(items));
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    public static void hiddenWhenEmpty(Node node, ObservableValue<String> text) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> text.getValue() != null && !text.getValue().isEmpty(), text));
        node.managedProperty().bind(node.visibleProperty());
    }
}
