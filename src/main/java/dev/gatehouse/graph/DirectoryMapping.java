package dev.gatehouse.graph;

import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.Organization;
import com.microsoft.graph.models.UnifiedRoleAssignment;
import com.microsoft.graph.models.UnifiedRoleDefinition;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.VerifiedDomain;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.domain.user.UserType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** SDK directory objects to domain records. The select lists name exactly the properties read here. */
final class DirectoryMapping {

    static final String[] USER_SUMMARY_FIELDS = {
            "id", "displayName", "userPrincipalName", "userType", "accountEnabled", "onPremisesSyncEnabled"};

    /** signInSessionsValidFromDateTime is only returned when selected explicitly. */
    static final String[] USER_PROFILE_FIELDS = {
            "id", "displayName", "userPrincipalName", "mail", "userType", "accountEnabled", "onPremisesSyncEnabled",
            "createdDateTime", "signInSessionsValidFromDateTime", "lastPasswordChangeDateTime", "jobTitle",
            "department"};

    static final String[] ORGANIZATION_FIELDS = {"id", "displayName", "verifiedDomains"};

    static final String[] GROUP_FIELDS = {"id", "displayName", "isAssignableToRole"};

    private DirectoryMapping() {
    }

    static UserSummary summary(User user) {
        return new UserSummary(user.getId(), user.getDisplayName(), user.getUserPrincipalName(),
                UserType.fromGraph(user.getUserType()), enabled(user), SyncState.fromGraph(user.getOnPremisesSyncEnabled()));
    }

    static UserProfile profile(User user) {
        return new UserProfile(user.getId(), user.getDisplayName(), user.getUserPrincipalName(), user.getMail(),
                UserType.fromGraph(user.getUserType()), enabled(user),
                SyncState.fromGraph(user.getOnPremisesSyncEnabled()), instant(user.getCreatedDateTime()),
                instant(user.getSignInSessionsValidFromDateTime()), instant(user.getLastPasswordChangeDateTime()),
                user.getJobTitle(), user.getDepartment());
    }

    static TenantInfo tenant(Organization organization) {
        List<VerifiedDomain> domains = organization.getVerifiedDomains() == null ? List.of()
                : organization.getVerifiedDomains();
        return new TenantInfo(organization.getId(), organization.getDisplayName(),
                domainWhere(domains, d -> Boolean.TRUE.equals(d.getIsInitial())),
                domainWhere(domains, d -> Boolean.TRUE.equals(d.getIsDefault())));
    }

    static List<dev.gatehouse.domain.tenant.VerifiedDomain> verifiedDomains(Organization organization) {
        List<VerifiedDomain> domains = organization.getVerifiedDomains() == null ? List.of()
                : organization.getVerifiedDomains();
        return domains.stream().filter(d -> d.getName() != null)
                .map(d -> new dev.gatehouse.domain.tenant.VerifiedDomain(d.getName(),
                        Boolean.TRUE.equals(d.getIsInitial()), Boolean.TRUE.equals(d.getIsDefault()), d.getType()))
                .toList();
    }

    /**
     * @param filteredOnAssignable the group came from a query filtered on {@code isAssignableToRole eq true}, so it
     *                             is role-assignable even when Graph left the property out
     */
    static GroupRef group(Group group, boolean filteredOnAssignable) {
        // without GroupMember.Read.All Graph returns only the id ("limited information")
        String name = group.getDisplayName() == null ? group.getId() : group.getDisplayName();
        return new GroupRef(group.getId(), name,
                filteredOnAssignable || Boolean.TRUE.equals(group.getIsAssignableToRole()));
    }

    /** @param viaGroup display name of the role-assignable group the assignment was made to, null when direct */
    static RoleAssignment role(UnifiedRoleAssignment assignment, String viaGroup) {
        UnifiedRoleDefinition definition = assignment.getRoleDefinition();
        String templateId = definition != null && definition.getTemplateId() != null ? definition.getTemplateId()
                : assignment.getRoleDefinitionId();
        String name = definition != null && definition.getDisplayName() != null ? definition.getDisplayName()
                : DirectoryRole.byTemplateId(Objects.requireNonNullElse(templateId, ""))
                        .map(DirectoryRole::displayName).orElse(templateId);
        return new RoleAssignment(templateId, name, assignment.getDirectoryScopeId(), viaGroup);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** Graph always returns accountEnabled when selected; an absent value is not reported as a disabled account. */
    private static boolean enabled(User user) {
        return !Boolean.FALSE.equals(user.getAccountEnabled());
    }

    private static String domainWhere(List<VerifiedDomain> domains, Predicate<VerifiedDomain> test) {
        return domains.stream().filter(test).map(VerifiedDomain::getName).findFirst().orElse(null);
    }
}
