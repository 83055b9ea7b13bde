package dev.gatehouse.ui.trainer;

import dev.gatehouse.domain.tenant.AuditRecord;
import dev.gatehouse.ui.common.TimeText;

import java.time.Instant;
import java.time.ZoneId;

/**
 * One line of "What just changed": an entry of the directory audit log as a trainer reads it.
 *
 * @param time        "6 Dec 2026, 14:05" in the admin's zone
 * @param initiatedBy the user's UPN or the app's name; "—" when the entry names neither
 * @param target      the target resources' names, joined
 */
public record ChangeRow(Instant when, String time, String activity, String initiatedBy, String target, String result) {

    static ChangeRow of(AuditRecord record, ZoneId zone) {
        return new ChangeRow(record.when(), TimeText.dateTime(record.when(), zone), record.activity(),
                record.initiatedBy() == null ? "\u2014" : record.initiatedBy(),
                record.targets().isEmpty() ? "\u2014" : String.join(", ", record.targets()),
                record.result() == null ? "" : record.result());
    }
}
