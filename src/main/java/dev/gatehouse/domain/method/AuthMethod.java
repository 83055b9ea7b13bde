package dev.gatehouse.domain.method;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One registered authentication method.
 *
 * @param summary  the line an admin recognises it by: key model, phone number, device name…
 * @param created  when it was registered; Graph leaves this null for some types (phone, email, OATH)
 * @param details  further type-specific facts in display order (label → value), never secrets
 * @param tap      the pass's state for a Temporary Access Pass, null for every other type
 * @param graph    the type's own properties under Graph's names, with Graph's values ({@code phoneType}:
 *                 {@code alternateMobile}, {@code isUsableOnce}: true), for machine-readable output; never secrets.
 *                 Empty for a method that was not read from a tenant (one a plan predicts).
 */
public record AuthMethod(String id, MethodType type, String summary, Instant created, Map<String, String> details,
                         TapState tap, Map<String, Object> graph) {

    /**
     * How recent a method must be to be flagged: an attacker who got in registers their own method first, and an
     * admin looking at a user within a week of that should see it stand out.
     */
    public static final Duration RECENT = Duration.ofDays(7);

    public AuthMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        summary = summary == null ? "" : summary;
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details == null ? Map.of() : details));
        graph = Collections.unmodifiableMap(new LinkedHashMap<>(graph == null ? Map.of() : graph));
    }

    public AuthMethod(String id, MethodType type, String summary, Instant created, Map<String, String> details,
                      TapState tap) {
        this(id, type, summary, created, details, tap, Map.of());
    }

    public AuthMethod(String id, MethodType type, String summary, Instant created, Map<String, String> details) {
        this(id, type, summary, created, details, null);
    }

    /** True when the method was registered within {@code window} before {@code now}; unknown dates are not recent. */
    public boolean addedWithin(Duration window, Instant now) {
        return created != null && registeredWithin(created, window, now);
    }

    /** {@code registered} lies within {@code window} before {@code now}, allowing five minutes of clock skew. */
    public static boolean registeredWithin(Instant registered, Duration window, Instant now) {
        return !registered.isBefore(now.minus(window)) && !registered.isAfter(now.plus(Duration.ofMinutes(5)));
    }

    /** Registered within {@link #RECENT} before {@code now}. */
    public boolean recent(Instant now) {
        return addedWithin(RECENT, now);
    }

    /** Graph v1.0 reports no registration date for some types (phone, email, software OATH). */
    public boolean undated() {
        return created == null;
    }

    public String detail(String label) {
        return details.get(label);
    }
}
