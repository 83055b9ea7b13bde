package dev.gatehouse.graph;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryObjectCollectionResponse;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.UnifiedRoleAssignment;
import com.microsoft.graph.models.UnifiedRoleAssignmentCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantException;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Groups, their members and who holds a role: the reads that find the tenant's emergency-access group. Each is
 * one documented v1.0 request (see the {@link GraphOperation} entries), paged to the end with Graph's largest page.
 */
final class GraphGroupReads {

    /** Graph's maximum page size for directory object collections. */
    private static final int MAX_PAGE = 999;
    private static final String[] PRINCIPAL_FIELDS = {"id", "displayName", "userPrincipalName"};

    private final GraphGateway gateway;
    private final GraphPages pages;

    GraphGroupReads(GraphGateway gateway, GraphPages pages) {
        this.gateway = gateway;
        this.pages = pages;
    }

    /** {@code GET /groups/{id}}; a 404 is "no such group". */
    Optional<GroupRef> find(String groupId) {
        String key = required(groupId, "A group object id");
        try {
            return Optional.of(call(GraphOperation.READ_GROUP, "group '" + key + "'", () -> DirectoryMapping.group(
                    client().groups().byGroupId(key).get(c -> c.queryParameters.select = DirectoryMapping.GROUP_FIELDS),
                    false)));
        } catch (TenantException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code GET /groups?$filter=displayName eq '…'}: a default filter, no ConsistencyLevel needed. */
    List<GroupRef> named(String displayName) {
        String name = required(displayName, "A group name");
        return groups("groups named '" + name + "'", "displayName eq '" + name.replace("'", "''") + "'", false);
    }

    /** {@code GET /groups?$filter=isAssignableToRole eq true}. */
    List<GroupRef> roleAssignable() {
        return groups("the role-assignable groups", "isAssignableToRole eq true", true);
    }

    private List<GroupRef> groups(String subject, String filter, boolean filteredOnAssignable) {
        return call(GraphOperation.LIST_GROUPS, subject, () -> {
            var groups = client().groups();
            GroupCollectionResponse first = groups.get(c -> {
                c.queryParameters.filter = filter;
                c.queryParameters.select = DirectoryMapping.GROUP_FIELDS;
                c.queryParameters.top = MAX_PAGE;
            });
            return pages.all(first, GroupCollectionResponse::getValue, next -> groups.withUrl(next).get()).stream()
                    .map(group -> DirectoryMapping.group(group, filteredOnAssignable)).toList();
        });
    }

    /** {@code GET /groups/{id}/members}: users, groups and other objects, each with its own type. */
    List<DirectoryPrincipal> members(String groupId) {
        String key = required(groupId, "A group object id");
        var members = client().groups().byGroupId(key).members();
        return principals(GraphOperation.LIST_GROUP_MEMBERS, key, () -> members.get(c -> {
            c.queryParameters.select = PRINCIPAL_FIELDS;
            c.queryParameters.top = MAX_PAGE;
        }), next -> members.withUrl(next).get());
    }

    /** {@code GET /groups/{id}/owners}: users and service principals. */
    List<DirectoryPrincipal> owners(String groupId) {
        String key = required(groupId, "A group object id");
        var owners = client().groups().byGroupId(key).owners();
        return principals(GraphOperation.LIST_GROUP_OWNERS, key, () -> owners.get(c -> {
            c.queryParameters.select = PRINCIPAL_FIELDS;
            c.queryParameters.top = MAX_PAGE;
        }), next -> owners.withUrl(next).get());
    }

    private List<DirectoryPrincipal> principals(GraphOperation operation, String groupId,
                                                Supplier<DirectoryObjectCollectionResponse> first,
                                                Function<String, DirectoryObjectCollectionResponse> next) {
        return call(operation, "group '" + groupId + "'", () -> pages.all(first.get(),
                DirectoryObjectCollectionResponse::getValue, next).stream().map(GraphGroupReads::principal).toList());
    }

    /**
     * {@code GET /roleManagement/directory/roleAssignments?$filter=roleDefinitionId eq '…'&$expand=principal}, the
     * documented example; assignments scoped below the tenant (an administrative unit) are left out.
     */
    List<DirectoryPrincipal> roleHolders(String roleTemplateId) {
        String role = required(roleTemplateId, "A role template id");
        return call(GraphOperation.LIST_ROLE_HOLDERS, "role '" + role + "'", () -> {
            var assignments = client().roleManagement().directory().roleAssignments();
            UnifiedRoleAssignmentCollectionResponse first = assignments.get(c -> {
                c.queryParameters.filter = "roleDefinitionId eq '" + role.replace("'", "''") + "'";
                c.queryParameters.expand = new String[]{"principal"};
            });
            return pages.all(first, UnifiedRoleAssignmentCollectionResponse::getValue,
                            next -> assignments.withUrl(next).get()).stream()
                    .filter(a -> "/".equals(a.getDirectoryScopeId()))
                    .map(GraphGroupReads::holder).toList();
        });
    }

    private static DirectoryPrincipal holder(UnifiedRoleAssignment assignment) {
        return assignment.getPrincipal() == null
                ? new DirectoryPrincipal(assignment.getPrincipalId(), null, null, DirectoryPrincipal.Kind.OTHER)
                : principal(assignment.getPrincipal());
    }

    static DirectoryPrincipal principal(DirectoryObject object) {
        if (object instanceof User user) {
            return new DirectoryPrincipal(user.getId(), user.getDisplayName(), user.getUserPrincipalName(),
                    DirectoryPrincipal.Kind.USER);
        }
        if (object instanceof Group group) {
            return new DirectoryPrincipal(group.getId(), group.getDisplayName(), null, DirectoryPrincipal.Kind.GROUP);
        }
        String name = object instanceof ServicePrincipal app ? app.getDisplayName() : null;
        return new DirectoryPrincipal(object.getId(), name, null, DirectoryPrincipal.Kind.OTHER);
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value.strip();
    }

    private GraphServiceClient client() {
        return gateway.client(PermissionSet.USERS_READ);
    }

    private <T> T call(GraphOperation operation, String subject, Supplier<T> work) {
        return gateway.call(operation, subject, work);
    }
}
