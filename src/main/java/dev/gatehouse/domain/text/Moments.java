package dev.gatehouse.domain.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A moment in the sentences the domain writes (plans, warnings, the journal): "21 Nov 2026, 08:36 UTC". The domain
 * does not know the admin's time zone, so it names UTC rather than pass an ISO timestamp off as prose; the GUI shows
 * local times where it lays out its own fields.
 */
public final class Moments {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Moments() {
    }

    public static String of(Instant moment) {
        return FORMAT.format(moment);
    }
}
