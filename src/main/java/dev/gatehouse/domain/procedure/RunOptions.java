package dev.gatehouse.domain.procedure;

/**
 * How a confirmed stage starts, beyond continuing the run as saved.
 *
 * @param startOver start a new run, replacing an unfinished one (the admin confirmed starting over)
 * @param takeOver  take over a run whose holder ended without finishing (the admin checked, then confirmed)
 * @param basis     the revision of the run's record the plan was made from ({@link ProcedureDesk#revision}, read
 *                  before the plan); the run is refused if the record changed since. {@link #UNCHECKED} skips that
 *                  check, for callers that plan and run in one go.
 */
public record RunOptions(boolean startOver, boolean takeOver, long basis) {

    public static final long UNCHECKED = -1;
    public static final RunOptions CONTINUE = new RunOptions(false, false, UNCHECKED);

    public static RunOptions startingOver(boolean startOver) {
        return new RunOptions(startOver, false, UNCHECKED);
    }

    public RunOptions takingOver(boolean take) {
        return new RunOptions(startOver, take, basis);
    }

    /** Refuses the run if the record is no longer at {@code revision}: someone else moved it on meanwhile. */
    public RunOptions basedOn(long revision) {
        return new RunOptions(startOver, takeOver, revision);
    }
}
