package dev.gatehouse.sim.state;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.UUID;

/**
 * An active directory role assignment ({@code unifiedRoleAssignment}).
 *
 * @param roleDefinitionId the role's template id (Graph accepts it as the definition id)
 * @param directoryScopeId {@code /} for the whole tenant
 */
public record SimRoleAssignment(String id, String principalId, String roleDefinitionId, String directoryScopeId) {

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

    private static void putGuid(ByteBuffer bytes, UUID guid) {
        long high = guid.getMostSignificantBits();
        bytes.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (high >>> 32));
        bytes.putShort((short) (high >>> 16));
        bytes.putShort((short) high);
        bytes.order(ByteOrder.BIG_ENDIAN).putLong(guid.getLeastSignificantBits());
    }
}
