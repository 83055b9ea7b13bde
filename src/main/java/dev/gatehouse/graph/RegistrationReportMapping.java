package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.method.UserRegistrationDetail;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One row of {@code GET /reports/authenticationMethods/userRegistrationDetails} to the domain's record. Read as JSON
 * rather than through the SDK model: {@code methodsRegistered} is open-ended (graph-facts §8), and the documented
 * example answers {@code userPreferredMethodForSecondaryAuthentication: ""}, which is no member of the SDK's enum.
 */
final class RegistrationReportMapping {

    private RegistrationReportMapping() {
    }

    static UserRegistrationDetail detail(JsonNode row) {
        Set<String> methods = new LinkedHashSet<>();
        row.path("methodsRegistered").forEach(method -> methods.add(method.asText()));
        return new UserRegistrationDetail(row.path("id").asText(), row.path("userPrincipalName").asText(null),
                row.path("userDisplayName").asText(null), "guest".equalsIgnoreCase(row.path("userType").asText()),
                row.path("isAdmin").asBoolean(false), row.path("isMfaRegistered").asBoolean(false),
                row.path("isMfaCapable").asBoolean(false), row.path("isPasswordlessCapable").asBoolean(false),
                methods, instant(row.path("lastUpdatedDateTime").asText(null)));
    }

    /** A date Graph left out or wrote unreadably leaves the row undated: the report is still worth reading. */
    private static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
