package dev.gatehouse.domain.registration;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Sends requests to the authentication-methods APIs at Graph's pace: at most {@code limit} per sliding
 * {@code window} (5 per 10 s per app per tenant, graph-facts §13), so a bulk hand-out is never throttled by its own
 * requests. A request counts from when it was sent until {@code window} after its answer arrived: Graph counts it
 * when it arrives, which is some time between the two, so the next one cannot reach Graph early. After a 429 no
 * request leaves before the {@code Retry-After} is over.
 * <p>
 * Waiting blocks on a condition with a deadline, never spins; it ends early, with {@link InterruptedException}, when
 * the thread is interrupted, when {@link #cancelWaiting()} is called, or — checked at least every
 * {@link #CANCEL_CHECK} — when the caller's cancellation says so. Thread-safe; one pacer serves one token (one run).
 */
public final class TapPacer {

    /** Graph's identity and access reports limit, which covers the authentication-method APIs. */
    public static final int GRAPH_LIMIT = 5;
    public static final Duration GRAPH_WINDOW = Duration.ofSeconds(10);
    /** How often a waiting caller looks at a cancellation nobody signals (a flag behind a Stop button). */
    static final Duration CANCEL_CHECK = Duration.ofMillis(200);

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** When each of the last {@code limit} requests stops counting (answer + window); in flight = Long.MAX_VALUE. */
    private final Deque<long[]> slots = new ArrayDeque<>();
    private long notBefore = Long.MIN_VALUE;
    private long cancelGeneration;
    private long sent;

    public TapPacer(int limit, Duration window) {
        this(limit, window, System::nanoTime);
    }

    TapPacer(int limit, Duration window, LongSupplier nanoTime) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Graph's pace: 5 requests per 10 seconds. */
    public static TapPacer forGraph() {
        return new TapPacer(GRAPH_LIMIT, GRAPH_WINDOW);
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    /** Requests let through so far. */
    public long sent() {
        lock.lock();
        try {
            return sent;
        } finally {
            lock.unlock();
        }
    }

    /** One request on its way; {@link #close()} it when its answer (or failure) arrived. */
    public final class Permit implements AutoCloseable {
        private final long[] slot;
        private boolean closed;

        private Permit(long[] slot) {
            this.slot = slot;
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (!closed) {
                    closed = true;
                    slot[0] = nanoTime.getAsLong() + windowNanos;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits until one more request fits the window (and any Retry-After is over), then counts it as sent.
     *
     * @param cancelled asked at least every {@link #CANCEL_CHECK} while waiting
     * @throws InterruptedException when interrupted, cancelled or woken by {@link #cancelWaiting()}; nothing is counted
     */
    public Permit acquire(BooleanSupplier cancelled) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long generation = cancelGeneration;
            while (true) {
                if (cancelled.getAsBoolean() || generation != cancelGeneration) {
                    throw new InterruptedException("Stopped while waiting for Graph's request limit.");
                }
                long wait = waitNanos(nanoTime.getAsLong());
                if (wait <= 0) {
                    long[] slot = {Long.MAX_VALUE};
                    slots.addLast(slot);
                    sent++;
                    return new Permit(slot);
                }
                changed.awaitNanos(Math.min(wait, CANCEL_CHECK.toNanos()));
            }
        } finally {
            lock.unlock();
        }
    }

    /** How long a request would wait now: zero when it may go. */
    public Duration waitNow() {
        lock.lock();
        try {
            return Duration.ofNanos(Math.max(0, waitNanos(nanoTime.getAsLong())));
        } finally {
            lock.unlock();
        }
    }

    private long waitNanos(long now) {
        while (!slots.isEmpty() && slots.peekFirst()[0] <= now) {
            slots.removeFirst();
        }
        long wait = notBefore == Long.MIN_VALUE ? 0 : notBefore - now;
        if (slots.size() >= limit) {
            // the oldest that is still counting; an unanswered one never stops counting until it is answered
            long earliest = slots.stream().mapToLong(s -> s[0]).min().orElse(now);
            wait = Math.max(wait, earliest == Long.MAX_VALUE ? CANCEL_CHECK.toNanos() : earliest - now);
        }
        return wait;
    }

    /** Graph answered 429: nothing leaves before {@code retryAfter} from now. */
    public void throttled(Duration retryAfter) {
        lock.lock();
        try {
            long until = nanoTime.getAsLong() + Math.max(0, retryAfter.toNanos());
            notBefore = Math.max(notBefore, until);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends every wait in progress at once (Stop); later requests wait as usual. */
    public void cancelWaiting() {
        lock.lock();
        try {
            cancelGeneration++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
