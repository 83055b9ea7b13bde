package dev.gatehouse.ui.users;

import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.recovery.incident.IncidentRecord;
import dev.gatehouse.domain.recovery.incident.IncidentRecordFiles;
import dev.gatehouse.domain.recovery.incident.IncidentRecordFormat;
import dev.gatehouse.domain.recovery.incident.IncidentRecords;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The "Incident record…" window of the open user: reads the record off the UI thread (cancellable), shows it as
 * Markdown, saves it where the admin chose — a file that exists is replaced only after the admin said so — and prints
 * it off the UI thread. Nothing is written anywhere else.
 */
public final class IncidentRecordViewModel {

    private final RecoveryDesk desk;
    private final String userId;
    private final TaskRunner runner;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(this, "state", LoadState.IDLE);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyBooleanWrapper printing = new ReadOnlyBooleanWrapper(this, "printing");
    private final ReadOnlyObjectWrapper<Path> replaceQuestion = new ReadOnlyObjectWrapper<>(this, "replaceQuestion");
    private IncidentRecord record;
    private IncidentRecordFormat pendingFormat;
    private Cancellable reading = Cancellable.NONE;
    private Cancellable printTask = Cancellable.NONE;
    private RecordPrintJob printJob;

    IncidentRecordViewModel(RecoveryDesk desk, String userId, TaskRunner runner, Clock clock) {
        this.desk = desk;
        this.userId = userId;
        this.runner = runner;
        this.clock = clock;
    }

    /** Reads the user, their audit-log registrations and this computer's journal for the last 7 days. */
    public void load() {
        reading.cancel();
        record = null;
        text.set("");
        state.set(LoadState.LOADING);
        status.set("Reading the user, the directory audit log and this computer's journal\u2026");
        reading = runner.run("Reading the incident record",
                () -> desk.incidentRecord(userId, clock.instant().minus(IncidentRecords.DEFAULT_SINCE)),
                read -> {
                    record = read;
                    text.set(IncidentRecordFormat.MARKDOWN.render(read));
                    state.set(LoadState.LOADED);
                    status.set("");
                },
                failure -> {
                    state.set(LoadState.FAILED);
                    status.set("The record could not be read: " + ErrorText.of(failure));
                });
    }

    /** Stops the read (nothing is shown and nothing was written), or the printing. */
    public void cancel() {
        if (printing.get()) {
            printTask.cancel();
            printJob.cancel();
            printing.set(false);
            status.set("Printing cancelled. Pages the printer already took may still come out.");
            return;
        }
        if (state.get() != LoadState.LOADING) {
            return;
        }
        reading.cancel();
        state.set(LoadState.FAILED);
        status.set("Cancelled: the record was not read. Read it again to see it.");
    }

    /** Saves the record as a new file; when {@code file} exists, asks first ({@link #replaceQuestionProperty}). */
    public void save(Path file, IncidentRecordFormat format) {
        write(file, format, false);
    }

    /** The admin said yes to replacing the file {@link #replaceQuestionProperty} names. */
    public void replaceConfirmed() {
        Path file = replaceQuestion.get();
        if (file != null) {
            replaceQuestion.set(null);
            write(file, pendingFormat, true);
        }
    }

    /** The admin said no: nothing is written. */
    public void replaceDeclined() {
        if (replaceQuestion.get() != null) {
            status.set("Not saved: " + replaceQuestion.get() + " was left as it was.");
            replaceQuestion.set(null);
        }
    }

    private void write(Path file, IncidentRecordFormat format, boolean replace) {
        IncidentRecord saved = record;
        if (saved == null || saving.get()) {
            return;
        }
        saving.set(true);
        status.set("Saving\u2026");
        runner.run("Saving the incident record", () -> {
            IncidentRecordFiles.write(file, saved, format, replace);
            return file;
        }, written -> {
            saving.set(false);
            status.set("Saved as " + format.label() + ": " + written + ". No password or pass is in it.");
        }, failure -> {
            saving.set(false);
            if (failure instanceof FileAlreadyExistsException) {
                pendingFormat = format;
                status.set("");
                replaceQuestion.set(file);
            } else {
                status.set("Not saved: " + ErrorText.of(failure));
            }
        });
    }

    /** A file name to start the save dialog from. */
    public String suggestedName(IncidentRecordFormat format) {
        return record == null ? "incident." + format.extension() : format.suggestedName(record);
    }

    /** The record's lines as shown, for printing. */
    public List<String> lines() {
        return text.get().lines().toList();
    }

    /** The record read, once loaded. */
    public Optional<IncidentRecord> record() {
        return Optional.ofNullable(record);
    }

    /**
     * Sends the record to the printer chosen in the print dialog, in the background: the spooler or a network printer
     * may keep the job waiting, and the window stays responsive meanwhile, saying which page went.
     */
    void print(RecordPrintJob job) {
        if (record == null || saving.get() || printing.get()) {
            job.cancel();
            return;
        }
        printJob = job;
        printing.set(true);
        String printer = job.printerName();
        int pages = job.pageCount();
        status.set("Sending the record to " + printer + "\u2026");
        printTask = runner.run("Printing the incident record", () -> {
            job.print(page -> runner.runOnUiThread(() -> {
                if (printing.get()) {
                    status.set("Sending the record to " + printer + ": page " + page + " of " + pages + " sent\u2026");
                }
            }));
            return printer;
        }, done -> {
            printing.set(false);
            printed(done);
        }, failure -> {
            printing.set(false);
            printProblem(failure instanceof RecordPrintJob.NotPrintedException ? failure.getMessage()
                    : "Printing failed. " + ErrorText.of(failure) + ".");
        });
    }

    /** The printer could not be used: say what to do instead. */
    public void printProblem(String why) {
        status.set(why + " Save the record as HTML and print it from a browser, or attach it to the ticket.");
    }

    private void printed(String printer) {
        status.set("Sent to " + printer + ".");
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The record as Markdown; empty until read. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Progress, the outcome of a save or print, or why the record could not be read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The record is on its way to the printer: Cancel stops it. */
    public ReadOnlyBooleanProperty printingProperty() {
        return printing.getReadOnlyProperty();
    }

    /** A file the admin chose that exists: the view asks whether to replace it; null when nothing is asked. */
    public ReadOnlyObjectProperty<Path> replaceQuestionProperty() {
        return replaceQuestion.getReadOnlyProperty();
    }
}
