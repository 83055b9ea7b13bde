package dev.gatehouse.domain.procedure;

/**
 * A second run of the same procedure on the same subject was refused. Either the holder is running now ({@link #stale()}
 * false: wait or stop it there), or it ended without releasing the run — killed, crashed, power lost — and someone
 * must check what it did and then take the run over deliberately.
 */
public final class RunInProgressException extends RuntimeException {

    private final RunHolder holder;
    private final boolean stale;

    public RunInProgressException(String runName, RunHolder holder, boolean stale) {
        super(stale
                ? "A run of " + runName + " was left unfinished by " + holder.describe() + ": that process ended "
                + "without finishing (closed, killed or crashed), so the step it was on may or may not have reached "
                + "the tenant. Check the journal and the tenant, then take the run over to continue it."
                : "Another run of " + runName + " is in progress: " + holder.describe() + ". Only one run at a time "
                + "may change it; wait for that one to finish, or stop it where it runs.");
        this.holder = holder;
        this.stale = stale;
    }

    public RunHolder holder() {
        return holder;
    }

    /** The holder is gone: the run can be taken over deliberately. */
    public boolean stale() {
        return stale;
    }
}
