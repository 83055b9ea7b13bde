package dev.gatehouse.domain.tenant;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.user.UserProfile;

import java.util.List;

/**
 * Everything the users panel shows about one person: profile, active roles, role-assignable
 * group memberships (which put a user out of an Authentication Administrator's reach) and methods.
 */
public record UserDetail(UserProfile profile, List<RoleAssignment> roles, List<GroupRef> roleAssignableGroups,
                         List<AuthMethod> methods) {

    public UserDetail {
        roles = List.copyOf(roles);
        roleAssignableGroups = List.copyOf(roleAssignableGroups);
        methods = List.copyOf(methods);
    }

    public boolean isAdmin() {
        return !roles.isEmpty();
    }

    /** True when only a Privileged Authentication Administrator or Global Administrator may reset this user. */
    public boolean isPrivilegedTarget() {
        return roles.stream().anyMatch(RoleAssignment::privileged) || !roleAssignableGroups.isEmpty();
    }
}
