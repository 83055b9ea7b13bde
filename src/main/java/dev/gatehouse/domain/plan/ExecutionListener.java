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

    /**
     * This listener, then {@code next}, for every event. {@code next} hears a finished step even when this one
     * failed on it (a file that could not be written must not hide a code from the screen); the failure is thrown
     * after, so the executor stops before the next step and says why.
     */
    default ExecutionListener then(ExecutionListener next) {
        ExecutionListener first = this;
        return new ExecutionListener() {
            @Override
            public void stepStarted(int index, Step step) {
                first.stepStarted(index, step);
                next.stepStarted(index, step);
            }

            @Override
            public void stepProgress(int index, Step step, String message) {
                first.stepProgress(index, step, message);
                next.stepProgress(index, step, message);
            }

            @Override
            public void stepFinished(int index, StepOutcome outcome) {
                try {
                    first.stepFinished(index, outcome);
                } finally {
                    next.stepFinished(index, outcome);
                }
            }
        };
    }
}
