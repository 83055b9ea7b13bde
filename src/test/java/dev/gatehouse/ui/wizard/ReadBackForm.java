package dev.gatehouse.ui.wizard;

import dev.gatehouse.domain.procedure.Answers;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Optional;

/** A step that writes nothing between the two stages: the admin says they read the book back. */
final class ReadBackForm implements StageForm {

    static final String READ_BACK = "readBack";

    final BooleanProperty readBack = new SimpleBooleanProperty(this, "readBack");

    @Override
    public Optional<Answers> answers() {
        return Optional.of(readBack.get() ? Answers.none().with(READ_BACK, true) : Answers.none());
    }

    @Override
    public String problem() {
        return "";
    }

    @Override
    public void restore(Answers saved) {
        saved.get(READ_BACK, Boolean.class).ifPresent(readBack::set);
    }

    @Override
    public Observable changes() {
        return readBack;
    }
}
