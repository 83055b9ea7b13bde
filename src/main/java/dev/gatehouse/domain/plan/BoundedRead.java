package dev.gatehouse.domain.plan;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A read of the tenant after a stop, on a thread of its own and within a time limit shorter than the grace Ctrl+C
 * leaves the command line (30 s): the step's outcome and journal entry must not wait on a network that hangs. The
 * caller's interrupt (a second Ctrl+C) ends the wait too.
 */
public final class BoundedRead {

    /** Well inside the command line's 30 s Ctrl+C grace, with room to journal afterwards. */
    public static final Duration LIMIT = Duration.ofSeconds(15);

    private static final ThreadFactory DAEMONS = work -> {
        Thread thread = new Thread(work, "gatehouse-read-back");
        thread.setDaemon(true);
        return thread;
    };

    private BoundedRead() {
    }

    /**
     * What a read came to.
     *
     * @param value   its answer; null when it failed
     * @param problem why there is no answer, in the admin's words; null when there is one
     */
    public record Attempt<T>(T value, String problem) {
        public Optional<T> answer() {
            return Optional.ofNullable(value);
        }
    }

    /** The read's answer, or why there is none: it failed, took longer than {@code limit}, or the caller stopped it. */
    public static <T> Attempt<T> within(Duration limit, Callable<T> read) {
        var single = Executors.newSingleThreadExecutor(DAEMONS);
        Future<T> answer = single.submit(read);
        try {
            return new Attempt<>(answer.get(limit.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt<>(null, "stopped while reading back");
        } catch (TimeoutException e) {
            return new Attempt<>(null, "no answer within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Attempt<>(null, cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage());
        } finally {
            answer.cancel(true);
            single.shutdownNow();
        }
    }
}
