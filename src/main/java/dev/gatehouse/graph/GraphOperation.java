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
            "Privileged Authentication Administrator"), Effect.CHANGES_A_USER),
    /* POST /users/{id}/revokeSignInSessions; roles: "Who can reset passwords" also governs invalidating refresh tokens. */
    REVOKE_SIGN_IN_SESSIONS("revoke the user's sign-in sessions", RequiredAccess.of("User.RevokeSessions.All",
            "Helpdesk Administrator", "Authentication Administrator", "User Administrator",
            "Privileged Authentication Administrator"), Effect.CHANGES_A_USER),
    /* PATCH /users/{id} {"accountEnabled"}: a sensitive property ("Who can perform sensitive actions"). */
    SET_ACCOUNT_ENABLED("enable or disable the account", RequiredAccess.of("User.EnableDisableAccount.All",
            "Authentication Administrator", "User Administrator", "Privileged Authentication Administrator"),
            Effect.CHANGES_A_USER),
    DELETE_METHOD("delete the authentication method", RequiredAccess.of("UserAuthenticationMethod.ReadWrite.All",
            "Authentication Administrator", "Privileged Authentication Administrator"), Effect.CHANGES_A_USER),
    /* POST …/methods/{passwordMethodId}/resetPassword: delegated only, never on the caller's own account. */
    RESET_PASSWORD("reset the password", RequiredAccess.of("UserAuthenticationMethod.ReadWrite.All",
            "Authentication Administrator", "Privileged Authentication Administrator"), Effect.CHANGES_A_USER),
    /* GET /users/{id}/authentication/operations/{id}, the long-running operation a password reset leaves. */
    READ_PASSWORD_RESET_STATUS("check whether the password reset finished", RequiredAccess.of(
            "UserAuthenticationMethod.Read.All", "Authentication Administrator",
            "Privileged Authentication Administrator", "Global Reader")),
    /* GET /users/{id}/transitiveMemberOf/microsoft.graph.group: as LIST_ROLE_ASSIGNABLE_GROUPS. */
    LIST_GROUP_MEMBERSHIPS("list the user's groups", RequiredAccess.of("User.Read.All")),
    READ_METHODS_POLICY("read the authentication methods policy", RequiredAccess.of(
            "Policy.Read.AuthenticationMethod", "Global Reader", "Authentication Policy Administrator")),
    LIST_CONDITIONAL_ACCESS_POLICIES("read the Conditional Access policies", RequiredAccess.of("Policy.Read.All",
            "Global Reader", "Security Reader", "Conditional Access Administrator", "Security Administrator")
            .withLicence("Microsoft Entra ID P1")),
    /*
     * GET /auditLogs/directoryAudits. The roles are the page's least-privileged ones plus Global Reader (which reads
     * every audit log). No licence: the demo tenant serves directory audits on Entra ID Free, and graph-facts §12
     * leaves the licence UNCONFIRMED. The generated permission table lists "AuditLog.Read.All and Directory.Read.All";
     * only AuditLog.Read.All is about audit logs, so that is what Gatehouse asks for (UNCONFIRMED against a real
     * tenant). A refusal only leaves methods undated: RecoveryContext records it as unreadable.
     */
    LIST_REGISTRATION_AUDITS("read the directory audit log's method registrations", RequiredAccess.of(
            "AuditLog.Read.All", "Reports Reader", "Security Reader", "Security Administrator", "Global Reader")),
    READ_AUTHENTICATION_STRENGTH("read an authentication strength", RequiredAccess.of("Policy.Read.All",
            "Global Reader", "Security Reader", "Conditional Access Administrator", "Security Administrator",
            "Authentication Policy Administrator"));

    /** What an operation does to the tenant. */
    enum Effect {
        READS,
        /**
         * Changes one user. Which users a role reaches depends on the target: an Authentication Administrator
         * reaches ordinary users but not admins or members of role-assignable groups (graph-facts §2).
         */
        CHANGES_A_USER
    }

    private final String action;
    private final RequiredAccess access;
    private final Effect effect;

    GraphOperation(String action, RequiredAccess access) {
        this(action, access, Effect.READS);
    }

    GraphOperation(String action, RequiredAccess access, Effect effect) {
        this.action = action;
        this.access = access;
        this.effect = effect;
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
        return effect != Effect.READS;
    }

    /** Whether the roles that may run it depend on who the target user is (an admin needs a stronger role). */
    boolean reachDependsOnTarget() {
        return effect == Effect.CHANGES_A_USER;
    }
}
