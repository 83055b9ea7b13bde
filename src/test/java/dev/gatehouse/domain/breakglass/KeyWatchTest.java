package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.policy.KeyRestrictions;
import dev.gatehouse.domain.tenant.TenantException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch's pace, its end by arrival, deadline and cancel, on a clock of its own: a key "arrives" when the fake
 * tenant's time passes its registration moment.
 */
class KeyWatchTest {

    private static final KeyWatch.Account ONE = new KeyWatch.Account("id-1", "Emergency Access 01");
    private static final KeyWatch.Account TWO = new KeyWatch.Account("id-2", "Emergency Access 02");

    /** A clock that moves only when the watch sleeps, and keys that appear at a given moment. */
    private static final class FakeTenant implements KeyWatch.Time, KeyWatch.KeyReader {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        final Instant start = now;
        final Map<String, Instant> registersAt = new HashMap<>();
        final List<Instant> requests = new ArrayList<>();
        final List<TenantException> failures = new ArrayList<>();

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void sleep(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public List<AuthMethod> keys(String userId) {
            requests.add(now);
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            Instant at = registersAt.get(userId);
            return at == null || at.isAfter(now) ? List.of() : List.of(new AuthMethod(userId + "-key",
                    MethodType.FIDO2, "Security key", at, Map.of("Model", "YubiKey 5 NFC", "AAGUID",
                    "2fc0579f-8113-47ea-b116-555a8db9202a")));
        }

        Duration since(Instant moment) {
            return Duration.between(start, moment);
        }
    }

    private static final class Heard implements KeyWatch.Listener {
        final List<KeyArrival> keys = new ArrayList<>();
        final List<Duration> throttled = new ArrayList<>();

        @Override
        public void arrived(KeyArrival key) {
            keys.add(key);
        }

        @Override
        public void throttled(Duration wait) {
            throttled.add(wait);
        }
    }

    @Test
    void pollsEachWaitingAccountAtMostEveryFiveSecondsAndReportsEachKeyAsItArrives() {
        FakeTenant tenant = new FakeTenant();
        tenant.registersAt.put(ONE.userId(), tenant.start.plusSeconds(12));
        tenant.registersAt.put(TWO.userId(), tenant.start.plusSeconds(31));
        Heard heard = new Heard();

        KeyWatch.Outcome outcome = new KeyWatch(tenant, tenant).watch(List.of(ONE, TWO), Duration.ofMinutes(10),
                () -> false, heard);

        assertThat(outcome.end()).isEqualTo(KeyWatch.Outcome.End.ALL_ARRIVED);
        assertThat(outcome.stillWaiting()).isEmpty();
        assertThat(heard.keys).extracting(KeyArrival::account).containsExactly(ONE.label(), TWO.label());
        List<Instant> polls = tenant.requests.stream().distinct().toList();
        for (int i = 1; i < polls.size(); i++) {
            assertThat(Duration.between(polls.get(i - 1), polls.get(i))).as("poll %d", i)
                    .isGreaterThanOrEqualTo(KeyWatch.FLOOR);
        }
        assertThat(tenant.requests).as("one request per waiting account per poll: both until 01's key, then 02")
                .extracting(tenant::since).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5),
                        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(15),
                        Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ofSeconds(25), Duration.ofSeconds(30), Duration.ofSeconds(35));
    }

    @Test
    void fourAccountsArePolledNoFasterThanGraphsFiveRequestsPerTenSeconds() {
        FakeTenant tenant = new FakeTenant();
        List<KeyWatch.Account> four = List.of(ONE, TWO, new KeyWatch.Account("id-3", "3"),
                new KeyWatch.Account("id-4", "4"));

        new KeyWatch(tenant, tenant).watch(four, Duration.ofSeconds(30), () -> false, new Heard());

        assertThat(tenant.requests).extracting(tenant::since).containsExactly(Duration.ZERO, Duration.ZERO,
                Duration.ZERO, Duration.ZERO, Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8),
                Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(16), Duration.ofSeconds(16),
                Duration.ofSeconds(16), Duration.ofSeconds(24), Duration.ofSeconds(24), Duration.ofSeconds(24),
                Duration.ofSeconds(24));
    }

    @Test
    void theDeadlineEndsTheWatchWithWhoIsStillWaiting() {
        FakeTenant tenant = new FakeTenant();
        tenant.registersAt.put(ONE.userId(), tenant.start.plusSeconds(3));

        KeyWatch.Outcome outcome = new KeyWatch(tenant, tenant).watch(List.of(ONE, TWO), Duration.ofSeconds(22),
                () -> false, new Heard());

        assertThat(outcome.end()).isEqualTo(KeyWatch.Outcome.End.DEADLINE);
        assertThat(outcome.arrived()).extracting(KeyArrival::account).containsExactly(ONE.label());
        assertThat(outcome.stillWaiting()).containsExactly(TWO);
        assertThat(tenant.since(tenant.now)).as("waited until the deadline, not past it")
                .isEqualTo(Duration.ofSeconds(22));
    }

    @Test
    void aCancelEndsTheWaitWithinAMomentAndSendsNothingMore() {
        FakeTenant tenant = new FakeTenant();
        AtomicBoolean cancelled = new AtomicBoolean();
        KeyWatch.Time stopsAfterSevenSeconds = new KeyWatch.Time() {
            @Override
            public Instant now() {
                return tenant.now;
            }

            @Override
            public void sleep(Duration duration) {
                tenant.sleep(duration);
                if (tenant.since(tenant.now).compareTo(Duration.ofSeconds(7)) >= 0) {
                    cancelled.set(true);
                }
            }
        };

        KeyWatch.Outcome outcome = new KeyWatch(tenant, stopsAfterSevenSeconds).watch(List.of(ONE),
                Duration.ofMinutes(10), cancelled::get, new Heard());

        assertThat(outcome.end()).isEqualTo(KeyWatch.Outcome.End.CANCELLED);
        assertThat(outcome.stillWaiting()).containsExactly(ONE);
        assertThat(tenant.requests).extracting(tenant::since).containsExactly(Duration.ZERO, Duration.ofSeconds(5));
        assertThat(tenant.since(tenant.now)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void anInterruptedThreadStopsTheWatchAndKeepsItsFlag() {
        FakeTenant tenant = new FakeTenant();
        Thread.currentThread().interrupt();
        try {
            KeyWatch.Outcome outcome = new KeyWatch(tenant, tenant).watch(List.of(ONE), Duration.ofMinutes(1),
                    () -> false, new Heard());

            assertThat(outcome.end()).isEqualTo(KeyWatch.Outcome.End.CANCELLED);
            assertThat(tenant.requests).isEmpty();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aThrottledPollWaitsForTheRetryAfterBeforeSendingAgain() {
        FakeTenant tenant = new FakeTenant();
        tenant.failures.add(new TenantException(TenantException.Kind.THROTTLED, "throttled", 429, "TooManyRequests",
                null, null, Duration.ofSeconds(30)));
        tenant.registersAt.put(ONE.userId(), tenant.start);
        tenant.registersAt.put(TWO.userId(), tenant.start);
        Heard heard = new Heard();

        KeyWatch.Outcome outcome = new KeyWatch(tenant, tenant).watch(List.of(ONE, TWO), Duration.ofMinutes(5),
                () -> false, heard);

        assertThat(outcome.end()).isEqualTo(KeyWatch.Outcome.End.ALL_ARRIVED);
        assertThat(heard.throttled).containsExactly(Duration.ofSeconds(30));
        assertThat(tenant.requests).extracting(tenant::since).containsExactly(Duration.ZERO, Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }

    @Test
    void aKeyOfARefusedModelIsReportedOnceAndItsAccountIsStillWaitedFor() {
        FakeTenant tenant = new FakeTenant();
        tenant.registersAt.put(ONE.userId(), tenant.start.plusSeconds(6));
        Heard heard = new Heard();
        KeyRestrictions blockingTheNfc = new KeyRestrictions(true, KeyRestrictions.Enforcement.BLOCK,
                Set.of("2fc0579f-8113-47ea-b116-555a8db9202a"));

        KeyWatch.Outcome outcome = new KeyWatch(tenant, tenant).watch(List.of(ONE), blockingTheNfc,
                Duration.ofSeconds(30), () -> false, heard);

        assertThat(outcome.end()).isEqualTo(KeyWatch.Outcome.End.DEADLINE);
        assertThat(outcome.stillWaiting()).containsExactly(ONE);
        assertThat(heard.keys).as("reported as it arrived, not at every poll after").hasSize(1);
        assertThat(tenant.requests.size()).as("polled on after the refused key").isGreaterThan(3);
    }
}
