package dev.gatehouse.domain.plan;

/** What a running step may use: the cancellation signal and a way to report progress within the step. */
public interface StepContext {

    boolean isCancelled();

    /** A short status line ("deleting method 2 of 3"), never a secret. */
    void progress(String message);
}
