package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.tenant.LicenceAssignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the health view and the clean-up say of licences an emergency-access account inherits through group-based
 * licensing. Graph will not remove them from the user ({@code POST /users/{id}/assignLicense} answers 400
 * {@code Request_BadRequest}, "User license is inherited from a group membership and it cannot be removed directly
 * from the user."), so the fix is the group's: take the account out of it, or the licence off it. Since September
 * 2024 group licences are managed in the Microsoft 365 admin center, not the Entra admin center (Entra
 * "licensing-admin-center" and "licensing-change"). When the group is the emergency-access group itself, the account
 * must stay in it, so only the second fix is offered.
 */
final class InheritedLicences {

    static final String CANNOT_REMOVE = "Gatehouse cannot remove an inherited licence from the user";

    private InheritedLicences() {
    }

    /** The distinct SKU ids assigned directly, in the order Graph lists them. */
    static List<String> directSkuIds(List<LicenceAssignment> licences) {
        return licences.stream().filter(LicenceAssignment::isDirect).map(LicenceAssignment::skuId).distinct().toList();
    }

    static boolean any(List<LicenceAssignment> licences) {
        return licences.stream().anyMatch(l -> !l.isDirect());
    }

    /**
     * One clause per licensing group, without a closing full stop: "SPB inherited from the group Licensed staff
     * (group-based licensing): remove the account from Licensed staff, or …".
     *
     * @param emergencyGroupId the chosen emergency-access group, which the account must not leave
     */
    static List<String> byGroup(List<LicenceAssignment> licences, Optional<String> emergencyGroupId) {
        Map<String, List<LicenceAssignment>> groups = new LinkedHashMap<>();
        licences.stream().filter(l -> !l.isDirect()).forEach(l -> groups.computeIfAbsent(
                l.assignedByGroupId().orElseThrow(), id -> new ArrayList<>()).add(l));
        List<String> clauses = new ArrayList<>();
        groups.forEach((groupId, held) -> {
            String group = held.get(0).groupLabel().orElseThrow();
            List<String> skus = held.stream().map(LicenceAssignment::skuId).distinct().toList();
            String offGroup = "remove the licence" + (skus.size() == 1 ? "" : "s") + " from " + group + "'s licences "
                    + "(Microsoft 365 admin center > Billing > Licenses > the licence > Groups)";
            boolean emergencyGroup = emergencyGroupId.filter(groupId::equalsIgnoreCase).isPresent();
            clauses.add(String.join(", ", skus) + " inherited from the group " + group + (emergencyGroup
                    ? ", the emergency-access group itself (group-based licensing): " + offGroup + "; the account "
                    + "must stay in " + group
                    : " (group-based licensing): remove the account from " + group + ", or " + offGroup));
        });
        return clauses;
    }
}
