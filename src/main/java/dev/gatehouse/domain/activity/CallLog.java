package dev.gatehouse.domain.activity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The session's record of tenant calls: a bounded, thread-safe log that listeners (the Activity view)
 * follow. Calls arrive on worker threads; listeners must hop to their own thread themselves.
 */
public final class CallLog {

    public static final int DEFAULT_CAPACITY = 5_000;

    private static final System.Logger LOG = System.getLogger(CallLog.class.getName());

    private final int capacity;
    private final Deque<GraphCall> calls = new ArrayDeque<>();
    private final List<Consumer<GraphCall>> listeners = new CopyOnWriteArrayList<>();

    public CallLog() {
        this(DEFAULT_CAPACITY);
    }

    public CallLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    public void record(GraphCall call) {
        synchronized (calls) {
            if (calls.size() == capacity) {
                calls.removeFirst();
            }
            calls.addLast(call);
        }
        for (Consumer<GraphCall> listener : listeners) {
            try {
                listener.accept(call);
            } catch (RuntimeException e) {
                // calls are recorded from inside the HTTP pipeline: a broken view must never fail a tenant call
                LOG.log(System.Logger.Level.WARNING, "A call log listener failed: " + e);
            }
        }
    }

    /** Oldest first. */
    public List<GraphCall> snapshot() {
        synchronized (calls) {
            return new ArrayList<>(calls);
        }
    }

    public Runnable subscribe(Consumer<GraphCall> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
