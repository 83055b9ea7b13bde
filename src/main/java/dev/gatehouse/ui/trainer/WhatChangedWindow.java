package dev.gatehouse.ui.trainer;

import dev.gatehouse.domain.text.InertText;
import dev.gatehouse.ui.common.ModalWindow;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Function;

/** "What just changed": the demo tenant's directory audit log since the last reset or the last minutes, newest first. */
final class WhatChangedWindow {

    private WhatChangedWindow() {
    }

    static void show(Window owner, WhatChangedViewModel viewModel) {
        ModalWindow window = new ModalWindow(owner, "what-changed", "What just changed", 880, 500);
        Label title = new Label("What just changed in the demo tenant");
        title.getStyleClass().add("plan-title");
        Label explanation = new Label("The directory audit log, as Microsoft Entra keeps it: each change, who made it "
                + "and what it touched. Actions played as the user are logged under the user's name.");
        explanation.setWrapText(true);
        explanation.getStyleClass().add("muted");

        ComboBox<WhatChangedViewModel.Period> period = new ComboBox<>();
        period.setId("whatChangedPeriod");
        period.getItems().setAll(WhatChangedViewModel.Period.values());
        period.valueProperty().bindBidirectional(viewModel.periodProperty());
        Label show = new Label("_Show");
        show.setMnemonicParsing(true);
        show.setLabelFor(period);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label summary = new Label();
        summary.setId("whatChangedSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.setMinHeight(Region.USE_PREF_SIZE);
        show.setMinWidth(Region.USE_PREF_SIZE);
        period.setMinWidth(Region.USE_PREF_SIZE);
        HBox toolbar = new HBox(10, show, period, busy);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        TableView<ChangeRow> table = new TableView<>(viewModel.rows());
        table.setId("whatChangedTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No change in this period"));
        table.getColumns().add(column("Time", 130, ChangeRow::time));
        table.getColumns().add(column("Activity", 300, ChangeRow::activity));
        table.getColumns().add(column("Initiated by", 230, ChangeRow::initiatedBy));
        table.getColumns().add(column("Target", 160, ChangeRow::target));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setMinHeight(160);
        table.setPrefHeight(240); // grows with the window; never makes the window scroll as a whole

        VBox body = new VBox(10, title, explanation, toolbar, summary, table);
        Button again = new Button("Read a_gain");
        again.setId("whatChangedReload");
        again.disableProperty().bind(viewModel.busyProperty());
        again.setOnAction(event -> viewModel.load());
        Button stop = new Button("Sto_p");
        stop.setId("whatChangedStop");
        stop.disableProperty().bind(viewModel.busyProperty().not());
        stop.setOnAction(event -> viewModel.cancel());
        Button close = new Button("Close");
        close.setId("whatChangedClose");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(event -> window.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        window.whenClosed(viewModel::cancel);
        window.show(body, again, stop, spacer, close);
        viewModel.load();
    }

    /** A text column; the texts come from the tenant, so hidden characters are shown as codes. */
    private static TableColumn<ChangeRow, String> column(String name, double width, Function<ChangeRow, String> text) {
        TableColumn<ChangeRow, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(InertText.escape(text.apply(cell.getValue()))));
        return column;
    }
}
