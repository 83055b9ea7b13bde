package dev.gatehouse.ui.wizard;

import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.TwoStageProcedure;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;

/** The throwaway procedure's second form: an optional witness. */
final class WitnessForm implements StageForm {

    final StringProperty witness = new SimpleStringProperty(this, "witness", "");

    @Override
    public Optional<Answers> answers() {
        String value = witness.get().strip();
        return Optional.of(value.isEmpty() ? Answers.none() : Answers.none().with(TwoStageProcedure.WITNESS, value));
    }

    @Override
    public String problem() {
        return "";
    }

    @Override
    public void restore(Answers saved) {
        saved.get(TwoStageProcedure.WITNESS, String.class).ifPresent(witness::set);
    }

    @Override
    public Observable changes() {
        return witness;
    }
}
