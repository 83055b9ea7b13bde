package dev.gatehouse.domain.tenant;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.user.UserProfile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the users panel shows about one person: profile, active roles, role-assignable
 * group memberships (which put a user out of an Authentication Administrator's reach) and methods.
 *
 * <p>A help-desk admin may read a profile but not the methods or role assignments; rather than failing the
 * whole lookup, such parts are empty and {@link #unreadable()} says why, in the admin's words.
 */
public record UserDetail(UserProfile profile, List<RoleAssignment> roles, List<GroupRef> roleAssignableGroups,
                         List<AuthMethod> methods, Map<Part, String> unreadable) {

    /** The parts of a user that need more than permission to read the profile. */
    public enum Part {
        /** Role assignments and role-assignable group memberships. */
        ROLES,
        METHODS
    }

    public UserDetail {
        roles = List.copyOf(roles);
        roleAssignableGroups = List.copyOf(roleAssignableGroups);
        methods = List.copyOf(methods);
        unreadable = unreadable.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(unreadable));
    }

    public UserDetail(UserProfile profile, List<RoleAssignment> roles, List<GroupRef> roleAssignableGroups,
                      List<AuthMethod> methods) {
        this(profile, roles, roleAssignableGroups, methods, Map.of());
    }

    public boolean readable(Part part) {
        return !unreadable.containsKey(part);
    }

    public Optional<String> whyUnreadable(Part part) {
        return Optional.ofNullable(unreadable.get(part));
    }

    /** Why a privileged target matters, in the words both the GUI and the CLI show. */
    public static final String PRIVILEGED_TARGET_EXPLANATION = "only a Privileged Authentication Administrator or a "
            + "Global Administrator can reset this user's password or authentication methods";

    public boolean isAdmin() {
        return !roles.isEmpty();
    }

    /**
     * True when only a Privileged Authentication Administrator or Global Administrator may reset this user.
     * Unknown roles count as privileged: guessing "not an admin" would let a plan promise what Entra will refuse.
     */
    public boolean isPrivilegedTarget() {
        return !readable(Part.ROLES) || roles.stream().anyMatch(RoleAssignment::privileged)
                || !roleAssignableGroups.isEmpty();
    }
}
