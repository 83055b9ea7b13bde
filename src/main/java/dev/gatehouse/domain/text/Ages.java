package dev.gatehouse.domain.text;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/** How long ago something happened, in the words an admin would use ("yesterday", "3 years ago"). */
public final class Ages {

    private Ages() {
    }

    /**
     * How long ago {@code then} was, counted in calendar days in {@code zone} so that "yesterday" means the
     * previous date, not 24 hours. Instants slightly in the future (clock skew) read as "just now".
     */
    public static String ago(Instant then, Instant now, ZoneId zone) {
        if (then == null) {
            return "unknown";
        }
        Duration elapsed = Duration.between(then, now);
        if (elapsed.compareTo(Duration.ofMinutes(1)) < 0) {
            return "just now";
        }
        if (elapsed.compareTo(Duration.ofHours(1)) < 0) {
            return plural(elapsed.toMinutes(), "minute") + " ago";
        }
        LocalDate thenDate = LocalDate.ofInstant(then, zone);
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (thenDate.equals(today)) {
            return plural(elapsed.toHours(), "hour") + " ago";
        }
        if (thenDate.plusDays(1).equals(today)) {
            return "yesterday";
        }
        Period period = Period.between(thenDate, today);
        if (period.toTotalMonths() >= 12) {
            return plural(period.getYears(), "year") + " ago";
        }
        if (period.toTotalMonths() >= 1) {
            return plural(period.toTotalMonths(), "month") + " ago";
        }
        long days = thenDate.until(today).getDays();
        return days >= 14 ? plural(days / 7, "week") + " ago" : plural(days, "day") + " ago";
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
