package dev.gatehouse.graph;

import dev.gatehouse.domain.tenant.RequiredAccess;

/**
 * The Graph calls the gateway makes, each with what it needs from the app registration and the signed-in
 * admin (Graph v1.0 permission tables and the role lists on each API page), so a 403 can say which
 * permission or role is missing.
 */
enum GraphOperation {
    READ_ORGANIZATION("read the organisation's name and domains", RequiredAccess.of("User.Read")),
    READ_SIGNED_IN_USER("read your own profile", RequiredAccess.of("User.Read")),
    LIST_USERS("list users", RequiredAccess.of("User.Read.All")),
    SEARCH_USERS("search users", RequiredAccess.of("User.Read.All")),
    READ_USER("read the user's profile", RequiredAccess.of("User.Read.All")),
    LIST_METHODS("list the user's authentication methods", RequiredAccess.of("UserAuthenticationMethod.Read.All",
            "Authentication Administrator", "Privileged Authentication Administrator", "Global Reader")),
    LIST_ROLE_ASSIGNMENTS("read directory role assignments", RequiredAccess.of("RoleManagement.Read.Directory",
            "Directory Readers", "Global Reader", "Privileged Role Administrator")),
    /*
     * GET /users/{id}/transitiveMemberOf/microsoft.graph.group: User.Read.All is the least privileged delegated
     * permission for another user's memberships (User.Read for /me), so a 403 means it is missing.
     * GroupMember.Read.All (PermissionSet.USERS_READ) never decides between 200 and 403: without it Graph still
     * answers 200 but with "limited information" (id and @odata.type only, no displayName).
     */
    LIST_ROLE_ASSIGNABLE_GROUPS("list the user's role-assignable groups", RequiredAccess.of("User.Read.All")),
    /*
     * POST /users/{id}/authentication/temporaryAccessPassMethods. The generated permission table of this page lists
     * read permissions (graph-facts §6); UserAuthenticationMethod.ReadWrite.All is the documented write permission.
     */
    ISSUE_TEMPORARY_ACCESS_PASS("issue a Temporary Access Pass", RequiredAccess.of(
            "UserAuthenticationMethod.ReadWrite.All", "Authentication Administrator",
            "Privileged Authentication Administrator"), true);

    private final String action;
    private final RequiredAccess access;
    private final boolean changesTenant;

    GraphOperation(String action, RequiredAccess access) {
        this(action, access, false);
    }

    GraphOperation(String action, RequiredAccess access, boolean changesTenant) {
        this.action = action;
        this.access = access;
        this.changesTenant = changesTenant;
    }

    /** Completes "Graph refused to …". */
    String action() {
        return action;
    }

    RequiredAccess access() {
        return access;
    }

    /**
     * Whether the operation writes to the tenant: when Graph fails it without saying whether it was carried out
     * (503, 504, a lost connection), the admin must check before trying again.
     */
    boolean changesTenant() {
        return changesTenant;
    }
}
