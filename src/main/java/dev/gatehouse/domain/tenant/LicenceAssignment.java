package dev.gatehouse.domain.tenant;

import java.util.Objects;
import java.util.Optional;

/**
 * One licence a user holds and where it comes from: one entry of Graph's {@code licenseAssignmentStates}
 * (licenseassignmentstate resource, v1.0). A licence given through group-based licensing cannot be removed from the
 * user, only by taking the user out of the group or the licence off the group (Entra "Scenarios, limitations, and
 * known issues using groups to manage licensing": "When a user inherits a license from a group, you can't directly
 * remove or modify that license in the user's properties"). The same SKU may come both directly and through a group:
 * then removing the direct one succeeds and the user keeps the SKU through the group.
 *
 * @param skuId             the SKU, as {@code /subscribedSkus} and {@code assignLicense} name it
 * @param assignedByGroupId the group whose licences the user inherits it from; empty when assigned directly
 * @param groupName         that group's display name; empty when direct, or when the group could not be read
 */
public record LicenceAssignment(String skuId, Optional<String> assignedByGroupId, Optional<String> groupName) {

    public LicenceAssignment {
        Objects.requireNonNull(skuId, "skuId");
        Objects.requireNonNull(assignedByGroupId, "assignedByGroupId");
        Objects.requireNonNull(groupName, "groupName");
    }

    public static LicenceAssignment direct(String skuId) {
        return new LicenceAssignment(skuId, Optional.empty(), Optional.empty());
    }

    public static LicenceAssignment inherited(String skuId, String groupId, Optional<String> groupName) {
        return new LicenceAssignment(skuId, Optional.of(groupId), groupName);
    }

    public boolean isDirect() {
        return assignedByGroupId.isEmpty();
    }

    /** The group's name, or its id when the name could not be read; empty for a direct licence. */
    public Optional<String> groupLabel() {
        return groupName.or(() -> assignedByGroupId);
    }
}
