package dev.gatehouse.sim.state;

import java.time.Instant;
import java.util.UUID;

/**
 * A PIM-eligible directory role ({@code unifiedRoleEligibilitySchedule}): the principal may activate the role, and
 * does not hold it until then, so it is no role assignment and grants nothing in the demo tenant.
 *
 * @param end when the eligibility ends; null when it is permanent
 */
public record SimRoleEligibility(String id, String principalId, String roleDefinitionId, String directoryScopeId,
                                 Instant start, Instant end) implements SimSchedule {

    /** A tenant-wide eligibility with a GUID id, as the documented examples show. */
    public static SimRoleEligibility tenantWide(String principalId, String roleDefinitionId, Instant start,
                                                Instant end) {
        return new SimRoleEligibility(UUID.nameUUIDFromBytes(("eligibility:" + principalId + "/" + roleDefinitionId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(), principalId, roleDefinitionId, "/",
                start, end);
    }
}
