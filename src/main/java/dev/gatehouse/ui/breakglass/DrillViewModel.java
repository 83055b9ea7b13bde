package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.DrillChecklist;
import dev.gatehouse.domain.breakglass.DrillLog;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * "Start drill…": Microsoft's drill checklist with a tick per item (one sign-in per account among them), the day it
 * was held (today unless the admin picks an earlier one), and recording that day. Gatehouse cannot sign in as the
 * accounts, so the admin ticks; only the date is kept, on this machine, for this tenant. Nothing is sent to the tenant.
 */
public final class DrillViewModel {

    /** What the window says about where the date goes. */
    public static final String LOCAL_ONLY = "Nothing is sent to the tenant: Gatehouse cannot sign in as the accounts,"
            + " so you do each step and tick it here. Only the day the drill was held is kept, on this machine"
            + " (settings.properties in Gatehouse's data folder), for this tenant.";

    /** One item of the checklist and whether the admin has ticked it. */
    public static final class Item {
        private final String text;
        private final BooleanProperty done = new SimpleBooleanProperty(this, "done");

        Item(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public BooleanProperty doneProperty() {
            return done;
        }
    }

    private final TaskRunner runner;
    private final DrillLog log;
    private final String tenantId;
    private final LocalDate today;
    private final Runnable onRecorded;
    private final List<Item> items;
    private final ObjectProperty<LocalDate> day;
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording");
    private final ReadOnlyBooleanWrapper recorded = new ReadOnlyBooleanWrapper(this, "recorded");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final BooleanBinding allDone;
    private final BooleanBinding canRecord;

    /**
     * @param accounts   "Emergency Access 01 (bg-admin-01@contoso.onmicrosoft.com)", one per account
     * @param today      the first day offered, and the last one allowed
     * @param onRecorded runs on the FX thread once the date is kept (the home reads the health again)
     */
    public DrillViewModel(TaskRunner runner, DrillLog log, String tenantId, List<String> accounts, LocalDate today,
                          Runnable onRecorded) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.log = Objects.requireNonNull(log, "log");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.today = Objects.requireNonNull(today, "today");
        this.onRecorded = Objects.requireNonNull(onRecorded, "onRecorded");
        items = DrillChecklist.items(accounts).stream().map(Item::new).toList();
        day = new SimpleObjectProperty<>(this, "day", today);
        allDone = Bindings.createBooleanBinding(() -> items.stream().allMatch(item -> item.done.get()),
                items.stream().map(item -> item.done).toArray(BooleanProperty[]::new));
        day.addListener((obs, old, now) -> problem.set(dayProblem(now)));
        canRecord = allDone.and(Bindings.createBooleanBinding(() -> dayProblem(day.get()).isEmpty(), day))
                .and(recording.not());
    }

    public List<Item> items() {
        return items;
    }

    /** The day the drill was held; the admin may pick an earlier one, never a later one. */
    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    /** The last day that may be picked. */
    public LocalDate today() {
        return today;
    }

    /** True once every item is ticked. */
    public ObservableBooleanValue allDoneProperty() {
        return allDone;
    }

    /** Every item ticked, a day no later than today, and not recording already. */
    public ObservableBooleanValue canRecordProperty() {
        return canRecord;
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** True once the date is kept: the window closes. */
    public ReadOnlyBooleanProperty recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    /** Why the day cannot be recorded, or why recording failed; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Keeps the day on this machine, off the FX thread; the home reads the health again once it is kept. */
    public void record() {
        if (!canRecord.get()) {
            return;
        }
        LocalDate held = day.get();
        recording.set(true);
        problem.set("");
        // one short write: the window stays open while it runs (busyWhile), so it is never left half-known
        runner.run("Recording the drill", () -> {
            log.record(tenantId, held, today);
            return held;
        }, kept -> {
            recording.set(false);
            recorded.set(true);
            onRecorded.run();
        }, failure -> {
            recording.set(false);
            problem.set("The drill could not be recorded: " + (failure instanceof IllegalArgumentException
                    ? failure.getMessage() : ErrorText.of(failure)));
        });
    }

    private String dayProblem(LocalDate picked) {
        if (picked == null) {
            return "Pick the day the drill was held.";
        }
        if (picked.isAfter(today)) {
            return "A drill is recorded once it is held: pick today or an earlier day.";
        }
        return "";
    }
}
