package dev.gatehouse.domain.procedure;

import dev.gatehouse.domain.text.Moments;

import java.util.Optional;

/**
 * A confirmed plan was refused before anything was sent because the run it was planned for changed in the meantime:
 * another admin (window, terminal, machine sharing the data folder) did steps of it, finished it or discarded it.
 * Running the old plan would repeat their steps — a second password reset, a second pass — so it must be planned again.
 */
public final class RunChangedException extends RuntimeException {

    RunChangedException(String runName, Optional<ProcedureProgress> now) {
        super("The run of " + runName + " changed after this plan was made: " + what(now)
                + ". Nothing was sent; plan it again to see what is left.");
    }

    private static String what(Optional<ProcedureProgress> now) {
        if (now.isEmpty()) {
            return "its saved record is gone";
        }
        ProcedureProgress run = now.get();
        if (run.isFinished()) {
            return "it was " + (run.lastProblem() == null ? "finished" : "ended (" + run.lastProblem() + ")") + " "
                    + Moments.of(run.finished());
        }
        long done = run.doneSteps().values().stream().mapToLong(steps -> steps.size()).sum();
        return "a run started " + Moments.of(run.started()) + " has " + done + " step" + (done == 1 ? "" : "s")
                + " done now";
    }
}
