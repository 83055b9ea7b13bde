package dev.gatehouse.graph;

import com.microsoft.graph.models.AuditActivityInitiator;
import com.microsoft.graph.models.DirectoryAudit;
import com.microsoft.graph.models.OperationResult;
import com.microsoft.graph.models.TargetResource;
import dev.gatehouse.domain.method.RegistrationEvent;
import dev.gatehouse.domain.tenant.AuditRecord;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The directory audit log ({@code GET /auditLogs/directoryAudits}): method registrations as {@link RegistrationEvent}s,
 * and any entry about an object as an {@link AuditRecord}.
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
        return sinceFilter(since) + " and loggedByService eq '" + AUTHENTICATION_METHODS_SERVICE + "'"
                + " and " + targeting(userId);
    }

    /** Every entry about the object since {@code since}, whichever service logged it. */
    static String targetFilter(String objectId, Instant since) {
        return sinceFilter(since) + " and " + targeting(objectId);
    }

    /** Every entry since {@code since}: activityDateTime supports {@code ge} (directoryAudit resource type). */
    static String sinceFilter(Instant since) {
        return "activityDateTime ge " + DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String targeting(String objectId) {
        return "targetResources/any(t: t/id eq '" + objectId.replace("'", "''") + "')";
    }

    /** An entry as the break-glass health view lists it; null when Graph sent it without a date. */
    static AuditRecord record(DirectoryAudit audit) {
        if (audit.getActivityDateTime() == null) {
            return null;
        }
        List<String> targets = new ArrayList<>();
        for (TargetResource target : audit.getTargetResources() == null ? List.<TargetResource>of()
                : audit.getTargetResources()) {
            String name = firstOf(firstOf(target.getDisplayName(), target.getUserPrincipalName()), target.getId());
            if (name != null) {
                targets.add(name);
            }
        }
        return new AuditRecord(audit.getActivityDateTime().toInstant(), audit.getActivityDisplayName(),
                audit.getCategory(), initiatedBy(audit.getInitiatedBy()),
                audit.getResult() == null ? null : audit.getResult().getValue(), targets);
    }

    /** A successful registration entry as an event; empty for every other entry (deletions, failures, reviews). */
    static Optional<RegistrationEvent> registration(DirectoryAudit audit) {
        if (!REGISTRATIONS.contains(audit.getActivityDisplayName()) || audit.getResult() != OperationResult.Success
                || audit.getActivityDateTime() == null) {
            return Optional.empty();
        }
        AuditActivityInitiator initiator = audit.getInitiatedBy();
        String ip = initiator != null && initiator.getUser() != null ? initiator.getUser().getIpAddress() : null;
        return Optional.of(RegistrationEvent.fromAudit(audit.getActivityDateTime().toInstant(), audit.getResultReason(),
                initiatedBy(initiator), ip));
    }

    /** The user's UPN (else their name), or the app's display name; null when the entry names neither. */
    private static String initiatedBy(AuditActivityInitiator initiator) {
        if (initiator != null && initiator.getUser() != null) {
            return firstOf(initiator.getUser().getUserPrincipalName(), initiator.getUser().getDisplayName());
        }
        if (initiator != null && initiator.getApp() != null) {
            return initiator.getApp().getDisplayName();
        }
        return null;
    }

    private static String firstOf(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
