package dev.gatehouse.ui.wizard;

import dev.gatehouse.domain.procedure.Answers;
import javafx.beans.Observable;

import java.util.Optional;

/**
 * A stage's form as its ViewModel: what the admin answered. The wizard plans the stage from these answers, saves
 * them with the run, and gives them back after a restart.
 */
public interface StageForm {

    /** The answers as the form holds them now; empty while one is invalid (then {@link #problem()} says which). */
    Optional<Answers> answers();

    /** What to fix before the stage can be planned, in one sentence; empty when the answers are valid. */
    String problem();

    /** Puts saved answers back into the form (a run continued after a restart). */
    void restore(Answers saved);

    /** Fires whenever an answer changes, so the stage plans again. */
    Observable changes();
}
