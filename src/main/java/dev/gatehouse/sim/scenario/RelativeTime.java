package dev.gatehouse.sim.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario dates relative to the moment a scenario is loaded, so that "added yesterday" stays yesterday:
 * {@code now}, {@code -1d}, {@code -400d}, {@code -2h}, {@code -30m}, {@code +7d}, combinations such as
 * {@code -1d-3h}, or an absolute ISO date-time ({@code 2025-03-01T09:00:00Z}).
 */
public final class RelativeTime {

    private static final Pattern RELATIVE = Pattern.compile("([+-])(\\d+)([dhms])");
    private static final Pattern WHOLE = Pattern.compile("now|([+-]\\d+[dhms])+");

    private RelativeTime() {
    }

    public static boolean isRelative(String text) {
        return text != null && WHOLE.matcher(text.trim()).matches();
    }

    /** @throws IllegalArgumentException with a message naming the bad value */
    public static Instant resolve(String text, Instant now) {
        String value = text.trim();
        if (value.equals("now")) {
            return now;
        }
        if (WHOLE.matcher(value).matches()) {
            Instant result = now;
            Matcher part = RELATIVE.matcher(value);
            while (part.find()) {
                long amount = Long.parseLong(part.group(2)) * (part.group(1).equals("-") ? -1 : 1);
                Duration step = switch (part.group(3)) {
                    case "d" -> Duration.ofDays(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofSeconds(amount);
                };
                result = result.plus(step);
            }
            return result;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a relative time (now, -1d, -2h, -30m, +7d) "
                    + "nor an ISO date-time");
        }
    }
}
