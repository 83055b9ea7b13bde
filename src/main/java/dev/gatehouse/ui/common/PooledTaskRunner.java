package dev.gatehouse.ui.common;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The production {@link TaskRunner}: a small pool of daemon worker threads (an open window never keeps
 * the JVM alive on its own) and one timer thread, with every outcome posted to the UI thread.
 */
public final class PooledTaskRunner implements TaskRunner, AutoCloseable {

    /** Enough for a search, a detail load and a connect to overlap; more would only queue on Graph throttling. */
    public static final int WORKERS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(PooledTaskRunner.class);

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Executor uiThread;
    private final List<Handle> active = new ArrayList<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private volatile boolean closed;

    /** Delivers on the JavaFX Application Thread. */
    public PooledTaskRunner() {
        this(Platform::runLater);
    }

    /** Delivers through {@code uiThread}, which must run actions one at a time in submission order. */
    public PooledTaskRunner(Executor uiThread) {
        this.uiThread = uiThread;
        this.workers = Executors.newFixedThreadPool(WORKERS, daemonThreads("gatehouse-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("gatehouse-timer"));
    }

    @Override
    public <T> Cancellable run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                               Consumer<? super Throwable> onFailure) {
        Handle handle = new Handle(description);
        active.add(handle);
        refresh();
        handle.future = workers.submit(() -> {
            try {
                T result = work.call();
                uiThread.execute(() -> handle.deliver(result, () -> onSuccess.accept(result)));
            } catch (Throwable failure) {
                uiThread.execute(() -> handle.deliver(null, () -> onFailure.accept(failure)));
            }
        });
        return handle::cancel;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        // cancelling the timer cannot withdraw an action it already posted to the UI thread; the flag can, because
        // it is set and read on that same thread
        boolean[] cancelled = {false};
        Future<?> timed = timer.schedule(() -> uiThread.execute(() -> {
            if (!cancelled[0] && !closed) {
                action.run();
            }
        }), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> {
            cancelled[0] = true;
            timed.cancel(false);
        };
    }

    @Override
    public void runOnUiThread(Runnable action) {
        uiThread.execute(action);
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Interrupts running tasks and stops the threads; nothing is delivered afterwards. */
    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private void refresh() {
        running.set(!active.isEmpty());
        message.set(active.isEmpty() ? "" : active.get(active.size() - 1).description);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One started task. Only touched on the UI thread, so cancel and delivery cannot race. */
    private final class Handle {
        private final String description;
        private Future<?> future;
        private boolean finished;

        Handle(String description) {
            this.description = description;
        }

        void deliver(Object result, Runnable callback) {
            if (finished || closed) {
                closeUnwanted(result);
                return;
            }
            finish();
            callback.run();
        }

        void cancel() {
            if (finished) {
                return;
            }
            future.cancel(true);
            finish();
        }

        private void finish() {
            finished = true;
            active.remove(this);
            refresh();
        }

        /** A connection nobody wants any more is closed off the UI thread, even after the pool has stopped. */
        private void closeUnwanted(Object result) {
            if (result instanceof AutoCloseable closeable) {
                Thread closer = new Thread(() -> {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        LOG.warn("Could not close the result of cancelled task {}", description, e);
                    }
                }, "gatehouse-close-unwanted");
                closer.setDaemon(true);
                closer.start();
            }
        }
    }
}
