package dev.gatehouse.ui.users;

import dev.gatehouse.ui.workspace.WorkspaceView;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;

/** The Users workspace: the searchable list on the left, the selected user on the right. */
public final class UsersView extends StackPane implements WorkspaceView {

    private final UserListPane listPane;

    public UsersView(UsersViewModel viewModel) {
        getStyleClass().add("users");
        UserDetailView detail = new UserDetailView(viewModel.detail());
        listPane = new UserListPane(viewModel, detail::focusMethods);
        // narrow enough to leave the detail its table on a 1024 x 768 screen; the divider widens it
        listPane.setMinWidth(240);
        SplitPane split = new SplitPane(listPane, detail);
        split.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(listPane, false);
        getChildren().add(split);
    }

    @Override
    public Node node() {
        return this;
    }

    /** The search field. */
    @Override
    public void focusMain() {
        listPane.focusSearch();
    }
}
