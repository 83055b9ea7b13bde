package dev.gatehouse.domain.plan;

/** The work of one step. Runs on a worker thread; may block on the network. */
@FunctionalInterface
public interface StepAction {

    StepResult run(StepContext context) throws Exception;
}
