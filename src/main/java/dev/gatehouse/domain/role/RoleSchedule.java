package dev.gatehouse.domain.role;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A role a principal holds or may activate, as Privileged Identity Management schedules it: one entry of
 * {@code GET /roleManagement/directory/roleAssignmentSchedules} (active) or {@code …/roleEligibilitySchedules}
 * (eligible), Graph v1.0 ({@code unifiedRoleAssignmentSchedule}, {@code unifiedRoleEligibilitySchedule}). An
 * assignment made through {@code POST /roleManagement/directory/roleAssignments} is listed as an active schedule too,
 * with {@code expiration.type} {@code noExpiration} (rbacapplication-list-roleassignmentschedules, its example).
 *
 * @param principalId      the user or role-assignable group that holds it
 * @param roleDefinitionId the role's template id
 * @param directoryScopeId {@code /} for the whole tenant
 * @param permanent        {@code expiration.type} is {@code noExpiration}; anything else ends
 * @param end              when it ends ({@code endDateTime}, or the start plus {@code duration}); empty when it is
 *                         permanent, or when Graph gave no date for an end
 */
public record RoleSchedule(String principalId, String roleDefinitionId, String directoryScopeId, Kind kind,
                           boolean permanent, Optional<Instant> end) {

    public enum Kind {
        /** The principal may activate the role (PIM-eligible); until then it does not hold it. */
        ELIGIBLE,
        /** Active because an administrator assigned it ({@code assignmentType} {@code Assigned}). */
        ASSIGNED,
        /** Active because the principal activated an eligible assignment ({@code Activated}): always time-bound. */
        ACTIVATED
    }

    public RoleSchedule {
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(roleDefinitionId, "roleDefinitionId");
        Objects.requireNonNull(kind, "kind");
        end = end == null ? Optional.empty() : end;
        if (permanent && end.isPresent()) {
            throw new IllegalArgumentException("A permanent schedule has no end");
        }
    }

    public static RoleSchedule permanent(String principalId, String roleDefinitionId, Kind kind) {
        return new RoleSchedule(principalId, roleDefinitionId, "/", kind, true, Optional.empty());
    }

    public static RoleSchedule until(String principalId, String roleDefinitionId, Kind kind, Instant end) {
        return new RoleSchedule(principalId, roleDefinitionId, "/", kind, false, Optional.of(end));
    }

    public boolean active() {
        return kind != Kind.ELIGIBLE;
    }

    public boolean tenantWide() {
        return "/".equals(directoryScopeId);
    }

    public boolean is(DirectoryRole role) {
        return role.templateId().equalsIgnoreCase(roleDefinitionId);
    }
}
