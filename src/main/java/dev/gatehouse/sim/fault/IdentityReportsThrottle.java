package dev.gatehouse.sim.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Graph's "identity and access reports" throttling limit, which the documentation also applies to the
 * authentication methods APIs: 5 requests per 10 seconds per app per tenant (graph-facts §13). The demo
 * tenant counts per bearer token over a sliding window; requests inside a {@code $batch} count one by one.
 */
public final class IdentityReportsThrottle {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofSeconds(10);

    private final Map<String, Deque<Instant>> admitted = new HashMap<>();

    /** Whether the limit covers the path (segments after the service root, with /me already expanded). */
    public static boolean covers(List<String> path) {
        if (path.isEmpty()) {
            return false;
        }
        String first = path.get(0).toLowerCase(Locale.ROOT);
        return first.equals("auditlogs") || first.equals("reports")
                || first.equals("users") && path.size() > 2 && path.get(2).equalsIgnoreCase("authentication");
    }

    /**
     * Counts the request when the caller is under the limit; otherwise answers how many whole seconds to wait
     * before the oldest counted request leaves the window.
     */
    public synchronized OptionalLong admit(String caller, Instant now) {
        Deque<Instant> times = admitted.computeIfAbsent(caller, c -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
        if (times.size() < LIMIT) {
            times.addLast(now);
            return OptionalLong.empty();
        }
        Duration wait = Duration.between(now, times.peekFirst().plus(WINDOW));
        return OptionalLong.of(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
