package dev.gatehouse.ui.wizard;

import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.TwoStageProcedure;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;

/** The throwaway procedure's first form: a name, required. */
final class NameForm implements StageForm {

    final StringProperty name = new SimpleStringProperty(this, "name", "");

    @Override
    public Optional<Answers> answers() {
        String value = name.get().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(Answers.none().with(TwoStageProcedure.NAME, value));
    }

    @Override
    public String problem() {
        return name.get().isBlank() ? "Type the name to write in the book." : "";
    }

    @Override
    public void restore(Answers saved) {
        saved.get(TwoStageProcedure.NAME, String.class).ifPresent(name::set);
    }

    @Override
    public Observable changes() {
        return name;
    }
}
