package dev.gatehouse.domain.text;

import java.time.Duration;
import java.time.Instant;

/** How long ago something happened, in the words an admin would use ("yesterday", "3 years ago"). */
public final class Ages {

    private Ages() {
    }

    public static String ago(Instant then, Instant now) {
        if (then == null) {
            return "unknown";
        }
        Duration age = Duration.between(then, now);
        if (age.isNegative()) {
            return "in the future";
        }
        long minutes = age.toMinutes();
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return plural(minutes, "minute") + " ago";
        }
        long hours = age.toHours();
        if (hours < 24) {
            return plural(hours, "hour") + " ago";
        }
        long days = age.toDays();
        if (days == 1) {
            return "yesterday";
        }
        if (days < 31) {
            return days + " days ago";
        }
        if (days < 365) {
            return plural(days / 30, "month") + " ago";
        }
        return plural(days / 365, "year") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
