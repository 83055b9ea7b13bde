package dev.gatehouse.domain.emergency;

import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.user.UserProfile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The name heuristic, kept only as a hint: Entra has no "break-glass" flag, and Microsoft's guidance and most tenants
 * name these accounts or their group "emergency access" or "break glass". A name proves nothing, so this never
 * decides on its own that an account is an emergency account.
 */
final class BreakGlassNames {

    private static final List<String> WORDS = List.of("emergency", "breakglass", "break-glass", "break glass",
            "break.glass", "break_glass");

    private BreakGlassNames() {
    }

    /** What makes the account look like one ("its name", "its group 'Break Glass'"), or empty when nothing does. */
    static Optional<String> why(UserProfile profile, List<GroupRef> groups) {
        if (mentions(profile.displayName())) {
            return Optional.of("its name '" + profile.displayName() + "'");
        }
        if (mentions(profile.userPrincipalName())) {
            return Optional.of("its user name '" + profile.userPrincipalName() + "'");
        }
        return groups.stream().filter(g -> mentions(g.displayName())).findFirst()
                .map(g -> "its group '" + g.displayName() + "'");
    }

    private static boolean mentions(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return WORDS.stream().anyMatch(lower::contains);
    }
}
