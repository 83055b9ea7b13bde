package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.AccountFacts;
import dev.gatehouse.domain.breakglass.BreakGlassRecord;
import dev.gatehouse.domain.breakglass.BreakGlassRecordFiles;
import dev.gatehouse.domain.breakglass.HealthRead;
import dev.gatehouse.domain.breakglass.RecordNotes;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.wizard.InformationStep;
import dev.gatehouse.ui.wizard.StageForm;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * Step 10, the record: a printable page of the accounts, their keys, the next drill and the checkers' entries, with
 * what the admin types per account — the key's label and where it is kept, and where each password part is kept when
 * the two-part hand-off was used. The notes are saved with the run's answers (places, never secrets); the page is
 * written as PDF or HTML off the FX thread, never over an existing file.
 */
public final class RecordStepViewModel implements StageForm {

    /** One account's notes as the admin types them. */
    public static final class AccountRow {
        private final String id;
        private final String name;
        private final StringProperty keyLabel = new SimpleStringProperty(this, "keyLabel", "");
        private final StringProperty keyPlace = new SimpleStringProperty(this, "keyPlace", "");
        private final StringProperty partOnePlace = new SimpleStringProperty(this, "partOnePlace", "");
        private final StringProperty partTwoPlace = new SimpleStringProperty(this, "partTwoPlace", "");
        /** Held by the row: a binding nobody holds is collected, and stops listening. */
        private final Observable edited = Changes.of(keyLabel, keyPlace, partOnePlace, partTwoPlace);

        AccountRow(String id, String name, RecordNotes.AccountNotes notes) {
            this.id = id;
            this.name = name;
            keyLabel.set(notes.keyLabel());
            keyPlace.set(notes.keyPlace());
            partOnePlace.set(notes.passwordPartOnePlace());
            partTwoPlace.set(notes.passwordPartTwoPlace());
        }

        public String name() {
            return name;
        }

        public StringProperty keyLabelProperty() {
            return keyLabel;
        }

        public StringProperty keyPlaceProperty() {
            return keyPlace;
        }

        public StringProperty partOnePlaceProperty() {
            return partOnePlace;
        }

        public StringProperty partTwoPlaceProperty() {
            return partTwoPlace;
        }
    }

    /** What the step needs from one read: the health read the record is made from, and the tenant's identity. */
    record Read(dev.gatehouse.domain.tenant.TenantInfo tenant, HealthRead health) {
    }

    private final TaskRunner runner;
    private final Callable<Read> read;
    private final String madeBy;
    private final BooleanSupplier twoParts;
    private final ObservableList<AccountRow> accounts = FXCollections.observableArrayList();
    private final SimpleObjectProperty<Object> edits = new SimpleObjectProperty<>(this, "edits");
    private final Observable changes = Changes.of(edits);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final InformationStep step;
    private RecordNotes saved = RecordNotes.none();
    private Read last;
    private Cancellable reading = Cancellable.NONE;

    /**
     * @param read     the tenant and the health view's read, on a worker
     * @param madeBy   the signed-in admin, printed on the record
     * @param twoParts whether the passwords were handed over in two parts (the plan's answer)
     */
    RecordStepViewModel(TaskRunner runner, Callable<Read> read, String madeBy, BooleanSupplier twoParts) {
        this.runner = runner;
        this.read = read;
        this.madeBy = madeBy;
        this.twoParts = twoParts;
        step = new InformationStep("Record", ready, Bindings.createStringBinding(() -> !problem.get().isEmpty()
                ? problem.get() : ready.get() ? "" : status.get(), ready, status, problem), this::load,
                () -> reading.cancel());
    }

    public InformationStep step() {
        return step;
    }

    /** Reads the accounts afresh, keeping what the admin typed (or what the run saved) for each. */
    private void load() {
        RecordNotes typed = notes().orElse(saved);
        status.set("Reading the accounts and their keys for the record\u2026");
        reading.cancel();
        reading = runner.run("Reading the emergency-access accounts for the record", read::call, fresh -> {
            last = fresh;
            accounts.setAll(fresh.health().accounts().stream().map(a -> row(a, typed)).toList());
            status.set(accounts.isEmpty() ? "No emergency-access account to record yet." : "");
            ready.set(true);
        }, failure -> status.set("The accounts could not be read for the record: " + ErrorText.of(failure)));
    }

    private AccountRow row(AccountFacts account, RecordNotes notes) {
        AccountRow row = new AccountRow(account.id(), account.displayName() + " (" + account.userPrincipalName() + ")",
                notes.of(account.id()));
        // any edit saves with the run's answers when the admin moves or closes
        row.edited.addListener(obs -> edits.set(new Object()));
        return row;
    }

    /** The notes as typed; empty (with {@link #problemProperty()} saying why) while one is too long. */
    Optional<RecordNotes> notes() {
        RecordNotes notes = RecordNotes.none().withPasswordInTwoParts(twoParts.getAsBoolean());
        try {
            for (AccountRow row : accounts) {
                notes = notes.with(row.id, new RecordNotes.AccountNotes(row.keyLabel.get(), row.keyPlace.get(),
                        row.partOnePlace.get(), row.partTwoPlace.get()));
            }
            problem.set("");
            return Optional.of(notes);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes the record to {@code file}, a new file, in {@code format}; off the FX thread. */
    public void save(Path file, BreakGlassRecordFiles.Format format) {
        Optional<BreakGlassRecord> record = record();
        if (record.isEmpty()) {
            return;
        }
        status.set("Saving the record\u2026");
        runner.run("Saving the break-glass record", () -> {
            BreakGlassRecordFiles.write(file, record.get(), format);
            return file;
        }, written -> status.set("Saved: " + written + ". Print it and keep it with the keys' places, never with a "
                + "key."), failure -> status.set("Not saved: " + ErrorText.of(failure)));
    }

    /** The record as it would be saved now; empty before the accounts were read or while a note is too long. */
    Optional<BreakGlassRecord> record() {
        if (last == null) {
            return Optional.empty();
        }
        return notes().map(notes -> BreakGlassRecord.of(last.tenant(), last.health(), notes, madeBy));
    }

    /** A name for the file chooser to start from. */
    public String suggestedName(BreakGlassRecordFiles.Format format) {
        return record().map(r -> BreakGlassRecordFiles.suggestedName(r, format)).orElse("breakglass-record."
                + format.extension());
    }

    @Override
    public Optional<Answers> answers() {
        if (accounts.isEmpty()) {
            return Optional.of(saved == RecordNotes.none() ? Answers.none()
                    : Answers.none().with(RecordNotes.ANSWER, saved));
        }
        return notes().map(notes -> Answers.none().with(RecordNotes.ANSWER, notes));
    }

    @Override
    public String problem() {
        return problem.get();
    }

    @Override
    public void restore(Answers answers) {
        answers.get(RecordNotes.ANSWER, RecordNotes.class).ifPresent(notes -> saved = notes);
    }

    @Override
    public Observable changes() {
        return changes;
    }

    public ObservableList<AccountRow> accounts() {
        return accounts;
    }

    /** The password parts' places are asked for: the passwords were handed over in two parts. */
    public boolean passwordParts() {
        return twoParts.getAsBoolean();
    }

    /** The accounts were read: the record can be saved. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** Reading, saving, saved, or why not. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A note that is too long; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
