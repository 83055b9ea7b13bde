package dev.gatehouse.sim.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which share of responses the demo tenant spoils, parsed from a spec such as
 * {@code 429=0.1,503=0.05,slow=0.2:300ms,retry-after=2,seed=7}:
 * <ul>
 *   <li>{@code 429=P} — share answered 429 Too Many Requests with a {@code Retry-After} header</li>
 *   <li>{@code 503=P} — share answered 503 Service Unavailable (also with {@code Retry-After})</li>
 *   <li>{@code slow=P:D} — share delayed by D ({@code 300ms}, {@code 2s}) before being answered</li>
 *   <li>{@code retry-after=S} — seconds in the {@code Retry-After} header (default 1)</li>
 *   <li>{@code seed=N} — makes the sequence of spoiled requests repeatable (default 1)</li>
 *   <li>{@code auth-methods-limit=on} — Graph's identity and access reports limit on authentication-method,
 *       report and audit-log requests: about 5 per 10 seconds per caller, then 429 with {@code Retry-After}
 *       (graph-facts §13); off by default so demos stay snappy</li>
 * </ul>
 * Shares are between 0 and 1; 429 and 503 together at most 1. {@code none} or an empty spec means no faults.
 */
public record FaultSpec(double throttled, double unavailable, double slow, Duration delay, int retryAfterSeconds,
                        long seed, boolean authMethodsLimit) {

    public static final FaultSpec NONE = new FaultSpec(0, 0, 0, Duration.ZERO, 1, 1);

    /** Random faults only, without the authentication-methods limit. */
    public FaultSpec(double throttled, double unavailable, double slow, Duration delay, int retryAfterSeconds, long seed) {
        this(throttled, unavailable, slow, delay, retryAfterSeconds, seed, false);
    }

    public FaultSpec {
        requireShare("429", throttled);
        requireShare("503", unavailable);
        requireShare("slow", slow);
        if (throttled + unavailable > 1.0) {
            throw new IllegalArgumentException("Fault spec: the 429 and 503 shares add up to more than 1 ("
                    + (throttled + unavailable) + ").");
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Fault spec: the slow delay cannot be negative.");
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Fault spec: retry-after must be 0 or more seconds.");
        }
    }

    public static FaultSpec parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
            return NONE;
        }
        double throttled = 0;
        double unavailable = 0;
        double slow = 0;
        Duration delay = Duration.ZERO;
        int retryAfter = 1;
        long seed = 1;
        boolean limit = false;
        for (String part : spec.split(",")) {
            String item = part.trim();
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Fault spec: '" + item + "' is not key=value. " + SYNTAX);
            }
            String key = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = item.substring(eq + 1).trim();
            switch (key) {
                case "429" -> throttled = share(key, value);
                case "503" -> unavailable = share(key, value);
                case "slow" -> {
                    int colon = value.indexOf(':');
                    if (colon < 0) {
                        throw new IllegalArgumentException("Fault spec: slow needs a share and a delay, e.g. "
                                + "slow=0.2:300ms.");
                    }
                    slow = share(key, value.substring(0, colon));
                    delay = duration(value.substring(colon + 1));
                }
                case "retry-after" -> retryAfter = (int) integer(key, value);
                case "seed" -> seed = integer(key, value);
                case "auth-methods-limit" -> limit = switch (value.toLowerCase(Locale.ROOT)) {
                    case "on" -> true;
                    case "off" -> false;
                    default -> throw new IllegalArgumentException("Fault spec: auth-methods-limit is on or off, not '"
                            + value + "'.");
                };
                default -> throw new IllegalArgumentException("Fault spec: unknown key '" + key + "'. " + SYNTAX);
            }
        }
        return new FaultSpec(throttled, unavailable, slow, delay, retryAfter, seed, limit);
    }

    /** No random faults (the authentication-methods limit is not a random fault). */
    public boolean none() {
        return throttled == 0 && unavailable == 0 && (slow == 0 || delay.isZero());
    }

    /** The spec in the syntax {@link #parse} reads. */
    public String describe() {
        if (none()) {
            return authMethodsLimit ? "auth-methods-limit=on" : "none";
        }
        List<String> parts = new ArrayList<>();
        if (throttled > 0) {
            parts.add("429=" + throttled);
        }
        if (unavailable > 0) {
            parts.add("503=" + unavailable);
        }
        if (slow > 0) {
            parts.add("slow=" + slow + ":" + delay.toMillis() + "ms");
        }
        parts.add("retry-after=" + retryAfterSeconds);
        parts.add("seed=" + seed);
        if (authMethodsLimit) {
            parts.add("auth-methods-limit=on");
        }
        return String.join(",", parts);
    }

    private static final String SYNTAX = "Expected e.g. 429=0.1,503=0.05,slow=0.2:300ms,retry-after=2,seed=7"
            + " or auth-methods-limit=on.";

    private static void requireShare(String name, double share) {
        if (Double.isNaN(share) || share < 0 || share > 1) {
            throw new IllegalArgumentException("Fault spec: the " + name + " share must be between 0 and 1, not "
                    + share + ".");
        }
    }

    private static double share(String key, String value) {
        try {
            double share = Double.parseDouble(value.trim());
            requireShare(key, share);
            return share;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Fault spec: " + key + " needs a share between 0 and 1, not '"
                    + value + "'.");
        }
    }

    private static long integer(String key, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Fault spec: " + key + " needs a whole number, not '" + value + "'.");
        }
    }

    private static Duration duration(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).trim()));
            }
            if (text.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1).trim())
                        * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Fault spec: the slow delay must look like 300ms or 2s, not '" + value
                + "'.");
    }
}
