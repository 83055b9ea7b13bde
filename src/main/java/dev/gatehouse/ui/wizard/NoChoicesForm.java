package dev.gatehouse.ui.wizard;

import dev.gatehouse.domain.procedure.Answers;
import javafx.beans.Observable;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Optional;

/**
 * A stage whose plan follows from the earlier steps alone (save in report-only, turn on for everyone, create the
 * accounts): it answers nothing of its own.
 */
public final class NoChoicesForm implements StageForm {

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
