package dev.gatehouse.ui.plan;

import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;

/** Runs the confirmed plan (and journals it); blocks, so the plan window calls it on a worker. */
@FunctionalInterface
public interface Execution {

    ExecutionReport run(Cancellation cancellation, ExecutionListener listener);
}
