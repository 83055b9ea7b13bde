package dev.gatehouse.domain.plan;

import java.util.Objects;

/**
 * A step that cannot tell whether its change reached the tenant, but holds something the admin must still see — a
 * password that was sent and may now be the one that works. The run stops there, as after a failure, and the step is
 * not counted as done (a resumed run plans it again and says so), yet its result and secret reach the admin.
 */
public final class UncertainStepException extends Exception {

    private final transient StepResult result;

    /** @param result what the step knows, its secret included; {@code result.summary()} says what is uncertain */
    public UncertainStepException(StepResult result) {
        super(result.summary());
        this.result = Objects.requireNonNull(result, "result");
    }

    public StepResult result() {
        return result;
    }
}
