package dev.gatehouse.graph;

import dev.gatehouse.domain.tenant.TenantException;
import okhttp3.Call;
import okhttp3.Interceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Turns "the task's thread was interrupted" into "the HTTP call was cancelled".
 * <p>
 * Kiota runs a request synchronously on the calling thread ({@code OkHttpRequestAdapter} calls
 * {@code client.newCall(request).execute()}), and a thread blocked in a socket read ignores interrupts. So each
 * gateway operation runs on a pool thread while the caller waits interruptibly; the {@link #interceptor()}
 * registers every OkHttp {@link Call} the operation makes (one per attempt) with the operation's handle.
 * When the caller is interrupted, the handle cancels those calls, the pool thread is interrupted too (ending a
 * Retry-After sleep), and the caller gets {@link TenantException.Kind#CANCELLED} at once.
 */
final class CancellableCalls implements AutoCloseable {

    private static final ThreadLocal<Handle> CURRENT = new ThreadLocal<>();

    private final ExecutorService workers = Executors.newCachedThreadPool(new DaemonThreads());

    <T> T run(String action, Supplier<T> work) {
        if (CURRENT.get() != null) {
            return work.get();
        }
        if (Thread.currentThread().isInterrupted()) {
            throw cancelled(action);
        }
        Handle handle = new Handle();
        Future<T> future = workers.submit(() -> {
            CURRENT.set(handle);
            try {
                return work.get();
            } finally {
                CURRENT.remove();
            }
        });
        try {
            return future.get();
        } catch (InterruptedException e) {
            handle.cancel();
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw cancelled(action);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Registers each outgoing call with the running operation, cancelling it at once if the operation was. */
    Interceptor interceptor() {
        return chain -> {
            Handle handle = CURRENT.get();
            if (handle != null) {
                handle.register(chain.call());
            }
            return chain.proceed(chain.request());
        };
    }

    /** True when the current operation has been cancelled (checked between batch retries). */
    static boolean currentCancelled() {
        Handle handle = CURRENT.get();
        return (handle != null && handle.cancelled) || Thread.currentThread().isInterrupted();
    }

    /**
     * HTTP attempts the running operation has sent so far, each retry after a 429 counted again (the interceptor sees
     * every attempt); 0 outside an operation. Read at the end of an operation's work to report what it cost.
     */
    static int currentAttempts() {
        Handle handle = CURRENT.get();
        return handle == null ? 0 : handle.attempts();
    }

    static TenantException cancelled(String action) {
        return new TenantException(TenantException.Kind.CANCELLED, "Cancelled: did not " + action + ".");
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static final class Handle {
        private final List<Call> calls = new ArrayList<>();
        private volatile boolean cancelled;

        private int attempts;

        synchronized void register(Call call) {
            attempts++;
            if (cancelled) {
                call.cancel();
            }
            calls.add(call);
        }

        synchronized int attempts() {
            return attempts;
        }

        synchronized void cancel() {
            cancelled = true;
            calls.forEach(Call::cancel);
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "graph-call-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
