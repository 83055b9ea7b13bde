package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.policy.KeyRestrictions;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.UserDetail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Waits for the emergency-access accounts' FIDO2 keys while the admin registers them at My Security Info: polls each
 * account still without a key the FIDO2 key restrictions allow ({@code GET /users/{id}/authentication/fido2Methods}, one request per account per poll)
 * until every one has a key, the deadline passes, or the watch is cancelled (the flag, or the thread interrupted).
 * Each key is reported the moment it is seen, so the window and the command line can show it as it happens.
 * <p>
 * Pace: the authentication-method APIs allow about 5 requests per 10 s per app and tenant (graph-facts §13), so a
 * poll of {@code n} accounts starts at least {@code max(5 s, n × 2 s)} after the previous one; a 429 that the
 * gateway's own retries did not absorb ends the poll, and nothing is sent before its {@code Retry-After} is over.
 * No JavaFX, blocks while it waits: run it off the FX thread.
 */
public final class KeyWatch {

    /** Never two polls closer than this: a key takes a person far longer to register. */
    public static final Duration FLOOR = Duration.ofSeconds(5);
    /** 10 s / 5 requests: each account polled adds this much to the interval, so a poll never exceeds Graph's pace. */
    public static final Duration PER_REQUEST = Duration.ofSeconds(2);
    /** How long to hold off after a 429 that named no Retry-After: Graph's window. */
    static final Duration THROTTLED_WITHOUT_RETRY_AFTER = Duration.ofSeconds(10);
    /** How often a wait looks at the cancellation flag. */
    static final Duration CANCEL_CHECK = Duration.ofMillis(200);

    /** An account the watch waits for. */
    public record Account(String userId, String label) {
        public Account {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(label, "label");
        }
    }

    /** How a watch ended: the keys seen, and who still has none. */
    public record Outcome(End end, List<KeyArrival> arrived, List<Account> stillWaiting) {
        public enum End { ALL_ARRIVED, DEADLINE, CANCELLED }

        public Outcome {
            arrived = List.copyOf(arrived);
            stillWaiting = List.copyOf(stillWaiting);
        }
    }

    /** Hears about the watch as it goes; called on the watching thread. */
    public interface Listener {
        void arrived(KeyArrival key);

        /** A poll found {@code waiting} accounts still without a key; the next one is in {@code next}. */
        default void polled(List<Account> waiting, Duration next) {
        }

        /** Graph throttled the watch: nothing is sent for {@code wait}. */
        default void throttled(Duration wait) {
        }
    }

    /** Reads one account's keys: {@code TenantDirectory::fido2Methods} in the application. */
    @FunctionalInterface
    public interface KeyReader {
        List<AuthMethod> keys(String userId);
    }

    /** The clock and the waiting, apart so tests run a watch of minutes in no time. */
    public interface Time {
        Instant now();

        void sleep(Duration duration) throws InterruptedException;

        static Time system() {
            return new Time() {
                @Override
                public Instant now() {
                    return Instant.now();
                }

                @Override
                public void sleep(Duration duration) throws InterruptedException {
                    Thread.sleep(Math.max(0, duration.toMillis()));
                }
            };
        }
    }

    private final KeyReader reader;
    private final Time time;

    public KeyWatch(KeyReader reader, Time time) {
        this.reader = reader;
        this.time = time;
    }

    /** The accounts of {@code roster} with no FIDO2 key the restrictions allow, in the read it came from. */
    public static List<Account> withoutKey(AccountRoster roster, KeyRestrictions restrictions) {
        return roster.accounts().stream()
                .filter(a -> a.methods().stream().noneMatch(m -> m.type() == MethodType.FIDO2
                        && !BlockedKeys.blocked(m, restrictions)))
                .map(KeyWatch::account).toList();
    }

    public static Account account(UserDetail detail) {
        return new Account(detail.profile().id(), AccountRoster.label(detail));
    }

    /**
     * Polls until every account in {@code waiting} has a key, {@code timeout} has passed, or {@code cancelled} says
     * so (or the thread is interrupted, whose flag is then set again for the caller).
     *
     * @throws TenantException when a read fails other than by throttling or a cancel (no permission, no connection)
     */
    public Outcome watch(List<Account> waiting, Duration timeout, BooleanSupplier cancelled, Listener listener) {
        return watch(waiting, KeyRestrictions.NONE, timeout, cancelled, listener);
    }

    /**
     * As {@link #watch(List, Duration, BooleanSupplier, Listener)}, where a key of a model {@code restrictions} refuse
     * is reported as it arrives but its account is still waited for: Entra refuses such a key at sign-in, so it is no
     * way in.
     */
    public Outcome watch(List<Account> waiting, KeyRestrictions restrictions, Duration timeout,
                         BooleanSupplier cancelled, Listener listener) {
        List<Account> pending = new ArrayList<>(waiting);
        List<KeyArrival> arrived = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        Instant deadline = time.now().plus(timeout);
        try {
            while (!pending.isEmpty()) {
                Instant pollStarted = time.now();
                Duration interval = max(FLOOR, PER_REQUEST.multipliedBy(pending.size()));
                Instant notBefore = pollStarted;
                for (Account account : List.copyOf(pending)) {
                    if (stopped(cancelled)) {
                        return new Outcome(Outcome.End.CANCELLED, arrived, pending);
                    }
                    List<AuthMethod> keys;
                    try {
                        keys = reader.keys(account.userId());
                    } catch (TenantException e) {
                        if (e.kind() == TenantException.Kind.CANCELLED) {
                            return new Outcome(Outcome.End.CANCELLED, arrived, pending);
                        }
                        if (e.kind() != TenantException.Kind.THROTTLED) {
                            throw e;
                        }
                        Duration wait = e.retryAfter().orElse(THROTTLED_WITHOUT_RETRY_AFTER);
                        listener.throttled(wait);
                        notBefore = time.now().plus(wait);
                        break; // the rest of this poll waits with everything else
                    }
                    for (AuthMethod key : keys) {
                        // each key is reported once, a refused one too, though its account is still waited for
                        if (key.type() == MethodType.FIDO2 && reported.add(key.id())) {
                            KeyArrival arrival = new KeyArrival(account.userId(), account.label(), key);
                            arrived.add(arrival);
                            listener.arrived(arrival);
                        }
                    }
                    if (keys.stream().anyMatch(k -> k.type() == MethodType.FIDO2 && !BlockedKeys.blocked(k,
                            restrictions))) {
                        pending.remove(account);
                    }
                }
                if (pending.isEmpty()) {
                    break;
                }
                Instant next = later(pollStarted.plus(interval), notBefore);
                listener.polled(List.copyOf(pending), Duration.between(time.now(), next).isNegative() ? Duration.ZERO
                        : Duration.between(time.now(), next));
                if (next.isAfter(deadline)) {
                    if (!waitUntil(deadline, cancelled)) {
                        return new Outcome(Outcome.End.CANCELLED, arrived, pending);
                    }
                    return new Outcome(Outcome.End.DEADLINE, arrived, pending);
                }
                if (!waitUntil(next, cancelled)) {
                    return new Outcome(Outcome.End.CANCELLED, arrived, pending);
                }
            }
            return new Outcome(Outcome.End.ALL_ARRIVED, arrived, pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Outcome.End.CANCELLED, arrived, pending);
        }
    }

    /** Sleeps until {@code moment} in short slices, so a flag behind a Stop button is seen; false when stopped. */
    private boolean waitUntil(Instant moment, BooleanSupplier cancelled) throws InterruptedException {
        while (true) {
            if (stopped(cancelled)) {
                return false;
            }
            Duration left = Duration.between(time.now(), moment);
            if (left.isNegative() || left.isZero()) {
                return true;
            }
            time.sleep(left.compareTo(CANCEL_CHECK) < 0 ? left : CANCEL_CHECK);
        }
    }

    /** The flag, or an interrupt (whose flag stays set for the caller). */
    private static boolean stopped(BooleanSupplier cancelled) {
        return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
