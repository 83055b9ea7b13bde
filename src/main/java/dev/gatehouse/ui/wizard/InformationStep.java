package dev.gatehouse.ui.wizard;

import dev.gatehouse.ui.plan.PlanViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

import java.util.Objects;

/**
 * A wizard step that sends nothing — pre-flight checks, a design, a review — between the stages that do: it never
 * offers a plan, is done when its view model says so (checks passed, choices valid, export looked at), and reads or
 * stops its own work as it is entered and left. Added with {@link ProcedureWizard#step}.
 */
public final class InformationStep implements WizardStage {

    private final String title;
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyObjectWrapper<PlanViewModel> noPlan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyBooleanWrapper neverLocked = new ReadOnlyBooleanWrapper(this, "locked");
    private final Runnable onEnter;
    private final Runnable onLeave;

    /**
     * @param done        when the step counts as done (Next opens the following stage)
     * @param explanation what the plan area says while this step is current
     * @param onEnter     the step became current (read the tenant afresh, on a worker)
     * @param onLeave     another step became current or the wizard closes (stop what is in flight)
     */
    public InformationStep(String title, ObservableBooleanValue done, ObservableStringValue explanation,
                           Runnable onEnter, Runnable onLeave) {
        this.title = Objects.requireNonNull(title, "title");
        this.done.bind(done);
        this.explanation.bind(explanation);
        this.onEnter = onEnter;
        this.onLeave = onLeave;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public ReadOnlyObjectProperty<PlanViewModel> planProperty() {
        return noPlan.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty lockedProperty() {
        return neverLocked.getReadOnlyProperty();
    }

    @Override
    public void enter() {
        onEnter.run();
    }

    @Override
    public void leave() {
        onLeave.run();
    }

    @Override
    public void close() {
        onLeave.run();
    }
}
