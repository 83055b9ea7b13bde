package dev.gatehouse.ui.common;

import dev.gatehouse.domain.text.Ages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
     * The zone as an admin names it: "UTC" for UTC however the system spells it ({@code Etc/UTC}, {@code Z},
     * {@code GMT}), "Australia/Sydney time" for a region.
     */
    public static String zoneName(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (normalized instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        }
        return zone.getId() + " time";
    }

    /** How long ago, in calendar days of {@code zone}; see {@link Ages#ago}. */
    public static String age(Instant then, Instant now, ZoneId zone) {
        return Ages.ago(then, now, zone);
    }
}
