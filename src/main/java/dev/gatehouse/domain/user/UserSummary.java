package dev.gatehouse.domain.user;

import java.util.Objects;

/** One row of a user list: enough to recognise the person and spot the states that matter for recovery. */
public record UserSummary(
        String id,
        String displayName,
        String userPrincipalName,
        UserType userType,
        boolean accountEnabled,
        SyncState syncState) {

    public UserSummary {
        Objects.requireNonNull(id, "id");
        userType = userType == null ? UserType.MEMBER : userType;
        syncState = syncState == null ? SyncState.CLOUD_ONLY : syncState;
    }
}
