package dev.gatehouse.ui.trainer;

import dev.gatehouse.domain.tenant.AuditRecord;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.common.TimeText;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * "What just changed": the demo tenant's directory audit log ({@code GET /auditLogs/directoryAudits}, through the
 * tenant port) since the last reset or over the last minutes, newest first, so a trainer can show what each action
 * left behind.
 */
public final class WhatChangedViewModel {

    /** How far back the list goes. */
    public enum Period {
        SINCE_RESET("Since the last reset", null),
        LAST_15_MINUTES("Last 15 minutes", Duration.ofMinutes(15)),
        LAST_HOUR("Last hour", Duration.ofHours(1)),
        LAST_DAY("Last 24 hours", Duration.ofDays(1));

        private final String label;
        private final Duration span;

        Period(String label, Duration span) {
            this.label = label;
            this.span = span;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final TaskRunner runner;
    private final TenantDirectory directory;
    private final Clock clock;
    private final Instant lastReset;
    private final String actor;
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period", Period.SINCE_RESET);
    private final ObservableList<ChangeRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private Cancellable inFlight = Cancellable.NONE;

    /**
     * @param lastReset when the scenario was last loaded as it ships (the connection's start, or the last reset)
     * @param actor     the admin Gatehouse acts as instead of the scenario's, empty when it acts as the scenario's
     */
    WhatChangedViewModel(TaskRunner runner, TenantDirectory directory, Clock clock, Instant lastReset, String actor) {
        this.runner = runner;
        this.directory = directory;
        this.clock = clock;
        this.lastReset = lastReset;
        this.actor = actor;
        period.addListener((obs, old, now) -> load());
    }

    /** Reads the log for the chosen period again, replacing what is shown. */
    public void load() {
        inFlight.cancel();
        Instant since = since();
        busy.set(true);
        summary.set("Reading the directory audit log\u2026");
        inFlight = runner.run("Reading the demo tenant's audit log", () -> directory.auditLog(since), records -> {
            busy.set(false);
            show(records, since);
        }, failure -> {
            busy.set(false);
            rows.clear();
            // the log is read as the admin Gatehouse acts as: a smaller role may not read it, as in Entra
            summary.set("Could not read the directory audit log: " + ErrorText.of(failure) + (actor.isEmpty() ? ""
                    : " Gatehouse acts as " + actor + " now; go back to the scenario's admin (Trainer, Act as "
                    + "another admin) to read the log."));
        });
    }

    /** Stops the read in flight; what was shown before stays. */
    public void cancel() {
        if (busy.get()) {
            inFlight.cancel();
            busy.set(false);
            summary.set("Stopped before the audit log was read.");
        }
    }

    private Instant since() {
        Period chosen = period.get();
        return chosen.span == null ? lastReset : clock.instant().minus(chosen.span);
    }

    private void show(List<AuditRecord> records, Instant since) {
        rows.setAll(records.stream().map(record -> ChangeRow.of(record, clock.getZone())).toList());
        String from = period.get() == Period.SINCE_RESET ? "since the last reset (" : "since ";
        String time = TimeText.dateTime(since, clock.getZone()) + (period.get() == Period.SINCE_RESET ? ")" : "");
        summary.set((records.isEmpty() ? "No change" : records.size() == 1 ? "1 change" : records.size() + " changes")
                + " in the directory audit log " + from + time + ", newest first.");
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObservableList<ChangeRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "3 changes in the directory audit log since the last reset (6 Dec 2026, 14:02), newest first." */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
