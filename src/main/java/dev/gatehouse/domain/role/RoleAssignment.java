package dev.gatehouse.domain.role;

import java.util.Optional;

/**
 * An active directory role held by a user, directly or through a role-assignable group.
 *
 * @param roleDefinitionId the role's template id
 * @param roleName         display name as the tenant reports it
 * @param directoryScopeId "/" for tenant-wide, otherwise an administrative unit or object scope
 * @param viaGroup         display name of the role-assignable group that grants it, null when direct
 */
public record RoleAssignment(String roleDefinitionId, String roleName, String directoryScopeId, String viaGroup) {

    public Optional<DirectoryRole> knownRole() {
        return DirectoryRole.byTemplateId(roleDefinitionId);
    }

    /** Custom and unknown roles count as privileged, as Entra's role matrix does. */
    public boolean privileged() {
        return knownRole().map(DirectoryRole::privileged).orElse(true);
    }

    public boolean tenantWide() {
        return "/".equals(directoryScopeId);
    }

    public boolean is(DirectoryRole role) {
        return role.templateId().equalsIgnoreCase(roleDefinitionId);
    }
}
