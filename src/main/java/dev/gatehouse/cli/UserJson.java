package dev.gatehouse.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.recovery.IssuedHere;
import dev.gatehouse.domain.recovery.MethodDates;
import dev.gatehouse.domain.recovery.RegistrationDate;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.domain.user.UserType;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The --json shapes of users, under Graph's names and with Graph's values (the "user resource type" and the
 * authenticationMethod resource types of Microsoft Graph v1.0), so that a script written against Graph reads them
 * the same way. Built here, field by field, rather than by serialising domain records: a renamed Java field or enum
 * constant must not rename the contract (docs/cli-json).
 */
final class UserJson {

    private UserJson() {
    }

    /** One row of {@code users list}. */
    record Summary(String id, String displayName, String userPrincipalName, String userType, boolean accountEnabled,
                   Boolean onPremisesSyncEnabled) {
    }

    record Profile(String id, String displayName, String userPrincipalName, String mail, String userType,
                   boolean accountEnabled, Boolean onPremisesSyncEnabled, Instant createdDateTime,
                   Instant signInSessionsValidFromDateTime, Instant lastPasswordChangeDateTime, String jobTitle,
                   String department) {
    }

    /** @param viaGroup the role-assignable group that grants the role, null when assigned directly */
    record Role(String roleDefinitionId, String displayName, String directoryScopeId, String viaGroup) {
    }

    record Group(String id, String displayName) {
    }

    /**
     * @param source {@code createdDateTime} (Graph's own date), {@code directoryAudit} (the directory audit log's
     *               registration), {@code ambiguous} or {@code unknown}
     */
    record Registered(String dateTime, String source, String explanation) {
    }

    /**
     * @param type    Graph's method kind: its {@code @odata.type} without namespace and suffix ({@code fido2},
     *                {@code microsoftAuthenticator}, {@code temporaryAccessPass}…)
     * @param details the type's own properties, Graph's names and values
     */
    record Method(@JsonProperty("@odata.type") String odataType, String id, String type, String summary,
                  Instant createdDateTime, Map<String, Object> details, Registered registered, boolean recent,
                  String issuedByYou) {
    }

    /** @param unreadable the parts the admin may not read ({@code roles}, {@code methods}), each with why */
    record Show(Profile profile, List<Role> roles, List<Group> roleAssignableGroups, List<Method> methods,
                Map<String, String> unreadable, boolean privilegedTarget, boolean admin) {
    }

    static Summary summary(UserSummary user) {
        return new Summary(user.id(), user.displayName(), user.userPrincipalName(), userType(user.userType()),
                user.accountEnabled(), onPremisesSyncEnabled(user.syncState()));
    }

    /**
     * The user with each method dated ({@code registered}) and flagged ({@code recent}, {@code issuedByYou}) as the
     * table and the playbook do.
     */
    static Show show(UserDetail detail, MethodDates dates, IssuedHere issued, Instant now, Duration window) {
        UserProfile p = detail.profile();
        Profile profile = new Profile(p.id(), p.displayName(), p.userPrincipalName(), p.mail(),
                userType(p.userType()), p.accountEnabled(), onPremisesSyncEnabled(p.syncState()), p.createdDateTime(),
                p.signInSessionsValidFrom(), p.lastPasswordChange(), p.jobTitle(), p.department());
        List<Role> roles = detail.roles().stream().map(UserJson::role).toList();
        List<Group> groups = detail.roleAssignableGroups().stream().map(UserJson::group).toList();
        List<Method> methods = detail.methods().stream().map(m -> method(m, dates, issued, now, window)).toList();
        Map<String, String> unreadable = new LinkedHashMap<>();
        detail.unreadable().forEach((part, why) -> unreadable.put(part.name().toLowerCase(Locale.ROOT), why));
        return new Show(profile, roles, groups, methods, unreadable, detail.isPrivilegedTarget(), detail.isAdmin());
    }

    /** Graph's kind of a method type: {@code #microsoft.graph.fido2AuthenticationMethod} gives {@code fido2}. */
    static String kind(MethodType type) {
        return type.odataType().map(t -> t.substring(MethodType.ODATA_PREFIX.length())
                .replaceFirst("AuthenticationMethod$", "")).orElse("unknown");
    }

    /** Graph spells {@code userType} "Member" and "Guest" on the user resource. */
    static String userType(UserType type) {
        return type == UserType.GUEST ? "Guest" : "Member";
    }

    /** Graph's {@code onPremisesSyncEnabled}: true synced, false no longer synced, null never synced. */
    private static Boolean onPremisesSyncEnabled(SyncState state) {
        return switch (state) {
            case SYNCED -> Boolean.TRUE;
            case NO_LONGER_SYNCED -> Boolean.FALSE;
            case CLOUD_ONLY -> null;
        };
    }

    private static Role role(RoleAssignment role) {
        return new Role(role.roleDefinitionId(), role.roleName(), role.directoryScopeId(), role.viaGroup());
    }

    private static Group group(GroupRef group) {
        return new Group(group.id(), group.displayName());
    }

    private static Method method(AuthMethod method, MethodDates dates, IssuedHere issued, Instant now,
                                 Duration window) {
        RegistrationDate registration = dates.of(method);
        Registered registered = new Registered(registration.date().map(Instant::toString).orElse(null),
                registration.source().jsonName(), "Registered " + registration.explanation() + ".");
        return new Method(method.type().odataType().orElse(null), method.id(), kind(method.type()), method.summary(),
                method.created(), method.graph(), registered, UserCommand.recent(method, dates, issued, now, window),
                issued.of(method).map(Instant::toString).orElse(null));
    }
}
