package dev.gatehouse.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskRunner} for ViewModel tests: everything happens on the test thread. Tasks run at once,
 * or, after {@link #holdTasks()}, wait until the test completes them (in any order, to provoke stale
 * results). Scheduled actions run when the test advances the virtual clock.
 */
public final class SynchronousTaskRunner implements TaskRunner {

    private final List<HeldTask<?>> held = new ArrayList<>();
    private final List<Timed> timers = new ArrayList<>();
    private final List<String> started = new ArrayList<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private boolean holding;
    private long nowNanos;
    private long timerSequence;

    public SynchronousTaskRunner holdTasks() {
        holding = true;
        return this;
    }

    @Override
    public <T> Cancellable run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                               Consumer<? super Throwable> onFailure) {
        started.add(description);
        HeldTask<T> task = new HeldTask<>(description, work, onSuccess, onFailure);
        held.add(task);
        refresh();
        if (!holding) {
            task.complete();
        }
        return task::cancel;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable action) {
        Timed timed = new Timed(nowNanos + delay.toNanos(), timerSequence++, action);
        timers.add(timed);
        return () -> timed.cancelled = true;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    /** Moves the virtual clock and runs, in time order, every scheduled action that falls due. */
    public void advance(Duration elapsed) {
        long until = nowNanos + elapsed.toNanos();
        while (true) {
            Timed next;
            synchronized (this) {
                next = timers.stream().filter(t -> t.dueNanos <= until)
                        .min(Comparator.comparingLong((Timed t) -> t.dueNanos).thenComparingLong(t -> t.sequence))
                        .orElse(null);
                if (next == null) {
                    nowNanos = until;
                    return;
                }
                timers.remove(next);
                nowNanos = Math.max(nowNanos, next.dueNanos);
            }
            if (!next.cancelled) {
                next.action.run();
            }
        }
    }

    /** Tasks started and neither finished nor cancelled, oldest first. */
    public List<HeldTask<?>> pending() {
        return held.stream().filter(task -> !task.finished).toList();
    }

    public HeldTask<?> onlyPending() {
        List<HeldTask<?>> pending = pending();
        if (pending.size() != 1) {
            throw new AssertionError("expected one pending task, found " + pending.size());
        }
        return pending.get(0);
    }

    /** Every held task that was ever started, cancelled or not, oldest first. */
    public List<HeldTask<?>> allTasks() {
        return List.copyOf(held);
    }

    public void completeAll() {
        pending().forEach(HeldTask::complete);
    }

    /** Descriptions of all tasks started so far. */
    public List<String> started() {
        return List.copyOf(started);
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private void refresh() {
        List<HeldTask<?>> pending = pending();
        running.set(!pending.isEmpty());
        message.set(pending.isEmpty() ? "" : pending.get(pending.size() - 1).description);
    }

    public final class HeldTask<T> {
        private final String description;
        private final Callable<T> work;
        private final Consumer<? super T> onSuccess;
        private final Consumer<? super Throwable> onFailure;
        private boolean finished;
        private boolean cancelled;

        HeldTask(String description, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            this.description = description;
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        /** Runs the work now and delivers its outcome, unless the task was cancelled meanwhile. */
        public void complete() {
            T result;
            try {
                result = work.call();
            } catch (Throwable failure) {
                deliver(() -> onFailure.accept(failure));
                return;
            }
            if (cancelled && result instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            deliver(() -> onSuccess.accept(result));
        }

        private void deliver(Runnable callback) {
            if (finished) {
                return;
            }
            finished = true;
            refresh();
            callback.run();
        }

        void cancel() {
            if (!finished) {
                cancelled = true;
                finished = true;
                refresh();
            }
        }

        public boolean cancelled() {
            return cancelled;
        }

        public String description() {
            return description;
        }
    }

    private static final class Timed {
        private final long dueNanos;
        private final long sequence;
        private final Runnable action;
        private volatile boolean cancelled;

        Timed(long dueNanos, long sequence, Runnable action) {
            this.dueNanos = dueNanos;
            this.sequence = sequence;
            this.action = action;
        }
    }
}
