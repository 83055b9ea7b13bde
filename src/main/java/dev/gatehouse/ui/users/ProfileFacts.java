package dev.gatehouse.ui.users;

import dev.gatehouse.domain.text.InertText;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.ui.common.TimeText;
import dev.gatehouse.ui.users.ProfileFact.Tone;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a user's detail into the facts that decide how a recovery goes, in the order an admin checks them. */
final class ProfileFacts {

    private ProfileFacts() {
    }

    static List<ProfileFact> of(UserDetail detail, Instant now, ZoneId zone) {
        UserProfile profile = detail.profile();
        return List.of(
                profile.accountEnabled()
                        ? new ProfileFact("Account", "Enabled", Tone.GOOD)
                        : new ProfileFact("Account", "Disabled \u2014 the user cannot sign in", Tone.DANGER),
                new ProfileFact("Identity source", profile.syncState().label(),
                        Tone.NORMAL),
                profile.isGuest()
                        ? new ProfileFact("User type", "Guest \u2014 revoking sessions has no effect on guests", Tone.WARNING)
                        : new ProfileFact("User type", "Member", Tone.NORMAL),
                detail.readable(UserDetail.Part.ROLES)
                        ? new ProfileFact("Admin roles", roles(detail.roles()), detail.isAdmin() ? Tone.WARNING : Tone.NORMAL)
                        : new ProfileFact("Admin roles", "Unknown — you may not read role assignments", Tone.WARNING),
                detail.readable(UserDetail.Part.ROLES)
                        ? new ProfileFact("Role-assignable groups", groups(detail.roleAssignableGroups()),
                                detail.roleAssignableGroups().isEmpty() ? Tone.NORMAL : Tone.WARNING)
                        : new ProfileFact("Role-assignable groups", "Unknown", Tone.WARNING),
                new ProfileFact("Sign-in sessions valid from", when(profile.signInSessionsValidFrom(), now, zone), Tone.NORMAL),
                new ProfileFact("Last password change", when(profile.lastPasswordChange(), now, zone), Tone.NORMAL),
                new ProfileFact("Created", when(profile.createdDateTime(), now, zone), Tone.NORMAL));
    }

    private static String roles(List<RoleAssignment> roles) {
        if (roles.isEmpty()) {
            return "None";
        }
        return roles.stream().map(ProfileFacts::role).map(InertText::escape).collect(Collectors.joining("\n"));
    }

    private static String role(RoleAssignment role) {
        StringBuilder text = new StringBuilder(role.roleName());
        if (!role.tenantWide()) {
            text.append(" (scoped to ").append(role.directoryScopeId()).append(')');
        }
        if (role.viaGroup() != null) {
            text.append(" \u2014 through group ").append(role.viaGroup());
        }
        return text.toString();
    }

    private static String groups(List<GroupRef> groups) {
        return groups.isEmpty() ? "None" : groups.stream().map(GroupRef::displayName).map(InertText::escape)
                .collect(Collectors.joining("\n"));
    }

    private static String when(Instant instant, Instant now, ZoneId zone) {
        return instant == null ? "Not reported" : TimeText.dateTime(instant, zone) + " (" + TimeText.age(instant, now, zone) + ")";
    }
}
