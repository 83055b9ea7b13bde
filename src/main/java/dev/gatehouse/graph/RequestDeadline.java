package dev.gatehouse.graph;

import okhttp3.Interceptor;
import okhttp3.Request;

import java.time.Duration;

/**
 * When the request under way must be done: OkHttp's call timeout ends it then, whatever it is doing. Kiota's
 * RetryHandler sleeps inside that same call and does not notice the timeout, so {@link RetryPolicy} asks
 * {@link #leavesRoomFor} before accepting a Retry-After: a wait that does not fit fails at once as "throttled, try
 * again in N seconds" instead of sleeping past the deadline and reporting a timeout.
 * <p>
 * Carried as a tag on the request, set by {@link #tagging(Duration)} before the retry handler sees it.
 */
record RequestDeadline(long startNanos, long lengthNanos) {

    private static final long TOLERANCE_NANOS = 50_000_000L;

    /** Sets the tag; must come before Kiota's RetryHandler among the application interceptors. */
    static Interceptor tagging(Duration request) {
        return chain -> {
            Request tagged = chain.request().newBuilder()
                    .tag(RequestDeadline.class, new RequestDeadline(System.nanoTime(), request.toNanos()))
                    .build();
            return chain.proceed(tagged);
        };
    }

    /**
     * Whether sleeping {@code seconds} still leaves a quarter of the deadline for the next attempt. A request
     * without the tag (none in the gateway) has no deadline to respect.
     */
    static boolean leavesRoomFor(Request request, double seconds) {
        RequestDeadline deadline = request.tag(RequestDeadline.class);
        if (deadline == null) {
            return true;
        }
        long afterSleep = deadline.remainingNanos() - (long) (seconds * 1_000_000_000L);
        return afterSleep >= deadline.lengthNanos / 4;
    }

    /**
     * Whether the deadline has passed, give or take the moment between OkHttp starting its call timeout and this tag
     * being set.
     */
    boolean passed() {
        return remainingNanos() <= TOLERANCE_NANOS;
    }

    long remainingNanos() {
        return startNanos + lengthNanos - System.nanoTime();
    }
}
