package dev.gatehouse.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * The profile facts that matter when recovering a user's sign-in.
 *
 * @param signInSessionsValidFrom refresh tokens and session cookies issued before this instant are invalid;
 *                                Graph only returns it when selected explicitly, so null means "not known"
 * @param lastPasswordChange      null when the tenant did not report it
 */
public record UserProfile(
        String id,
        String displayName,
        String userPrincipalName,
        String mail,
        UserType userType,
        boolean accountEnabled,
        SyncState syncState,
        Instant createdDateTime,
        Instant signInSessionsValidFrom,
        Instant lastPasswordChange,
        String jobTitle,
        String department) {

    public UserProfile {
        Objects.requireNonNull(id, "id");
        userType = userType == null ? UserType.MEMBER : userType;
        syncState = syncState == null ? SyncState.CLOUD_ONLY : syncState;
    }

    public boolean isGuest() {
        return userType == UserType.GUEST;
    }

    public boolean isSynced() {
        return syncState == SyncState.SYNCED;
    }

    public UserProfile withAccountEnabled(boolean enabled) {
        return new UserProfile(id, displayName, userPrincipalName, mail, userType, enabled, syncState, createdDateTime,
                signInSessionsValidFrom, lastPasswordChange, jobTitle, department);
    }

    /**
     * After a password reset. Sessions valid-from is left alone: Microsoft documents that an admin reset revokes only
     * what was obtained with the password, so a prediction must not promise that passkey sessions end.
     */
    public UserProfile withPasswordChangedAt(Instant when) {
        return new UserProfile(id, displayName, userPrincipalName, mail, userType, accountEnabled, syncState,
                createdDateTime, signInSessionsValidFrom, when, jobTitle, department);
    }

    public UserProfile withSignInSessionsValidFrom(Instant when) {
        return new UserProfile(id, displayName, userPrincipalName, mail, userType, accountEnabled, syncState,
                createdDateTime, when, lastPasswordChange, jobTitle, department);
    }

    public UserSummary summary() {
        return new UserSummary(id, displayName, userPrincipalName, userType, accountEnabled, syncState);
    }
}
