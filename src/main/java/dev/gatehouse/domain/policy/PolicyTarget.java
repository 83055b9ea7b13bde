package dev.gatehouse.domain.policy;

import java.util.Objects;

/**
 * Who a method configuration applies to or excludes: one group, one user, or every user
 * ({@code {"targetType": "group", "id": "all_users"}} in Graph).
 *
 * @param displayName the group's name when known, for explanations; null when only the id was read
 */
public record PolicyTarget(Kind kind, String id, String displayName) {

    /** Graph's id for the "All users" target. */
    public static final String ALL_USERS = "all_users";

    public enum Kind { USER, GROUP }

    public PolicyTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static PolicyTarget allUsers() {
        return new PolicyTarget(Kind.GROUP, ALL_USERS, "All users");
    }

    public boolean isAllUsers() {
        return ALL_USERS.equalsIgnoreCase(id);
    }

    /** "All users", the group's name, or its id when the name is unknown. */
    public String label() {
        if (isAllUsers()) {
            return "All users";
        }
        return displayName == null || displayName.isBlank() ? id : displayName;
    }
}
