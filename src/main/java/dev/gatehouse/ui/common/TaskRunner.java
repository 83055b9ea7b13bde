package dev.gatehouse.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs tenant calls off the UI thread and hands their outcome back on it. ViewModels receive one
 * injected, so tests can swap in a synchronous runner; nothing else in the UI starts threads.
 *
 * <p>All methods except {@link #runOnUiThread} and {@link #schedule} are called on the UI thread, and every
 * callback runs on it. Once a task is cancelled neither of its callbacks runs, so a superseded search can
 * never overwrite newer results.
 */
public interface TaskRunner {

    /**
     * Starts {@code work} on a worker thread.
     *
     * @param description what the status bar says while it runs, e.g. "Searching users"
     * @return cancels the task: interrupts the worker and drops its outcome; a result that still arrives
     *         and is {@link AutoCloseable} is closed, so a cancelled connect never leaks a connection
     */
    <T> Cancellable run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread after {@code delay}; may be called from any thread. */
    Cancellable schedule(Duration delay, Runnable action);

    /** Runs {@code action} on the UI thread as soon as possible; may be called from any thread. */
    void runOnUiThread(Runnable action);

    /** True while at least one task started by {@link #run} has not finished or been cancelled. */
    ReadOnlyBooleanProperty runningProperty();

    /** The description of the most recently started task still running, empty when idle. */
    ReadOnlyStringProperty messageProperty();
}
