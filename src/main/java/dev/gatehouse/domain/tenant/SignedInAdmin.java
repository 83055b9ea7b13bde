package dev.gatehouse.domain.tenant;

import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.user.UserProfile;

import java.util.List;

/** Who is acting: the signed-in account ({@code /me}) and the roles it holds. */
public record SignedInAdmin(UserProfile profile, List<RoleAssignment> roles) {

    public SignedInAdmin {
        roles = List.copyOf(roles);
    }

    public boolean holds(DirectoryRole role) {
        return roles.stream().anyMatch(r -> r.is(role) && r.tenantWide());
    }
}
