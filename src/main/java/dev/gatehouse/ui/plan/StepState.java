package dev.gatehouse.ui.plan;

/** Where one step of a plan stands while the admin reviews or runs it. */
public enum StepState {
    PENDING("Pending"),
    RUNNING("Running"),
    DONE("Done"),
    FAILED("Failed"),
    CANCELLED("Cancelled"),
    NOT_RUN("Not run");

    private final String label;

    StepState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
