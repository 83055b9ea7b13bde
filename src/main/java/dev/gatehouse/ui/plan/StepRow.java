package dev.gatehouse.ui.plan;

import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepOutcome;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One step of the plan on screen: what it will do (fixed) and how far it got (changes while it runs). */
public final class StepRow {

    private final int number;
    private final Step step;
    private final ReadOnlyObjectWrapper<StepState> state = new ReadOnlyObjectWrapper<>(this, "state", StepState.PENDING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    StepRow(int number, Step step) {
        this.number = number;
        this.step = step;
    }

    /** 1-based, as the admin counts. */
    public int number() {
        return number;
    }

    public Step step() {
        return step;
    }

    /** The exact Graph requests, one per paragraph, ready to copy (secrets are masked in the plan already). */
    public String requestsText() {
        return String.join("\n\n", step.requests().stream().map(Object::toString).toList());
    }

    void started() {
        state.set(StepState.RUNNING);
        message.set("");
    }

    void progress(String text) {
        message.set(text);
    }

    void finished(StepOutcome outcome) {
        state.set(switch (outcome.status()) {
            case DONE -> StepState.DONE;
            case FAILED -> StepState.FAILED;
            case CANCELLED -> StepState.CANCELLED;
            case NOT_RUN -> StepState.NOT_RUN;
        });
        message.set(outcome.message() == null ? "" : outcome.message());
    }

    public ReadOnlyObjectProperty<StepState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** While running: the step's latest progress line; afterwards: what it did, or why it failed or did not run. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
