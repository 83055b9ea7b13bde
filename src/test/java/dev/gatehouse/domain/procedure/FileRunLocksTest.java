package dev.gatehouse.domain.procedure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FileRunLocksTest {

    @TempDir
    Path data;

    private static final Instant T0 = Instant.parse("2026-12-06T09:14:00Z");
    private final RunKey key = new RunKey("Demo tenant · compromised", "compromised-account", "alex-id");
    private final RunHolder window = new RunHolder(RunHolder.WINDOW, "adele@tailspintoys.com",
            ProcessHandle.current().pid(), "WS-17", T0);

    @Test
    void aSecondRunInThisProcessIsRefusedWithWhoHoldsItAndSinceWhen() {
        FileRunLocks locks = new FileRunLocks(data);
        try (RunLocks.RunLock held = locks.acquire(key, window, "the run", false)) {
            RunInProgressException refused = catchThrowableOfType(RunInProgressException.class,
                    () -> new FileRunLocks(data).acquire(key, RunHolder.thisProcess(RunHolder.COMMAND_LINE,
                            "megan@tailspintoys.com", T0.plusSeconds(60)), "the run", true));

            assertThat(refused.stale()).isFalse();
            assertThat(refused.holder()).isEqualTo(window);
            assertThat(refused.getMessage()).contains("adele@tailspintoys.com in the Gatehouse window (process "
                    + ProcessHandle.current().pid() + " on WS-17), since 6 Dec 2026, 09:14 UTC");
            assertThat(locks.holder(key)).contains(new RunLocks.Held(window, false));
        }
        assertThat(locks.holder(key)).isEmpty();
        locks.acquire(key, window, "the run", false).close();
    }

    @Test
    void askingWhoHoldsARunWhileThisProcessHoldsItNeverFreesItForAnotherProcess() throws Exception {
        FileRunLocks locks = new FileRunLocks(data);
        try (RunLocks.RunLock held = locks.acquire(key, window, "the run", false)) {
            for (int i = 0; i < 20; i++) {
                assertThat(locks.holder(key)).contains(new RunLocks.Held(window, false));
            }

            assertThatThrownBy(() -> LockHoldingProcess.start(data, key))
                    .as("the OS lock is still ours").hasMessageContaining("Another run of the test run is in progress");
        }
    }

    @Test
    void otherRunsAreNotHeldUp() {
        FileRunLocks locks = new FileRunLocks(data);
        try (RunLocks.RunLock held = locks.acquire(key, window, "the run", false);
             RunLocks.RunLock other = locks.acquire(new RunKey(key.tenant(), key.procedure(), "megan-id"), window,
                     "another", false)) {
            assertThat(locks.holder(new RunKey(key.tenant(), "breakglass-setup", "tenant"))).isEmpty();
        }
    }

    @Test
    void ofManyThreadsRacingForOneRunExactlyOneGetsIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch hold = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try {
            Future<?>[] racers = new Future<?>[8];
            for (int i = 0; i < racers.length; i++) {
                racers[i] = pool.submit(() -> {
                    start.await();
                    try (RunLocks.RunLock lock = new FileRunLocks(data).acquire(key, window, "the run", false)) {
                        won.incrementAndGet();
                        hold.await(10, TimeUnit.SECONDS);
                    } catch (RunInProgressException e) {
                        refused.incrementAndGet();
                    }
                    return null;
                });
            }
            start.countDown();
            while (won.get() + refused.get() < racers.length - 1 || won.get() == 0) {
                Thread.sleep(5);
            }
            hold.countDown();
            for (Future<?> racer : racers) {
                racer.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(won.get()).isEqualTo(1);
        assertThat(refused.get()).isEqualTo(7);
    }

    @Test
    void anotherProcessIsRefusedWhileItHoldsTheRunAndAStaleLockIsTakenOverOnlyDeliberately() throws Exception {
        Process child = LockHoldingProcess.start(data, key);
        try {
            RunInProgressException live = catchThrowableOfType(RunInProgressException.class,
                    () -> new FileRunLocks(data).acquire(key, window, "\u201cCompromised account\u201d on Alex", true));
            assertThat(live.stale()).as("a live holder is never taken over").isFalse();
            assertThat(live.holder().processId()).isEqualTo(child.pid());
            assertThat(live.getMessage()).startsWith("Another run of \u201cCompromised account\u201d on Alex is in "
                    + "progress: " + LockHoldingProcess.ACTOR + " in the gatehouse command line (process " + child.pid());
        } finally {
            LockHoldingProcess.kill(child);
        }

        FileRunLocks locks = new FileRunLocks(data);
        assertThat(locks.holder(key)).hasValueSatisfying(held -> {
            assertThat(held.stale()).isTrue();
            assertThat(held.holder().processId()).isEqualTo(child.pid());
        });
        RunInProgressException stale = catchThrowableOfType(RunInProgressException.class,
                () -> locks.acquire(key, window, "the run", false));
        assertThat(stale.stale()).isTrue();
        assertThat(stale.getMessage()).contains("was left unfinished by " + LockHoldingProcess.ACTOR)
                .contains("ended without finishing").contains("take the run over");

        locks.acquire(key, window, "the run", true).close();

        assertThat(locks.holder(key)).as("taken over and released: free again").isEmpty();
        locks.acquire(key, window, "the run", false).close();
    }

    @Test
    void aHolderRecordThatCannotBeReadStillCountsAsSomebody() throws Exception {
        FileRunLocks locks = new FileRunLocks(data);
        locks.acquire(key, window, "the run", false).close();
        java.nio.file.Files.writeString(data.resolve(JsonProgressStore.FOLDER).resolve(key.fileStem() + ".holder"),
                "{not json");

        assertThatThrownBy(() -> locks.acquire(key, window, "the run", false))
                .isInstanceOf(RunInProgressException.class).hasMessageContaining("cannot be read");
    }
}
