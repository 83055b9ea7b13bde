package dev.gatehouse.domain.recovery;

/** The recovery buttons of the users panel, as the Entra portal names them, and their CLI names. */
public enum RecoveryAction {
    RESET_PASSWORD("Reset password", "reset-password"),
    REQUIRE_REREGISTER("Require re-register MFA", "require-reregister"),
    REVOKE_MFA_SESSIONS("Revoke MFA sessions", "revoke-mfa-sessions"),
    REVOKE_SESSIONS("Revoke sign-in sessions", "revoke-sessions"),
    ISSUE_TAP("Issue Temporary Access Pass", "issue-tap"),
    DELETE_METHOD("Delete method", "delete-method"),
    DISABLE("Disable account", "disable"),
    ENABLE("Enable account", "enable"),
    /** The compromised-account playbook, which chains several of the others. */
    RECOVER("Compromised account playbook", "recover");

    private final String label;
    private final String cliName;

    RecoveryAction(String label, String cliName) {
        this.label = label;
        this.cliName = cliName;
    }

    public String label() {
        return label;
    }

    public String cliName() {
        return cliName;
    }
}
