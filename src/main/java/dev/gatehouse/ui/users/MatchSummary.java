package dev.gatehouse.ui.users;

import dev.gatehouse.domain.user.UserQuery;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.OptionalLong;

/** The line above the user list that says how much of the result is on screen. */
final class MatchSummary {

    private MatchSummary() {
    }

    static String of(UserQuery query, int shown, OptionalLong total, boolean hasMore) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        String noun = query.isSearch() ? (total.orElse(shown) == 1 ? "match" : "matches")
                : (total.orElse(shown) == 1 ? "user" : "users");
        if (total.isPresent()) {
            return numbers.format(shown) + " of " + numbers.format(total.getAsLong()) + " " + noun;
        }
        return numbers.format(shown) + " " + noun + (hasMore ? ", more available" : "");
    }
}
