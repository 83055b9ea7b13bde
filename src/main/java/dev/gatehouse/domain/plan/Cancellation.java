package dev.gatehouse.domain.plan;

import java.util.concurrent.atomic.AtomicBoolean;

/** A cancel request shared between whoever asks (a button, Ctrl+C) and the running plan. */
public final class Cancellation {

    private final AtomicBoolean requested = new AtomicBoolean();

    public void cancel() {
        requested.set(true);
    }

    public boolean isRequested() {
        return requested.get() || Thread.currentThread().isInterrupted();
    }
}
