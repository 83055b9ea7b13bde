package dev.gatehouse.graph;

import dev.gatehouse.domain.tenant.TenantException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CancellableCallsTest {

    private final CancellableCalls calls = new CancellableCalls();

    @AfterEach
    void close() {
        calls.close();
    }

    @Test
    void returnsTheResultAndRethrowsFailuresUnchanged() {
        assertThat(calls.run("count", () -> 42)).isEqualTo(42);
        IllegalStateException failure = new IllegalStateException("boom");
        assertThatThrownBy(() -> calls.run("fail", () -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void interruptingTheCallerEndsTheCallAtOnceAndInterruptsTheWork() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch workInterrupted = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicReference<Boolean> callerStillInterrupted = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                calls.run("list users", () -> {
                    started.countDown();
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        workInterrupted.countDown();
                    }
                    return null;
                });
            } catch (Throwable t) {
                outcome.set(t);
                callerStillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        long before = System.nanoTime();
        caller.interrupt();
        caller.join(5_000);

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
        assertThat(outcome.get()).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(TenantException.Kind.CANCELLED);
            assertThat(e.getMessage()).contains("list users");
        });
        assertThat(callerStillInterrupted.get()).isTrue();
        assertThat(workInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anAlreadyInterruptedCallerDoesNotStartTheWork() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> calls.run("read", () -> {
                throw new AssertionError("must not run");
            })).isInstanceOfSatisfying(TenantException.class,
                    e -> assertThat(e.kind()).isEqualTo(TenantException.Kind.CANCELLED));
        } finally {
            Thread.interrupted();
        }
    }
}
