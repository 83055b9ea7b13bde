package dev.gatehouse.ui.workspace;

import javafx.scene.Node;

/** A workspace's view, built the first time the workspace is opened. */
public interface WorkspaceView {

    /** What the shell shows while the workspace is open. */
    Node node();

    /** Ctrl+F, and the workspace's own Ctrl+digit: focuses the field an admin types into first. */
    void focusMain();
}
