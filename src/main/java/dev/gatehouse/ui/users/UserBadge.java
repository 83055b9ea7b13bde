package dev.gatehouse.ui.users;

import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.domain.user.UserType;

import java.util.ArrayList;
import java.util.List;

/** The states a help-desk agent must notice before touching a user, shown next to the name. */
public enum UserBadge {
    GUEST("Guest"),
    DISABLED("Disabled"),
    SYNCED("Synced");

    private final String label;

    UserBadge(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static List<UserBadge> of(UserSummary user) {
        List<UserBadge> badges = new ArrayList<>();
        if (user.userType() == UserType.GUEST) {
            badges.add(GUEST);
        }
        if (!user.accountEnabled()) {
            badges.add(DISABLED);
        }
        if (user.syncState() == SyncState.SYNCED) {
            badges.add(SYNCED);
        }
        return badges;
    }
}
