package dev.gatehouse.ui.breakglass;

import static dev.gatehouse.ui.breakglass.HealthNodes.shownWhenNotEmpty;
import static dev.gatehouse.ui.breakglass.HealthNodes.wrapped;

import dev.gatehouse.ui.common.ModalWindow;
import dev.gatehouse.ui.common.VisibleText;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * "Start drill…": the checklist as check boxes, the day it was held, and "Record drill" once every item is ticked.
 * It says that nothing goes to the tenant and where the date is kept. Recording closes the window; the home then reads
 * the health again.
 */
final class DrillDialog {

    private static final double WIDTH = 720;
    private static final double HEIGHT = 640;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private DrillDialog() {
    }

    static Stage show(Window owner, DrillViewModel viewModel) {
        ModalWindow window = new ModalWindow(owner, "breakglass-drill", "Emergency-access drill", WIDTH, HEIGHT)
                .busyWhile(viewModel.recordingProperty());
        Label heading = new Label("Emergency-access drill");
        heading.getStyleClass().add("plan-title");
        Label intro = wrapped("Work through each item, tick it when it is done, then record the day the drill was "
                + "held. Microsoft advises a drill at least every 90 days, and whenever IT staff or subscriptions "
                + "change.", "muted");
        Label localOnly = wrapped(DrillViewModel.LOCAL_ONLY, "drill-local-only");

        VBox items = new VBox(10);
        items.setId("drillItems");
        for (DrillViewModel.Item item : viewModel.items()) {
            // the items name the accounts: tenant text
            CheckBox box = VisibleText.show(new CheckBox(), item.text());
            box.setWrapText(true);
            box.setMinHeight(Region.USE_PREF_SIZE);
            box.setMaxWidth(Double.MAX_VALUE);
            box.getStyleClass().add("drill-item");
            box.selectedProperty().bindBidirectional(item.doneProperty());
            box.disableProperty().bind(viewModel.recordingProperty());
            items.getChildren().add(box);
        }

        HBox dayRow = new HBox(10, new Label("Held on"), datePicker(viewModel));
        dayRow.setAlignment(Pos.CENTER_LEFT);
        Label problem = wrapped(new Label());
        problem.setId("drillProblem");
        problem.getStyleClass().add("sign-in-error");
        problem.textProperty().bind(viewModel.problemProperty());
        shownWhenNotEmpty(problem, viewModel.problemProperty());
        Label remaining = wrapped("Tick every item to record the drill.", "muted");
        remaining.visibleProperty().bind(Bindings.not(viewModel.allDoneProperty()));
        remaining.managedProperty().bind(remaining.visibleProperty());

        VBox body = new VBox(14, heading, intro, localOnly, items, dayRow, problem, remaining);

        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(viewModel.recordingProperty());
        cancel.setOnAction(event -> window.close());
        Button record = new Button("Record drill");
        record.setId("drillRecord");
        record.setDefaultButton(true);
        record.getStyleClass().add("accent");
        record.disableProperty().bind(Bindings.not(viewModel.canRecordProperty()));
        record.setOnAction(event -> viewModel.record());
        viewModel.recordedProperty().addListener((obs, was, done) -> {
            if (done) {
                window.close();
            }
        });
        return window.show(body, cancel, record);
    }

    /** Today by default; earlier days may be picked, later ones are greyed out (and refused if typed). */
    private static DatePicker datePicker(DrillViewModel viewModel) {
        DatePicker picker = new DatePicker();
        picker.setId("drillDay");
        picker.valueProperty().bindBidirectional(viewModel.dayProperty());
        picker.setDayCellFactory(view -> new DateCell() {
            @Override
            public void updateItem(LocalDate day, boolean empty) {
                super.updateItem(day, empty);
                setDisable(empty || day.isAfter(viewModel.today()));
            }
        });
        picker.disableProperty().bind(viewModel.recordingProperty());
        picker.setConverter(new StringConverter<>() {
            // "6 Dec 2026", as the home shows dates: a day and month no locale can swap
            @Override
            public String toString(LocalDate day) {
                return day == null ? "" : DAY.format(day);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                for (DateTimeFormatter format : List.of(DAY, DateTimeFormatter.ISO_LOCAL_DATE)) {
                    try {
                        return LocalDate.parse(text.strip(), format);
                    } catch (DateTimeParseException e) {
                        // not this form: try the next
                    }
                }
                return null; // unreadable: the checklist asks for the day instead of recording a guess
            }
        });
        return picker;
    }
}
