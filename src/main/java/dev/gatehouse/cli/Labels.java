package dev.gatehouse.cli;

import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.user.UserType;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Words and date formats shared by the CLI's human-readable output. */
final class Labels {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private Labels() {
    }

    static String type(UserType type) {
        return type == UserType.GUEST ? "Guest" : "Member";
    }

    static String dateTime(Instant instant) {
        return instant == null ? "not reported" : DATE_TIME.format(instant);
    }

    static String role(RoleAssignment role) {
        String scope = role.tenantWide() ? "" : " (scope " + role.directoryScopeId() + ")";
        String via = role.viaGroup() == null ? "" : " via group " + role.viaGroup();
        return role.roleName() + scope + via;
    }
}
