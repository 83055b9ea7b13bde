package dev.gatehouse.sim.state;

import java.util.Objects;

/**
 * One licence a user of the demo tenant holds, and where from.
 *
 * @param groupId the group it is inherited from; null when assigned directly, as Graph's {@code assignedByGroup}
 */
public record SimLicenceAssignment(String skuId, String groupId) {

    public SimLicenceAssignment {
        Objects.requireNonNull(skuId, "skuId");
    }

    public boolean direct() {
        return groupId == null;
    }
}
