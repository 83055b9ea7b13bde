package dev.gatehouse.domain.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How one step of an execution ended.
 *
 * @param startedAt null when the step never started (not run, or cancelled before it began)
 * @param message for DONE the step's summary, for FAILED the reason in the admin's words, otherwise why it did not run
 */
public record StepOutcome(Step step, StepStatus status, String message, Instant startedAt, Duration duration,
                          Optional<StepResult> result) {

    /** Whether the step's action began: a step cancelled after that may or may not have changed the tenant. */
    public boolean started() {
        return startedAt != null;
    }

    static StepOutcome notRun(Step step, String why) {
        return new StepOutcome(step, StepStatus.NOT_RUN, why, null, Duration.ZERO, Optional.empty());
    }
}
