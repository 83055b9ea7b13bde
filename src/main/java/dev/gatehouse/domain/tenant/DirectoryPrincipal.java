package dev.gatehouse.domain.tenant;

import java.util.Objects;

/**
 * A directory object as a group's member or a role's holder: a user, a group, or something else Graph lists there
 * (a service principal, a device, a contact).
 *
 * @param displayName       as Graph returns it; the id when Graph gave only "limited information"
 * @param userPrincipalName null unless {@code kind} is {@link Kind#USER}
 */
public record DirectoryPrincipal(String id, String displayName, String userPrincipalName, Kind kind) {

    public enum Kind { USER, GROUP, OTHER }

    public DirectoryPrincipal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
    }

    public boolean isUser() {
        return kind == Kind.USER;
    }

    /** "Emergency Access 01 (bg-admin-01@contoso.onmicrosoft.com)", or the name alone. */
    public String label() {
        return userPrincipalName == null || userPrincipalName.equalsIgnoreCase(displayName) ? displayName
                : displayName + " (" + userPrincipalName + ")";
    }
}
