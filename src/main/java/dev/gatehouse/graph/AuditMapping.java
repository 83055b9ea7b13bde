package dev.gatehouse.graph;

import com.microsoft.graph.models.AuditActivityInitiator;
import com.microsoft.graph.models.DirectoryAudit;
import com.microsoft.graph.models.OperationResult;
import dev.gatehouse.domain.method.RegistrationEvent;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * The directory audit log's method registrations ({@code GET /auditLogs/directoryAudits}) as {@link RegistrationEvent}s.
 * Activity names are those of Entra's audit activity reference, Authentication Methods service.
 */
final class AuditMapping {

    static final String AUTHENTICATION_METHODS_SERVICE = "Authentication Methods";
    static final Set<String> REGISTRATIONS = Set.of("User registered security info", "Admin registered security info");

    private AuditMapping() {
    }

    /**
     * One request for the user's method activity since {@code since}: {@code activityDateTime} (ge),
     * {@code loggedByService} (eq) and {@code targetResources} id (eq) are filterable per directoryAudit's docs.
     * Filtering by service rather than by the two activity names avoids an {@code or}, which the docs do not list.
     */
    static String registrationsFilter(String userId, Instant since) {
        return "activityDateTime ge " + DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(ChronoUnit.SECONDS))
                + " and loggedByService eq '" + AUTHENTICATION_METHODS_SERVICE + "'"
                + " and targetResources/any(t: t/id eq '" + userId.replace("'", "''") + "')";
    }

    /** A successful registration entry as an event; empty for every other entry (deletions, failures, reviews). */
    static Optional<RegistrationEvent> registration(DirectoryAudit audit) {
        if (!REGISTRATIONS.contains(audit.getActivityDisplayName()) || audit.getResult() != OperationResult.Success
                || audit.getActivityDateTime() == null) {
            return Optional.empty();
        }
        AuditActivityInitiator initiator = audit.getInitiatedBy();
        String by = null;
        String ip = null;
        if (initiator != null && initiator.getUser() != null) {
            by = firstOf(initiator.getUser().getUserPrincipalName(), initiator.getUser().getDisplayName());
            ip = initiator.getUser().getIpAddress();
        } else if (initiator != null && initiator.getApp() != null) {
            by = initiator.getApp().getDisplayName();
        }
        return Optional.of(RegistrationEvent.fromAudit(audit.getActivityDateTime().toInstant(), audit.getResultReason(),
                by, ip));
    }

    private static String firstOf(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
