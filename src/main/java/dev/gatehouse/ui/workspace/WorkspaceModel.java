package dev.gatehouse.ui.workspace;

/**
 * A workspace's ViewModel side: it follows whichever tenant the window has open. The shell calls it on the FX thread;
 * it has no controls and is tested without a toolkit.
 */
public interface WorkspaceModel {

    /** Shows {@code tenant}. The shell has detached the previous tenant first; nothing slow may run on this thread. */
    void attach(OpenTenant tenant);

    /** Forgets the tenant: cancels work in flight and empties the workspace. */
    void detach();

    /** F5 while the workspace is open: reads the tenant again. Workspaces with nothing to re-read keep the default. */
    default void refresh() {
    }
}
