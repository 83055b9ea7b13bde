package dev.gatehouse.ui.common;

import java.time.Duration;

/** Runs only the last of a burst of requests, once the burst has been quiet for {@code delay}. */
public final class Debouncer {

    private final TaskRunner runner;
    private final Duration delay;
    private Cancellable pending = Cancellable.NONE;

    public Debouncer(TaskRunner runner, Duration delay) {
        this.runner = runner;
        this.delay = delay;
    }

    public void submit(Runnable action) {
        pending.cancel();
        pending = runner.schedule(delay, action);
    }

    public void cancel() {
        pending.cancel();
        pending = Cancellable.NONE;
    }
}
