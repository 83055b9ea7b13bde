package dev.gatehouse.domain.procedure;

/**
 * How a confirmed stage starts, beyond continuing the run as saved.
 *
 * @param startOver start a new run, replacing an unfinished one (the admin confirmed starting over)
 * @param takeOver  take over a run whose holder ended without finishing (the admin checked, then confirmed)
 */
public record RunOptions(boolean startOver, boolean takeOver) {

    public static final RunOptions CONTINUE = new RunOptions(false, false);

    public static RunOptions startingOver(boolean startOver) {
        return new RunOptions(startOver, false);
    }

    public RunOptions takingOver(boolean take) {
        return new RunOptions(startOver, take);
    }
}
