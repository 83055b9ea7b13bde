package dev.gatehouse.sim.state;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An active directory role assignment ({@code unifiedRoleAssignment}) and the PIM schedule Graph lists for it
 * ({@code unifiedRoleAssignmentSchedule}): permanent unless PIM gave it an end.
 *
 * @param roleDefinitionId the role's template id (Graph accepts it as the definition id)
 * @param directoryScopeId {@code /} for the whole tenant
 * @param start            when it began; null until the tenant stamps it ({@link TenantState#addRoleAssignment})
 * @param end              when PIM ends it; null for a permanent assignment
 * @param activated        made active by activating an eligible assignment ({@code assignmentType} {@code Activated})
 */
public record SimRoleAssignment(String id, String principalId, String roleDefinitionId, String directoryScopeId,
                                Instant start, Instant end, boolean activated) implements SimSchedule {

    public SimRoleAssignment(String id, String principalId, String roleDefinitionId, String directoryScopeId) {
        this(id, principalId, roleDefinitionId, directoryScopeId, null, null, false);
    }

    /**
     * The id Graph gives a tenant-wide assignment: the role definition's and the principal's GUID bytes
     * (in .NET byte order), base64url without padding, then {@code -1}, as in the documented examples.
     */
    public static SimRoleAssignment tenantWide(String principalId, String roleDefinitionId) {
        ByteBuffer bytes = ByteBuffer.allocate(32);
        putGuid(bytes, UUID.fromString(roleDefinitionId));
        putGuid(bytes, UUID.fromString(principalId));
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()) + "-1";
        return new SimRoleAssignment(id, principalId, roleDefinitionId, "/");
    }

    /** A tenant-wide assignment PIM made active from {@code start} until {@code end}. */
    public static SimRoleAssignment timeBound(String principalId, String roleDefinitionId, Instant start, Instant end,
                                              boolean activated) {
        SimRoleAssignment permanent = tenantWide(principalId, roleDefinitionId);
        return new SimRoleAssignment(permanent.id(), principalId, roleDefinitionId, "/", start, end, activated);
    }

    public SimRoleAssignment startingAt(Instant moment) {
        return new SimRoleAssignment(id, principalId, roleDefinitionId, directoryScopeId, moment, end, activated);
    }

    private static void putGuid(ByteBuffer bytes, UUID guid) {
        long high = guid.getMostSignificantBits();
        bytes.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (high >>> 32));
        bytes.putShort((short) (high >>> 16));
        bytes.putShort((short) high);
        bytes.order(ByteOrder.BIG_ENDIAN).putLong(guid.getLeastSignificantBits());
    }
}
