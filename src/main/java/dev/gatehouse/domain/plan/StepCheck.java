package dev.gatehouse.domain.plan;

import java.time.Instant;

/**
 * Reads the tenant to find out whether a step that was stopped (or lost its answer) took effect anyway: a DELETE that
 * reached Graph just before Ctrl+C leaves the method deleted, and the journal must say so. Blocks on the network.
 */
@FunctionalInterface
public interface StepCheck {

    /** Steps whose effect cannot be read back (or that check themselves) have none. */
    StepCheck NONE = started -> {
        throw new UnsupportedOperationException("no check");
    };

    /** @param started when the step began: a change found in the tenant since then is the step's */
    Reconciliation check(Instant started) throws Exception;
}
