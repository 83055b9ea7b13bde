package dev.gatehouse.domain.registration;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sliding window, Retry-After, and stopping a wait: with real time, in a window of a fraction of a second. */
class TapPacerTest {

    private static final Duration WINDOW = Duration.ofMillis(400);

    @Test
    void neverLetsMoreThanTheLimitIntoAnyWindowCountedFromEachAnswer() throws Exception {
        TapPacer pacer = new TapPacer(5, WINDOW);
        List<long[]> requests = new ArrayList<>(); // sent, answered
        for (int i = 0; i < 17; i++) {
            try (TapPacer.Permit ignored = pacer.acquire(() -> false)) {
                long sent = System.nanoTime();
                Thread.sleep(i % 3 == 0 ? 30 : 2); // the answer takes a while
                requests.add(new long[]{sent, System.nanoTime()});
            }
        }
        for (int i = 5; i < requests.size(); i++) {
            long answerOfFifthBefore = requests.get(i - 5)[1];
            assertThat(requests.get(i)[0] - answerOfFifthBefore).as("request %d", i)
                    .isGreaterThanOrEqualTo(WINDOW.toNanos());
        }
        assertThat(pacer.sent()).isEqualTo(17);
        // and no slower than needed: 17 requests are 3 full windows after the first five, plus the answers
        double took = (requests.get(16)[0] - requests.get(0)[0]) / 1e9;
        assertThat(took).isLessThan(3 * WINDOW.toMillis() / 1000.0 + 0.5);
    }

    @Test
    void nothingLeavesBeforeTheRetryAfterIsOver() throws Exception {
        TapPacer pacer = new TapPacer(5, WINDOW);
        pacer.acquire(() -> false).close();
        pacer.throttled(Duration.ofMillis(300));
        long start = System.nanoTime();
        pacer.acquire(() -> false).close();
        assertThat((System.nanoTime() - start) / 1e6).isGreaterThanOrEqualTo(290);
    }

    @Test
    void waitingUsesNoCpuAndEndsAtOnceWhenCancelled() throws Exception {
        TapPacer pacer = new TapPacer(1, Duration.ofSeconds(30));
        pacer.acquire(() -> false).close();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CompletableFuture<long[]> waiter = CompletableFuture.supplyAsync(() -> {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            try {
                pacer.acquire(() -> false).close();
                return new long[]{-1, -1};
            } catch (InterruptedException e) {
                return new long[]{threads.getCurrentThreadCpuTime() - cpu, System.nanoTime() - start};
            }
        });
        Thread.sleep(1_500);
        long cancelledAt = System.nanoTime();
        pacer.cancelWaiting();
        long[] waited = waiter.get(2, TimeUnit.SECONDS);
        assertThat(waited[0]).as("a cancelled wait throws").isNotNegative();
        assertThat(System.nanoTime() - cancelledAt).as("ends at once").isLessThan(Duration.ofMillis(500).toNanos());
        assertThat(Duration.ofNanos(waited[0])).as("CPU used while waiting 1.5 s")
                .isLessThan(Duration.ofMillis(150));
        assertThat(pacer.sent()).as("the cancelled request was not counted").isEqualTo(1);
    }

    @Test
    void aStopButtonFlagAndAnInterruptEndTheWaitToo() throws Exception {
        TapPacer pacer = new TapPacer(1, Duration.ofSeconds(30));
        pacer.acquire(() -> false).close();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Boolean> flagged = CompletableFuture.supplyAsync(() -> {
            try {
                pacer.acquire(stop::get).close();
                return false;
            } catch (InterruptedException e) {
                return true;
            }
        });
        Thread.sleep(300);
        stop.set(true);
        assertThat(flagged.get(1, TimeUnit.SECONDS)).isTrue();

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> pacer.acquire(() -> false)).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isFalse();
    }
}
