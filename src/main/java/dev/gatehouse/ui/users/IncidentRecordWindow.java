package dev.gatehouse.ui.users;

import dev.gatehouse.domain.recovery.incident.IncidentRecordFormat;
import dev.gatehouse.ui.common.ModalWindow;
import dev.gatehouse.ui.common.VisibleText;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PrinterJob;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The incident record of one user: read-only Markdown (the app has no web view), saved as Markdown, HTML or JSON
 * where the admin chooses, or printed. The read and the printing run in the background with progress and Cancel.
 */
final class IncidentRecordWindow {

    /** Small enough for a 1024 × 768 screen with the main window's edges still in view. */
    private static final double WIDTH = 900;
    private static final double HEIGHT = 640;

    private IncidentRecordWindow() {
    }

    static Stage show(Window owner, IncidentRecordViewModel record) {
        ModalWindow window = new ModalWindow(owner, "incident-record", "Incident record", WIDTH, HEIGHT)
                .busyWhile(record.savingProperty()).whenClosed(record::cancel);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(record.stateProperty().isEqualTo(LoadState.LOADING)
                .or(record.printingProperty()));
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("recordStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        VisibleText.bind(status, record.statusProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("recordCancel");
        cancel.setOnAction(event -> record.cancel());
        cancel.visibleProperty().bind(progress.visibleProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Button again = new Button("Read again");
        again.setId("recordReadAgain");
        again.setOnAction(event -> record.load());
        again.visibleProperty().bind(record.stateProperty().isEqualTo(LoadState.FAILED));
        again.managedProperty().bind(again.visibleProperty());
        HBox statusRow = new HBox(10, progress, status, cancel, again);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        statusRow.visibleProperty().bind(status.textProperty().isNotEmpty());
        statusRow.managedProperty().bind(statusRow.visibleProperty());

        // the Markdown itself: what is saved as .md and pasted into a ticket, selectable but not editable
        TextArea text = new TextArea();
        text.setId("recordText");
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("incident-record");
        text.textProperty().bind(record.textProperty());
        VBox.setVgrow(text, Priority.ALWAYS);

        VBox body = new VBox(10, statusRow, text);
        body.getStyleClass().add("window-body");
        body.setPadding(new Insets(14, 20, 10, 20));

        Button save = new Button("Save as\u2026");
        save.setId("recordSave");
        Button print = new Button("Print\u2026");
        print.setId("recordPrint");
        for (Button button : List.of(save, print)) {
            button.disableProperty().bind(record.stateProperty().isNotEqualTo(LoadState.LOADED)
                    .or(record.savingProperty()).or(record.printingProperty()));
        }
        Button close = new Button("Close");
        close.setId("recordClose");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(event -> window.close());
        save.setOnAction(event -> saveAs(window.stage(), record));
        print.setOnAction(event -> print(window.stage(), record));
        record.replaceQuestionProperty().addListener((o, was, file) -> {
            if (file != null) {
                askReplace(window.stage(), record, file);
            }
        });

        HBox footer = new HBox(10, save, print, new Region(), close);
        HBox.setHgrow(footer.getChildren().get(2), Priority.ALWAYS);
        footer.setAlignment(Pos.CENTER_RIGHT);
        footer.getStyleClass().add("window-footer");
        BorderPane root = new BorderPane(body);
        root.setBottom(footer);
        return window.show(root);
    }

    /** The format follows the file's extension, else the type chosen in the dialog. */
    private static void saveAs(Stage stage, IncidentRecordViewModel record) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the incident record");
        for (IncidentRecordFormat format : IncidentRecordFormat.values()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label() + " (*."
                    + format.extension() + ")", "*." + format.extension()));
        }
        chooser.setInitialFileName(record.suggestedName(IncidentRecordFormat.MARKDOWN));
        File chosen = chooser.showSaveDialog(stage);
        if (chosen == null) {
            return;
        }
        Path file = chosen.toPath();
        int filter = chooser.getExtensionFilters().indexOf(chooser.getSelectedExtensionFilter());
        IncidentRecordFormat format = IncidentRecordFormat.ofFileName(file).orElse(
                IncidentRecordFormat.values()[Math.max(0, filter)]);
        record.save(file, format);
    }

    private static void askReplace(Stage owner, IncidentRecordViewModel record, Path file) {
        ModalWindow ask = new ModalWindow(owner, "replace-file", "Replace the file?", 520, ModalWindow.FIT_CONTENT);
        Label question = ActionWindows.text(file + " exists already. Replace it with the incident record? Its "
                + "contents now are lost.");
        question.setId("recordReplaceQuestion");
        Button keep = new Button("Keep the file");
        keep.setId("recordKeep");
        keep.setCancelButton(true);
        keep.setDefaultButton(true);
        Button replace = new Button("Replace");
        replace.setId("recordReplace");
        boolean[] answered = {false};
        keep.setOnAction(event -> ask.close());
        replace.setOnAction(event -> {
            answered[0] = true;
            ask.close();
            record.replaceConfirmed();
        });
        ask.whenClosed(() -> {
            if (!answered[0]) {
                record.replaceDeclined();
            }
        });
        ask.show(new VBox(12, ActionWindows.title("Replace the file?"), question), keep, replace);
    }

    /**
     * The print dialog on the UI thread; the pages then go to the printer in the background, with progress and the
     * outcome in the status line. A machine without a printer is told so.
     */
    private static void print(Stage stage, IncidentRecordViewModel record) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            record.printProblem("No printer is set up on this computer.");
            return;
        }
        if (!job.showPrintDialog(stage)) {
            job.cancelJob();
            return;
        }
        record.print(FxRecordPrintJob.of(job, record.lines()));
    }
}
