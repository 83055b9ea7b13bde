package dev.gatehouse.domain.plan;

public enum StepStatus {
    DONE, FAILED, CANCELLED, NOT_RUN
}
