package dev.gatehouse.ui.workspace;

import java.util.function.Supplier;

/**
 * One window's copy of a registered workspace: its model, made with the window so it can follow every tenant from the
 * start, and its view, made the first time the workspace is opened (the first frame pays only for the one it shows).
 */
public final class WorkspaceInstance {

    private final Workspace workspace;
    private final WorkspaceModel model;
    private final Supplier<WorkspaceView> viewFactory;
    private WorkspaceView view;

    WorkspaceInstance(Workspace workspace, WorkspaceModel model, Supplier<WorkspaceView> viewFactory) {
        this.workspace = workspace;
        this.model = model;
        this.viewFactory = viewFactory;
    }

    public Workspace workspace() {
        return workspace;
    }

    public WorkspaceModel model() {
        return model;
    }

    /** The view, built on the first call. FX thread only. */
    public WorkspaceView view() {
        if (view == null) {
            view = viewFactory.get();
        }
        return view;
    }

    /** True once {@link #view()} has built the view. */
    public boolean viewBuilt() {
        return view != null;
    }
}
