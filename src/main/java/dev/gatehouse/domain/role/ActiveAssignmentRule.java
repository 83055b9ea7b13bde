package dev.gatehouse.domain.role;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long Privileged Identity Management lets an administrator make a role active: the rule
 * {@code Expiration_Admin_Assignment} ({@code unifiedRoleManagementPolicyExpirationRule}) of the role's policy, read
 * through {@code GET /policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'DirectoryRole'
 * and roleDefinitionId eq '…'&$expand=policy($expand=rules)} (policyroot-list-rolemanagementpolicyassignments,
 * Example 2). In the Entra admin center: the role's settings, tab Assignment, "Allow permanent active assignment".
 *
 * @param expirationRequired {@code isExpirationRequired}: active assignments must end, none may be permanent
 * @param maximumDuration    {@code maximumDuration} as Graph gives it (ISO 8601, e.g. {@code P180D}); empty when absent
 */
public record ActiveAssignmentRule(boolean expirationRequired, Optional<String> maximumDuration) {

    public ActiveAssignmentRule {
        maximumDuration = maximumDuration == null ? Optional.empty() : maximumDuration;
    }

    /** "180 days", "8 hours", or the ISO text when it is neither whole days nor whole hours. */
    public Optional<String> maximum() {
        return maximumDuration.map(text -> {
            try {
                Duration duration = Duration.parse(text);
                if (duration.toHours() % 24 == 0 && !duration.isZero()) {
                    long days = duration.toDays();
                    return days + (days == 1 ? " day" : " days");
                }
                long hours = duration.toHours();
                return Duration.ofHours(hours).equals(duration) ? hours + (hours == 1 ? " hour" : " hours") : text;
            } catch (DateTimeParseException e) {
                return text;
            }
        });
    }
}
