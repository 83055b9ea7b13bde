package dev.gatehouse.ui.workspace;

import dev.gatehouse.domain.tenant.TenantConnection;

/**
 * A workspace's ViewModel side: it follows whichever tenant the window has open. The shell calls it on the FX thread
 * (all but {@link #readAhead}); it has no controls and is tested without a toolkit.
 */
public interface WorkspaceModel {

    /**
     * Reads, on the worker that just opened {@code connection} and before {@link #attach}, what attach would ask for
     * first, so the window shows it as soon as it has a moment instead of only then asking. Runs off the FX thread:
     * it may only hand its result over through thread-safe state. It may throw: the shell logs the failure, and
     * attach, finding nothing read ahead, reads again and reports what goes wrong then.
     */
    default void readAhead(TenantConnection connection) {
    }

    /** Shows {@code tenant}. The shell has detached the previous tenant first; nothing slow may run on this thread. */
    void attach(OpenTenant tenant);

    /** Forgets the tenant: cancels work in flight and empties the workspace. */
    void detach();

    /**
     * The open tenant changed under the window (the demo tenant was reset, or Gatehouse now acts as another admin):
     * forgets everything read or planned before, as for a newly opened tenant, and reads again when it would for one.
     */
    default void reopen(OpenTenant tenant) {
        detach();
        attach(tenant);
    }

    /** F5 while the workspace is open: reads the tenant again. Workspaces with nothing to re-read keep the default. */
    default void refresh() {
    }
}
