package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.ui.wizard.StageForm;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;

import java.util.Optional;

/**
 * Step 3, the group: its one answer is whether members that are not emergency accounts are removed (a step of its own
 * in the plan, off by default: someone put them there, and removing them is for the admin to decide). The answer
 * lives in the set-up's choices with the plan's, so this form answers all of them.
 */
public final class GroupFormViewModel implements StageForm {

    private final SetupFormViewModel setup;
    private final Observable changes;

    GroupFormViewModel(SetupFormViewModel setup) {
        this.setup = setup;
        this.changes = Changes.of(setup.removeOtherMembersProperty());
    }

    public BooleanProperty removeOtherMembersProperty() {
        return setup.removeOtherMembersProperty();
    }

    @Override
    public Optional<Answers> answers() {
        return setup.answers();
    }

    @Override
    public String problem() {
        return setup.problem();
    }

    @Override
    public void restore(Answers saved) {
        // the plan's form puts the set-up's choices back, this answer with them
    }

    @Override
    public Observable changes() {
        return changes;
    }
}
