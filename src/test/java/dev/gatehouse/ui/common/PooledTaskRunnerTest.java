package dev.gatehouse.ui.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class PooledTaskRunnerTest {

    /** Stands in for the FX thread: one thread, actions in order. */
    private final ExecutorService ui = Executors.newSingleThreadExecutor(work -> new Thread(work, "ui"));
    private final PooledTaskRunner runner = new PooledTaskRunner(ui);

    @AfterEach
    void stop() {
        runner.close();
        ui.shutdownNow();
    }

    @Test
    void workRunsOnADaemonWorkerAndTheResultArrivesOnTheUiThread() throws Exception {
        CompletableFuture<String> workThread = new CompletableFuture<>();
        CompletableFuture<String> deliveredOn = new CompletableFuture<>();

        onUi(() -> runner.run("probe", () -> {
            Thread current = Thread.currentThread();
            workThread.complete(current.getName() + (current.isDaemon() ? " daemon" : ""));
            return "result";
        }, result -> deliveredOn.complete(Thread.currentThread().getName() + ":" + result), deliveredOn::completeExceptionally));

        assertThat(workThread.get(5, TimeUnit.SECONDS)).matches("gatehouse-worker-\\d daemon");
        assertThat(deliveredOn.get(5, TimeUnit.SECONDS)).isEqualTo("ui:result");
    }

    @Test
    void failuresArriveOnTheUiThread() throws Exception {
        CompletableFuture<String> failure = new CompletableFuture<>();

        onUi(() -> runner.run("probe", () -> {
            throw new IllegalStateException("boom");
        }, result -> failure.complete("succeeded?"), error -> failure.complete(Thread.currentThread().getName() + ":" + error.getMessage())));

        assertThat(failure.get(5, TimeUnit.SECONDS)).isEqualTo("ui:boom");
    }

    @Test
    void cancellingInterruptsTheWorkerAndDropsTheOutcome() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        AtomicBoolean delivered = new AtomicBoolean();
        Cancellable[] task = new Cancellable[1];

        onUi(() -> task[0] = runner.run("slow", () -> {
            started.countDown();
            try {
                Thread.sleep(10_000);
                interrupted.complete(false);
            } catch (InterruptedException e) {
                interrupted.complete(true);
                throw e;
            }
            return "late";
        }, result -> delivered.set(true), error -> delivered.set(true)));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(onUi(() -> runner.runningProperty().get())).isTrue();
        assertThat(onUi(() -> runner.messageProperty().get())).isEqualTo("slow");

        onUi(() -> task[0].cancel());

        assertThat(interrupted.get(5, TimeUnit.SECONDS)).isTrue();
        onUi(() -> null); // let any delivery that was posted run
        assertThat(delivered).isFalse();
        assertThat(onUi(() -> runner.runningProperty().get())).isFalse();
        assertThat(onUi(() -> runner.messageProperty().get())).isEmpty();
    }

    @Test
    void aClosableResultOfACancelledTaskIsClosed() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Cancellable[] task = new Cancellable[1];

        onUi(() -> task[0] = runner.run("connect", () -> {
            started.countDown();
            awaitIgnoringInterrupts(release);
            return (AutoCloseable) closed::countDown;
        }, result -> { }, error -> { }));
        // cancelled before a worker picks it up, the task never runs and has nothing to close
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        onUi(() -> task[0].cancel());
        release.countDown();

        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void scheduledActionsRunOnTheUiThreadAfterTheDelay() throws Exception {
        CompletableFuture<String> ran = new CompletableFuture<>();
        long start = System.nanoTime();

        runner.schedule(Duration.ofMillis(50), () -> ran.complete(Thread.currentThread().getName()));

        assertThat(ran.get(5, TimeUnit.SECONDS)).isEqualTo("ui");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aCancelledScheduleNeverRuns() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();

        runner.schedule(Duration.ofMillis(30), () -> ran.set(true)).cancel();
        Thread.sleep(100);
        onUi(() -> null);

        assertThat(ran).isFalse();
    }

    @Test
    void cancellingAfterTheTimerFiredStillStopsTheAction() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        CountDownLatch timerFired = new CountDownLatch(1);
        Cancellable[] scheduled = new Cancellable[1];
        // the UI thread is busy while the timer fires, so the action is already queued when the UI cancels it
        CompletableFuture<Void> busyThenCancel = CompletableFuture.runAsync(() -> {
            awaitIgnoringInterrupts(timerFired);
            scheduled[0].cancel();
        }, ui);
        scheduled[0] = runner.schedule(Duration.ofMillis(10), () -> ran.set(true));
        Thread.sleep(100);
        timerFired.countDown();
        busyThenCancel.get(5, TimeUnit.SECONDS);
        onUi(() -> null);

        assertThat(ran).isFalse();
    }

    @Test
    void nothingIsDeliveredAfterClose() throws Exception {
        AtomicBoolean delivered = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        onUi(() -> runner.run("slow", () -> {
            awaitIgnoringInterrupts(release);
            return "late";
        }, result -> delivered.set(true), failure -> delivered.set(true)));

        runner.close();
        release.countDown();
        Thread.sleep(100);
        onUi(() -> null);

        assertThat(delivered).isFalse();
    }

    /** Like a connect that cannot be interrupted: it finishes whatever happens. */
    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean released = false;
        while (!released) {
            try {
                released = latch.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // keep waiting
            }
        }
    }

    private <T> T onUi(java.util.concurrent.Callable<T> action) throws Exception {
        return ui.submit(action).get(5, TimeUnit.SECONDS);
    }

    private void onUi(Runnable action) throws Exception {
        ui.submit(action).get(5, TimeUnit.SECONDS);
    }
}
