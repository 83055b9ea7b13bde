package dev.gatehouse.domain.tenant;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the directory audit log ({@code GET /auditLogs/directoryAudits}).
 *
 * @param activity    {@code activityDisplayName}, e.g. "Add member to role"
 * @param initiatedBy the user's UPN or the app's display name; null when the entry names neither
 * @param result      as Graph gives it: "success", "failure", "timeout"…
 * @param targets     each target resource's display name, else its user principal name, else its id
 */
public record AuditRecord(Instant when, String activity, String category, String initiatedBy, String result,
                          List<String> targets) {

    public AuditRecord {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
