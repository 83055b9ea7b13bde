package dev.gatehouse.ui.registration;

import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.ui.wizard.StageForm;
import javafx.beans.Observable;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Optional;

/** A stage whose plan follows from the earlier steps alone (save in report-only, turn on for everyone). */
final class NoChoicesForm implements StageForm {

    private final Observable never = new SimpleBooleanProperty(this, "never");

    @Override
    public Optional<Answers> answers() {
        return Optional.of(Answers.none());
    }

    @Override
    public String problem() {
        return "";
    }

    @Override
    public void restore(Answers saved) {
        // nothing of its own to restore
    }

    @Override
    public Observable changes() {
        return never;
    }
}
