package dev.gatehouse.domain.registration;

import java.util.Objects;

/**
 * A user who needs a Temporary Access Pass to register under the new policy (from the pre-flight's "could not
 * register" list). Kept in the procedure's answers: no secret.
 */
public record BulkTapUser(String id, String userPrincipalName, String displayName) {

    public BulkTapUser {
        Objects.requireNonNull(id, "id");
        userPrincipalName = userPrincipalName == null ? "" : userPrincipalName;
        displayName = displayName == null ? "" : displayName;
    }

    /** "Ada Lovelace (ada@contoso.com)", as plans name a user. */
    public String label() {
        if (displayName.isBlank()) {
            return userPrincipalName.isBlank() ? id : userPrincipalName;
        }
        return userPrincipalName.isBlank() || userPrincipalName.equalsIgnoreCase(displayName) ? displayName
                : displayName + " (" + userPrincipalName + ")";
    }
}
