package dev.gatehouse.ui.users;

import dev.gatehouse.ui.common.VisibleText;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Map;

/**
 * Everything known about the method selected in the table, untruncated: the table has room for one line of
 * details, an admin deciding whether a method is the user's own needs all of them, and the id to act on it.
 */
final class MethodDetailsPane extends VBox {

    private final Label title = new Label();
    private final GridPane facts = new GridPane();

    MethodDetailsPane(ObservableValue<MethodRow> selected) {
        setId("methodDetails");
        getStyleClass().addAll("panel", "method-details");
        title.getStyleClass().add("method-details-title");
        facts.getStyleClass().add("method-details-grid");
        // two facts to a row: the table above keeps the height at 1280×820. Every column is a share of the width:
        // a fixed least width beside shares would make the grid, and with it the pane, wider than a 1024 px screen
        for (int pair = 0; pair < 2; pair++) {
            ColumnConstraints labels = new ColumnConstraints();
            labels.setPercentWidth(16);
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.ALWAYS);
            values.setPercentWidth(34);
            facts.getColumnConstraints().addAll(labels, values);
        }
        getChildren().addAll(title, facts);
        show(selected.getValue());
        selected.addListener((obs, old, row) -> show(row));
    }

    private void show(MethodRow row) {
        setVisible(row != null);
        setManaged(row != null);
        facts.getChildren().clear();
        if (row == null) {
            return;
        }
        VisibleText.show(title, row.typeLabel() + (row.summary().isEmpty() ? "" : " \u2014 " + row.summary()));
        int cell = 0;
        addFact(cell++, "Added", row.age().isEmpty() ? row.created() : row.created() + " (" + row.age() + ")");
        for (Map.Entry<String, String> fact : row.facts().entrySet()) {
            addFact(cell++, fact.getKey(), fact.getValue());
        }
        TextField id = new TextField(row.id());
        id.setEditable(false);
        id.getStyleClass().add("method-id");
        id.setId("methodId");
        int line = (cell + 1) / 2;
        facts.add(label("Method id"), 0, line);
        facts.add(id, 1, line, 3, 1);
    }

    private void addFact(int cell, String name, String value) {
        Label text = VisibleText.show(new Label(), value);
        text.setWrapText(true);
        text.setMinHeight(Label.USE_PREF_SIZE);
        facts.add(label(name), (cell % 2) * 2, cell / 2);
        facts.add(text, (cell % 2) * 2 + 1, cell / 2);
    }

    private static Label label(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("fact-label");
        return label;
    }
}
