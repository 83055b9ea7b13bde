package dev.gatehouse.domain.recovery;

import java.util.OptionalInt;

/** What the admin asked for, with the options each action takes. */
public sealed interface RecoveryRequest {

    RecoveryAction action();

    /** @param twoParts show the temporary password in two halves for two people (ISM-1594) */
    record ResetPassword(boolean twoParts) implements RecoveryRequest {
        public RecoveryAction action() {
            return RecoveryAction.RESET_PASSWORD;
        }
    }

    /** @param issueTap add "issue a one-time TAP" so a user who keeps a passkey is still sent to register */
    record RequireReregister(boolean issueTap) implements RecoveryRequest {
        public RecoveryAction action() {
            return RecoveryAction.REQUIRE_REREGISTER;
        }
    }

    record RevokeMfaSessions() implements RecoveryRequest {
        public RecoveryAction action() {
            return RecoveryAction.REVOKE_MFA_SESSIONS;
        }
    }

    record RevokeSessions() implements RecoveryRequest {
        public RecoveryAction action() {
            return RecoveryAction.REVOKE_SESSIONS;
        }
    }

    /**
     * @param lifetimeMinutes empty for the tenant policy's default
     * @param multiUse        false for a one-time pass
     */
    record IssueTap(OptionalInt lifetimeMinutes, boolean multiUse) implements RecoveryRequest {
        public static IssueTap policyDefault() {
            return new IssueTap(OptionalInt.empty(), false);
        }

        public RecoveryAction action() {
            return RecoveryAction.ISSUE_TAP;
        }
    }

    record DeleteMethod(String methodId) implements RecoveryRequest {
        public RecoveryAction action() {
            return RecoveryAction.DELETE_METHOD;
        }
    }

    record Disable() implements RecoveryRequest {
        public RecoveryAction action() {
            return RecoveryAction.DISABLE;
        }
    }

    record Enable() implements RecoveryRequest {
        public RecoveryAction action() {
            return RecoveryAction.ENABLE;
        }
    }
}
