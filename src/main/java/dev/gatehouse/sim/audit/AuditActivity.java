package dev.gatehouse.sim.audit;

/**
 * The directory audit activities the demo tenant's writes log, with the service, category and names of
 * Microsoft's audit log activity reference (entra-docs "reference-audit-activities": Core Directory,
 * Authentication Methods, Conditional Access sections). {@code operationType} follows the documented examples
 * (Add, Update, Delete).
 */
public enum AuditActivity {
    ADD_USER(Service.CORE_DIRECTORY, "UserManagement", "Add user", "Add"),
    UPDATE_USER(Service.CORE_DIRECTORY, "UserManagement", "Update user", "Update"),
    DISABLE_ACCOUNT(Service.CORE_DIRECTORY, "UserManagement", "Disable account", "Update"),
    ENABLE_ACCOUNT(Service.CORE_DIRECTORY, "UserManagement", "Enable account", "Update"),
    RESET_PASSWORD(Service.CORE_DIRECTORY, "UserManagement", "Reset password", "Update"),
    /** revokeSignInSessions moves the refresh-token valid-from time. */
    REVOKE_SESSIONS(Service.CORE_DIRECTORY, "UserManagement", "Update StsRefreshTokenValidFrom Timestamp", "Update"),
    DELETE_USER(Service.CORE_DIRECTORY, "UserManagement", "Delete user", "Delete"),
    /** assignLicense; Entra logs it beside an "Update user" entry naming AssignedLicense. */
    CHANGE_USER_LICENSE(Service.CORE_DIRECTORY, "UserManagement", "Change user license", "Update"),
    ADD_GROUP(Service.CORE_DIRECTORY, "GroupManagement", "Add group", "Add"),
    DELETE_GROUP(Service.CORE_DIRECTORY, "GroupManagement", "Delete group", "Delete"),
    UPDATE_GROUP(Service.CORE_DIRECTORY, "GroupManagement", "Update group", "Update"),
    ADD_MEMBER_TO_GROUP(Service.CORE_DIRECTORY, "GroupManagement", "Add member to group", "Assign"),
    REMOVE_MEMBER_FROM_GROUP(Service.CORE_DIRECTORY, "GroupManagement", "Remove member from group", "Unassign"),
    ADD_MEMBER_TO_ROLE(Service.CORE_DIRECTORY, "RoleManagement", "Add member to role", "Assign"),
    REMOVE_MEMBER_FROM_ROLE(Service.CORE_DIRECTORY, "RoleManagement", "Remove member from role", "Unassign"),
    ADMIN_REGISTERED_SECURITY_INFO(Service.AUTHENTICATION_METHODS, "UserManagement", "Admin registered security info",
            "Add"),
    ADMIN_DELETED_SECURITY_INFO(Service.AUTHENTICATION_METHODS, "UserManagement", "Admin deleted security info",
            "Delete"),
    USER_REGISTERED_SECURITY_INFO(Service.AUTHENTICATION_METHODS, "UserManagement", "User registered security info",
            "Add"),
    USER_DELETED_SECURITY_INFO(Service.AUTHENTICATION_METHODS, "UserManagement", "User deleted security info",
            "Delete"),
    ADMIN_STARTED_PASSWORD_RESET(Service.AUTHENTICATION_METHODS, "UserManagement", "Admin started password reset",
            "Update"),
    METHODS_POLICY_UPDATE(Service.AUTHENTICATION_METHODS, "ApplicationManagement",
            "Authentication Methods Policy Update", "Update"),
    STRENGTH_CREATE(Service.AUTHENTICATION_METHODS, "ApplicationManagement", "Authentication Strength Policy Create",
            "Add"),
    STRENGTH_UPDATE(Service.AUTHENTICATION_METHODS, "ApplicationManagement", "Authentication Strength Policy Update",
            "Update"),
    STRENGTH_DELETE(Service.AUTHENTICATION_METHODS, "ApplicationManagement", "Authentication Strength Policy Delete",
            "Delete"),
    ADD_CA_POLICY(Service.CONDITIONAL_ACCESS, "Policy", "Add Conditional Access policy", "Add"),
    UPDATE_CA_POLICY(Service.CONDITIONAL_ACCESS, "Policy", "Update Conditional Access policy", "Update"),
    DELETE_CA_POLICY(Service.CONDITIONAL_ACCESS, "Policy", "Delete Conditional Access policy", "Delete");

    /** {@code loggedByService} values. */
    static final class Service {
        static final String CORE_DIRECTORY = "Core Directory";
        static final String AUTHENTICATION_METHODS = "Authentication Methods";
        static final String CONDITIONAL_ACCESS = "Conditional Access";

        private Service() {
        }
    }

    private final String loggedByService;
    private final String category;
    private final String displayName;
    private final String operationType;

    AuditActivity(String loggedByService, String category, String displayName, String operationType) {
        this.loggedByService = loggedByService;
        this.category = category;
        this.displayName = displayName;
        this.operationType = operationType;
    }

    public String loggedByService() {
        return loggedByService;
    }

    public String category() {
        return category;
    }

    public String displayName() {
        return displayName;
    }

    public String operationType() {
        return operationType;
    }
}
