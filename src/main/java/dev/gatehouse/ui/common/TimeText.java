package dev.gatehouse.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and ages the way an admin reads them: "12 Mar 2024, 14:05", "3 years ago", "yesterday". */
public final class TimeText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ENGLISH);

    private TimeText() {
    }

    public static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    public static String timeOfDay(Instant instant, ZoneId zone) {
        return TIME_OF_DAY.format(instant.atZone(zone));
    }

    /**
     * How long ago {@code then} was, counted in calendar days in {@code zone} so that "yesterday" means the
     * previous date, not 24 hours. Instants slightly in the future (clock skew) read as "just now".
     */
    public static String age(Instant then, Instant now, ZoneId zone) {
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
