package dev.gatehouse.domain.emergency;

import dev.gatehouse.domain.tenant.GroupRef;

import java.util.Objects;

/**
 * The group whose members are the tenant's emergency-access (break-glass) accounts, as the admin chose it.
 *
 * @param displayName the name when it was chosen, for messages; the id is what counts
 */
public record EmergencyGroup(String id, String displayName) {

    public EmergencyGroup {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
    }

    public static EmergencyGroup of(GroupRef group) {
        return new EmergencyGroup(group.id(), group.displayName());
    }

    /** "Emergency Access Accounts (id 3f2…)". */
    public String label() {
        return displayName.equals(id) ? id : displayName + " (id " + id + ")";
    }
}
