package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.CleanUpChoices;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.ui.wizard.StageForm;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Optional;

/**
 * Step 8, clean up: the passes always go once the keys are in; the admin may keep the accounts' other methods (phone,
 * Authenticator, software OATH, email) or their licences, against Microsoft's advice. Off by default: the clean-up is
 * the point of the step, and the plan lists each deletion with why.
 */
public final class CleanUpFormViewModel implements StageForm {

    private final BooleanProperty keepOtherMethods = new SimpleBooleanProperty(this, "keepOtherMethods");
    private final BooleanProperty keepLicences = new SimpleBooleanProperty(this, "keepLicences");
    private final Observable changes = Changes.of(keepOtherMethods, keepLicences);

    @Override
    public Optional<Answers> answers() {
        return Optional.of(Answers.none().with(CleanUpChoices.ANSWER, new CleanUpChoices(keepOtherMethods.get(),
                keepLicences.get())));
    }

    @Override
    public String problem() {
        return "";
    }

    @Override
    public void restore(Answers saved) {
        saved.get(CleanUpChoices.ANSWER, CleanUpChoices.class).ifPresent(choices -> {
            keepOtherMethods.set(choices.keepOtherMethods());
            keepLicences.set(choices.keepLicences());
        });
    }

    @Override
    public Observable changes() {
        return changes;
    }

    public BooleanProperty keepOtherMethodsProperty() {
        return keepOtherMethods;
    }

    public BooleanProperty keepLicencesProperty() {
        return keepLicences;
    }
}
