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
            "Authentication Policy Administrator")),

    // ---- Reads of the registration-policy workspace (issue 9). Sources: the v1.0 API pages in
    // microsoftgraph/microsoft-graph-docs-contrib api-reference/v1.0/api/ named below.

    /*
     * GET /subscribedSkus (subscribedsku-list): the current table names LicenseAssignment.Read.All as least privileged
     * (older versions named Organization.Read.All, now listed as higher); roles: Global Reader, Directory Readers.
     */
    READ_LICENCES("read the tenant's subscriptions", RequiredAccess.of("LicenseAssignment.Read.All", "Global Reader",
            "Directory Readers")),
    /*
     * GET /policies/identitySecurityDefaultsEnforcementPolicy (identitysecuritydefaultsenforcementpolicy-get):
     * Policy.Read.All. The page names no role; these are the roles that read Conditional Access, whose absence the
     * check is about (UNCONFIRMED against a real tenant).
     */
    READ_SECURITY_DEFAULTS("read whether security defaults are on", RequiredAccess.of("Policy.Read.All",
            "Global Reader", "Security Reader", "Conditional Access Administrator", "Security Administrator")),
    /* GET /policies/authenticationStrengthPolicies (authenticationstrengthroot-list-policies); P1 (graph-facts §9). */
    LIST_AUTHENTICATION_STRENGTHS("read the authentication strengths", RequiredAccess.of("Policy.Read.All",
            "Global Reader", "Security Reader", "Conditional Access Administrator", "Security Administrator",
            "Authentication Policy Administrator").withLicence("Microsoft Entra ID P1")),
    /*
     * GET /reports/authenticationMethods/userRegistrationDetails (authenticationmethodsroot-list-userregistrationdetails):
     * AuditLog.Read.All; roles from the page: Reports Reader, Security Reader, Security Administrator, Global Reader.
     * The usage and insights reports need Entra ID P1 (graph-facts §8).
     */
    READ_REGISTRATION_REPORT("read the user registration details report", RequiredAccess.of("AuditLog.Read.All",
            "Reports Reader", "Security Reader", "Security Administrator", "Global Reader")
            .withLicence("Microsoft Entra ID P1")),
    /*
     * POST /identity/conditionalAccess/evaluate (conditionalaccessroot-evaluate): Policy.Read.ConditionalAccess is the
     * least privileged; Gatehouse asks for Policy.Read.All (a higher one on the page), which it already needs for the
     * policies, so that is the one a 403 names. A read, though sent as POST: it changes nothing.
     */
    EVALUATE_CONDITIONAL_ACCESS("run What If on the Conditional Access policies", RequiredAccess.of("Policy.Read.All",
            "Global Reader", "Security Reader", "Conditional Access Administrator", "Security Administrator")
            .withLicence("Microsoft Entra ID P1")),

    // ---- Reads that find the tenant's emergency-access group (domain.emergency) ----
    /*
     * GET /groups/{id}: group-get, generated permission table (includes/permissions/group-get-permissions.md):
     * least privileged delegated GroupMember.Read.All. The page names no admin role: member users read groups.
     */
    READ_GROUP("read the group", RequiredAccess.of("GroupMember.Read.All")),
    /*
     * GET /groups?$filter=displayName eq '…' and ?$filter=isAssignableToRole eq true: group-list. The v1.0 page's
     * table names GroupMember.Read.All as least privileged (one generated version of its include lists
     * Group-NestingSupport.ReadWrite.All first, a write permission, which Gatehouse does not ask for). Both filters are
     * default ("eq") filters, so no ConsistencyLevel is needed (group resource: isAssignableToRole supports eq).
     */
    LIST_GROUPS("list groups", RequiredAccess.of("GroupMember.Read.All")),
    /* GET /groups/{id}/members: group-list-members (includes/permissions/group-list-members-permissions.md). */
    LIST_GROUP_MEMBERS("list the group's members", RequiredAccess.of("GroupMember.Read.All")),
    /*
     * GET /roleManagement/directory/roleAssignments?$filter=roleDefinitionId eq '…'&$expand=principal: the v1.0 page
     * rbacapplication-list-roleassignments, its Example 1 exactly; roles from its include rbac-role-assignment-apis-read.
     */
    LIST_ROLE_HOLDERS("read who holds a directory role", RequiredAccess.of("RoleManagement.Read.Directory",
            "Directory Readers", "Global Reader", "Privileged Role Administrator")),
    /*
     * GET /groups/{id}/owners: group-list-owners; least privileged delegated GroupMember.Read.All; roles: Directory
     * Readers, Directory Writers, Groups Administrator, User Administrator (and group owners, member users).
     */
    LIST_GROUP_OWNERS("list the group's owners", RequiredAccess.of("GroupMember.Read.All", "Directory Readers",
            "Groups Administrator", "User Administrator")),

    // ---- Reads of the break-glass workspace's health checks ----

    /* GET /users/{id}?$select=licenseAssignmentStates: user-get, as READ_USER. */
    READ_ASSIGNED_LICENCES("read the user's licences", RequiredAccess.of("User.Read.All")),
    /*
     * GET /auditLogs/signIns (signin-list): AuditLog.Read.All (the table adds Directory.Read.All, a known issue of
     * old); roles Reports Reader, Security Reader, Security Administrator, Global Reader; Entra ID P1 (graph-facts §12).
     */
    READ_SIGN_INS("read the sign-in log", RequiredAccess.of("AuditLog.Read.All", "Reports Reader", "Security Reader",
            "Security Administrator", "Global Reader").withLicence("Microsoft Entra ID P1")),
    /* GET /auditLogs/directoryAudits filtered on a target: as LIST_REGISTRATION_AUDITS. */
    LIST_AUDIT_EVENTS("read the directory audit log", RequiredAccess.of("AuditLog.Read.All", "Reports Reader",
            "Security Reader", "Security Administrator", "Global Reader")),

    /*
     * GET /roleManagement/directory/roleAssignmentSchedules and …/roleEligibilitySchedules, filtered on principalId
     * (rbacapplication-list-roleassignmentschedules, rbacapplication-list-roleeligibilityschedules): the least
     * privileged delegated permissions are RoleAssignmentSchedule.Read.Directory and RoleEligibilitySchedule.Read.Directory;
     * RoleManagement.Read.Directory, listed next on both pages, reads both and is already asked for
     * (PermissionSet.USERS_READ). Roles: the read roles of includes/rbac-for-apis/rbac-pim-entra-roles-apis.md. PIM
     * needs Entra ID P2 (privilegedidentitymanagementv3-overview, "Licensing"); the refusal without it is not
     * documented (see GraphErrorMapper.PIM_LICENCE_CODE).
     */
    READ_ROLE_SCHEDULES("read the Privileged Identity Management (PIM) schedules", RequiredAccess.of(
            "RoleManagement.Read.Directory", "Global Reader", "Security Reader", "Security Operator",
            "Security Administrator", "Privileged Role Administrator").withLicence("Microsoft Entra ID P2")),

    /*
     * GET /policies/roleManagementPolicyAssignments (policyroot-list-rolemanagementpolicyassignments): for PIM for
     * Microsoft Entra roles RoleManagementPolicy.Read.Directory is the least privileged, RoleManagement.Read.Directory
     * next, which Gatehouse already asks for; the page's roles are the include rbac-pim-entra-roles-apis. Entra ID P2.
     */
    READ_ROLE_POLICY("read Privileged Identity Management's (PIM) settings for the role", RequiredAccess.of(
            "RoleManagement.Read.Directory", "Global Reader", "Security Reader", "Security Operator",
            "Security Administrator", "Privileged Role Administrator").withLicence("Microsoft Entra ID P2")),

    // ---- Directory writes (DirectoryWriter). Sources: the v1.0 API page of each request, in
    // microsoftgraph/microsoft-graph-docs-contrib api-reference/v1.0/api/ unless said otherwise.

    /*
     * POST /users (user-post-users.md): User.ReadWrite.All is the least privileged delegated permission; the role is
     * User Administrator (graph-facts §1.3). Creating an account concerns nobody's roles yet.
     */
    CREATE_USER("create the user", RequiredAccess.of("User.ReadWrite.All", "User Administrator"),
            Effect.CHANGES_THE_TENANT),
    /*
     * DELETE /users/{id} (user-delete.md): User.ReadWrite.All; User Administrator or Privileged Authentication
     * Administrator. Deleting an administrator also takes Directory.AccessAsUser.All and a role that reaches them
     * ("Who can perform sensitive actions"), hence the reach depends on the target.
     */
    DELETE_USER("delete the user", RequiredAccess.of("User.ReadWrite.All (and Directory.AccessAsUser.All for a user "
            + "who holds an admin role)", "User Administrator", "Privileged Authentication Administrator"),
            Effect.CHANGES_A_USER),
    /*
     * POST /groups with isAssignableToRole (group-post-groups.md: Group.ReadWrite.All to create, and
     * RoleManagement.ReadWrite.Directory "to set the isAssignableToRole property"; Entra's groups FAQ: Privileged Role
     * Administrators create role-assignable groups). The permission named is the one a role-assignable group adds;
     * PermissionSet.DIRECTORY_WRITES asks for both.
     */
    CREATE_ROLE_ASSIGNABLE_GROUP("create the role-assignable group", RequiredAccess.of(
            "RoleManagement.ReadWrite.Directory", "Privileged Role Administrator").withLicence("Microsoft Entra ID P1"),
            Effect.CHANGES_THE_TENANT),
    /*
     * DELETE /groups/{id} (group-delete, learn.microsoft.com/graph/api/group-delete): a role-assignable group needs
     * RoleManagement.ReadWrite.Directory and its creator or at least a Privileged Role Administrator.
     */
    DELETE_ROLE_ASSIGNABLE_GROUP("delete the role-assignable group", Access.ROLE_MANAGEMENT, Effect.CHANGES_THE_TENANT),
    /*
     * POST /groups/{id}/members/$ref and DELETE /groups/{id}/members/{id}/$ref (group-post-members.md,
     * group-delete-members.md): GroupMember.ReadWrite.All; for a role-assignable group also
     * RoleManagement.ReadWrite.Directory, with Privileged Role Administrator as the least privileged role. The roles
     * for other groups are those learn.microsoft.com/graph/api/group-post-members lists (owners of the group may too).
     * Who may act depends on the group, never on the member.
     */
    ADD_GROUP_MEMBER("add the member to the group", Access.GROUP_MEMBERS,
            Effect.CHANGES_THE_TENANT),
    REMOVE_GROUP_MEMBER("remove the member from the group", Access.GROUP_MEMBERS,
            Effect.CHANGES_THE_TENANT),
    ADD_ROLE_ASSIGNABLE_GROUP_MEMBER("add the member to the role-assignable group", Access.ROLE_MANAGEMENT,
            Effect.CHANGES_THE_TENANT),
    REMOVE_ROLE_ASSIGNABLE_GROUP_MEMBER("remove the member from the role-assignable group", Access.ROLE_MANAGEMENT,
            Effect.CHANGES_THE_TENANT),
    /*
     * POST and DELETE /roleManagement/directory/roleAssignments (rbacapplication-post-roleassignments.md,
     * unifiedroleassignment-delete.md, includes/rbac-for-apis/rbac-role-assignment-apis-write.md):
     * RoleManagement.ReadWrite.Directory; Privileged Role Administrator is the least privileged role.
     */
    ASSIGN_DIRECTORY_ROLE("assign the directory role", Access.ROLE_MANAGEMENT,
            Effect.CHANGES_THE_TENANT),
    REMOVE_DIRECTORY_ROLE_ASSIGNMENT("remove the directory role assignment", Access.ROLE_MANAGEMENT,
            Effect.CHANGES_THE_TENANT),
    /*
     * POST /users/{id}/assignLicense (user-assignlicense, learn.microsoft.com): LicenseAssignment.ReadWrite.All is the
     * least privileged delegated permission (older versions of the page named User.ReadWrite.All); roles Directory
     * Writers, License Administrator, User Administrator. Licences are not a sensitive property, so the roles reach
     * every user.
     */
    REMOVE_LICENCES("remove the user's licences", RequiredAccess.of("LicenseAssignment.ReadWrite.All",
            "License Administrator", "User Administrator", "Directory Writers"), Effect.CHANGES_THE_TENANT),

    // ---- Policy writes (PolicyWriter)

    /*
     * PATCH /policies/authenticationMethodsPolicy/authenticationMethodConfigurations/{id}
     * (fido2authenticationmethodconfiguration-update.md, temporaryaccesspassauthenticationmethodconfiguration-update.md,
     * includes/rbac-for-apis/rbac-authentication-methods-policy-apis-write.md): Policy.ReadWrite.AuthenticationMethod;
     * Authentication Policy Administrator is the least privileged role. The GET before it is READ_METHODS_POLICY.
     */
    UPDATE_METHOD_CONFIGURATION("change the authentication method's configuration", RequiredAccess.of(
            "Policy.ReadWrite.AuthenticationMethod", "Authentication Policy Administrator"), Effect.CHANGES_THE_TENANT),
    /*
     * POST and DELETE /policies/authenticationStrengthPolicies (authenticationstrengthroot-post-policies.md,
     * authenticationstrengthroot-delete-policies.md, includes/rbac-for-apis/rbac-authenticationstrength-apis-write.md):
     * Policy.ReadWrite.ConditionalAccess (least privileged; Policy.ReadWrite.AuthenticationMethod also works);
     * Conditional Access Administrator or Security Administrator.
     */
    CREATE_AUTHENTICATION_STRENGTH("create the authentication strength", Access.CONDITIONAL_ACCESS,
            Effect.CHANGES_THE_TENANT),
    DELETE_AUTHENTICATION_STRENGTH("delete the authentication strength", Access.CONDITIONAL_ACCESS,
            Effect.CHANGES_THE_TENANT),
    /*
     * POST, PATCH and DELETE /identity/conditionalAccess/policies (conditionalaccessroot-post-policies.md,
     * conditionalaccesspolicy-update.md, conditionalaccesspolicy-delete.md): the tables read "Policy.Read.All and
     * Policy.ReadWrite.ConditionalAccess" (plus Application.Read.All when a policy names apps); the write permission
     * is named, PermissionSet.POLICY_WRITES asks for Policy.Read.All too. Roles: Conditional Access Administrator or
     * Security Administrator (Entra's "Plan a Conditional Access deployment", graph-facts §10.1).
     */
    CREATE_CONDITIONAL_ACCESS_POLICY("create the Conditional Access policy", Access.CONDITIONAL_ACCESS,
            Effect.CHANGES_THE_TENANT),
    UPDATE_CONDITIONAL_ACCESS_POLICY("change the Conditional Access policy", Access.CONDITIONAL_ACCESS,
            Effect.CHANGES_THE_TENANT),
    DELETE_CONDITIONAL_ACCESS_POLICY("delete the Conditional Access policy", Access.CONDITIONAL_ACCESS,
            Effect.CHANGES_THE_TENANT);

    /** Access shared by several operations (an enum constant cannot name a static field of its own enum). */
    private static final class Access {
        static final RequiredAccess ROLE_MANAGEMENT = RequiredAccess.of("RoleManagement.ReadWrite.Directory",
                "Privileged Role Administrator");
        static final RequiredAccess GROUP_MEMBERS = RequiredAccess.of("GroupMember.ReadWrite.All",
                "Groups Administrator", "User Administrator", "Directory Writers", "Identity Governance Administrator");
        /* Strengths and Conditional Access policies share the permission, the roles and the licence. */
        static final RequiredAccess CONDITIONAL_ACCESS = RequiredAccess.of("Policy.ReadWrite.ConditionalAccess",
                "Conditional Access Administrator", "Security Administrator").withLicence("Microsoft Entra ID P1");
    }

    /** What an operation does to the tenant. */
    enum Effect {
        READS,
        /**
         * Changes one user. Which users a role reaches depends on the target: an Authentication Administrator
         * reaches ordinary users but not admins or members of role-assignable groups (graph-facts §2).
         */
        CHANGES_A_USER,
        /**
         * Creates something, or changes a policy, a group or a role assignment: the roles that may do it are the same
         * whomever it concerns (a role-assignable group's members are changed by role managers, whoever they are).
         */
        CHANGES_THE_TENANT
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
