package dev.gatehouse.domain.plan;

/** Follows an execution; called on the executing (worker) thread. */
public interface ExecutionListener {

    default void stepStarted(int index, Step step) {
    }

    default void stepProgress(int index, Step step, String message) {
    }

    default void stepFinished(int index, StepOutcome outcome) {
    }

    ExecutionListener NONE = new ExecutionListener() {
    };
}
