package dev.gatehouse.domain.tenant;

import java.util.List;

/**
 * What an operation needs from the person running it: the least-privileged delegated Graph permission
 * the app must have been granted, and the Entra roles (any one of them) the signed-in admin must hold.
 * Used to explain a step before it runs and to turn a bare 403 into an actionable message.
 */
public record RequiredAccess(String permission, List<String> roles, String licence) {

    public RequiredAccess {
        roles = List.copyOf(roles);
    }

    public static RequiredAccess of(String permission, String... roles) {
        return new RequiredAccess(permission, List.of(roles), null);
    }

    public RequiredAccess withLicence(String licence) {
        return new RequiredAccess(permission, roles, licence);
    }

    public String rolesSentence() {
        if (roles.isEmpty()) {
            return "no admin role";
        }
        if (roles.size() == 1) {
            return roles.get(0);
        }
        return String.join(", ", roles.subList(0, roles.size() - 1)) + " or " + roles.get(roles.size() - 1);
    }
}
