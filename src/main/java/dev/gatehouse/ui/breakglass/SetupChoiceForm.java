package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.ui.wizard.StageForm;
import javafx.beans.Observable;

import java.util.Optional;

/**
 * A later stage's form whose one answer is a field of the set-up's choices: step 3's "remove members that are not
 * emergency accounts" (off by default: someone put them there, and removing them is for the admin to decide), step
 * 5's optional AAGUIDs of the key models the admin will register (so the plan can say before anything is sent whether
 * the FIDO2 key restrictions would refuse them). The answer lives in {@link SetupFormViewModel}'s choices with the
 * plan's, so this form answers all of them.
 *
 * @param <P> the field's property
 */
public final class SetupChoiceForm<P extends Observable> implements StageForm {

    private final SetupFormViewModel setup;
    private final P field;
    private final Observable changes;

    SetupChoiceForm(SetupFormViewModel setup, P field) {
        this.setup = setup;
        this.field = field;
        this.changes = Changes.of(field);
    }

    /** The field this stage asks for, one of the plan form's properties. */
    public P field() {
        return field;
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
