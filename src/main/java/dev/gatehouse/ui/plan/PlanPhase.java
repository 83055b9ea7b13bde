package dev.gatehouse.ui.plan;

/** A plan is first reviewed, then (only after Confirm) run, then its outcome is shown. */
public enum PlanPhase {
    REVIEW,
    RUNNING,
    FINISHED
}
