package dev.gatehouse.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.state.SimGroup;
import dev.gatehouse.sim.state.SimRoleAssignment;
import dev.gatehouse.sim.state.SimRoleEligibility;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A scenario's PIM schedules, written as Graph lists them ({@code unifiedRoleAssignmentSchedule},
 * {@code unifiedRoleEligibilitySchedule}): {@code principalId} (a user or a role-assignable group, {@code {{user:…}}}
 * or {@code {{group:…}}}), {@code roleDefinitionId} ({@code {{role:…}}}), {@code directoryScopeId} {@code /}, for an
 * active one {@code assignmentType} ({@code Assigned}, default, or {@code Activated}), and {@code scheduleInfo} with
 * {@code startDateTime} (default: when the scenario loads) and {@code expiration}: {@code noExpiration} (default),
 * {@code afterDateTime} with {@code endDateTime}, or {@code afterDuration} with an ISO-8601 {@code duration}.
 */
final class PimSchedules {

    private final TenantState state;
    private final Instant now;

    PimSchedules(TenantState state, Instant now) {
        this.state = state;
        this.now = now;
    }

    void addAssignment(ObjectNode schedule) {
        String principal = principal(schedule);
        String role = role(schedule);
        Instant start = start(schedule);
        Instant end = end(schedule, start);
        String type = schedule.path("assignmentType").asText("Assigned");
        if (!type.equals("Assigned") && !type.equals("Activated")) {
            throw new IllegalArgumentException("roleAssignmentSchedules: assignmentType is Assigned or Activated, not '"
                    + type + "'");
        }
        SimRoleAssignment assignment = SimRoleAssignment.timeBound(principal, role, start, end,
                type.equals("Activated"));
        if (state.roleAssignments().stream().anyMatch(a -> a.id().equals(assignment.id()))) {
            throw new IllegalArgumentException("roleAssignmentSchedules: " + principal + " already holds role " + role
                    + " (a principal holds a role at a scope once)");
        }
        state.addRoleAssignment(assignment);
    }

    void addEligibility(ObjectNode schedule) {
        Instant start = start(schedule);
        state.addRoleEligibility(SimRoleEligibility.tenantWide(principal(schedule), role(schedule), start,
                end(schedule, start)));
    }

    private String principal(ObjectNode schedule) {
        String id = required(schedule, "principalId");
        if (state.user(id).isPresent()) {
            return state.user(id).map(SimUser::id).orElseThrow();
        }
        SimGroup group = state.group(id).orElseThrow(() -> new IllegalArgumentException("PIM schedule: principalId '"
                + id + "' is neither a user nor a group of the scenario"));
        if (!group.roleAssignable()) {
            throw new IllegalArgumentException("PIM schedule: group " + group.displayName()
                    + " is not role-assignable (isAssignableToRole: true)");
        }
        return group.id();
    }

    private String role(ObjectNode schedule) {
        String id = required(schedule, "roleDefinitionId");
        if (!"/".equals(schedule.path("directoryScopeId").asText("/"))) {
            throw new IllegalArgumentException("PIM schedule: the demo tenant schedules roles at directoryScopeId '/' "
                    + "only");
        }
        return state.roles().byId(id).map(d -> d.path("templateId").asText().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("PIM schedule: unknown roleDefinitionId '" + id + "'"));
    }

    private Instant start(ObjectNode schedule) {
        JsonNode start = schedule.path("scheduleInfo").path("startDateTime");
        return start.isTextual() ? RelativeTime.resolve(start.asText(), now) : now;
    }

    /** Null for {@code noExpiration}. */
    private Instant end(ObjectNode schedule, Instant start) {
        JsonNode expiration = schedule.path("scheduleInfo").path("expiration");
        String type = expiration.path("type").asText("noExpiration");
        return switch (type) {
            case "noExpiration" -> null;
            case "afterDateTime" -> RelativeTime.resolve(required((ObjectNode) expiration, "endDateTime"), now);
            case "afterDuration" -> {
                String duration = required((ObjectNode) expiration, "duration");
                try {
                    yield start.plus(Duration.parse(duration));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("PIM schedule: duration '" + duration + "' is not an ISO-8601 "
                            + "duration such as P30D or PT8H");
                }
            }
            default -> throw new IllegalArgumentException("PIM schedule: expiration type is noExpiration, "
                    + "afterDateTime or afterDuration, not '" + type + "'");
        };
    }

    private static String required(ObjectNode node, String field) {
        String value = node.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("PIM schedule: " + field + " is missing");
        }
        return value;
    }
}
