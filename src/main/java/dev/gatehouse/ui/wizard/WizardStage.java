package dev.gatehouse.ui.wizard;

import dev.gatehouse.ui.plan.PlanViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * One stage as the wizard frame shows it: its form's ViewModel decides what the answers are, and the stage offers a
 * plan for them — or says why there is none. Implemented by each stage's ViewModel; never blocks the FX thread.
 */
public interface WizardStage {

    String title();

    /** The plan for the current answers; null while there is none (see {@link #explanationProperty()}). */
    ReadOnlyObjectProperty<PlanViewModel> planProperty();

    /** Why there is no plan, or what is happening ("Reading the tenant…"); empty while a plan is shown. */
    ReadOnlyStringProperty explanationProperty();

    /** Every step of the stage is done, in this session or an earlier one. */
    ReadOnlyBooleanProperty doneProperty();

    /** The answers cannot change any more (the stage's run began): the frame disables the form. */
    ReadOnlyBooleanProperty lockedProperty();

    /**
     * True when the form disables its own fields while {@link #lockedProperty() locked} and wants its explanatory text
     * left readable; by default the frame disables the whole form.
     */
    default boolean formLocksItself() {
        return false;
    }

    /** Whether every earlier stage must be done before this one can be planned. */
    default boolean needsEarlierStages() {
        return true;
    }

    /** An optional stage never blocks the stages after it: Next opens the next one whether or not it was done. */
    default boolean optional() {
        return false;
    }

    /** The stage became current: read the tenant afresh and plan for the current answers. */
    void enter();

    /** Another stage became current: stop what is in flight; the answers stay. */
    void leave();

    /** The wizard closes: stop everything and wipe any secret shown. */
    void close();
}
