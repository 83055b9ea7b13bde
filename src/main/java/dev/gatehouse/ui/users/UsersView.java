package dev.gatehouse.ui.users;

import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;

/** The Users workspace: the searchable list on the left, the selected user on the right. */
public final class UsersView extends StackPane {

    private final UsersViewModel viewModel;
    private final UserListPane listPane;

    public UsersView(UsersViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("users");
        UserDetailView detail = new UserDetailView(viewModel.detail());
        listPane = new UserListPane(viewModel, detail::focusMethods);
        listPane.setMinWidth(300);
        SplitPane split = new SplitPane(listPane, detail);
        split.setDividerPositions(0.30);
        SplitPane.setResizableWithParent(listPane, false);
        getChildren().add(split);
    }

    public void focusSearch() {
        listPane.focusSearch();
    }

    /** Searches again and reloads the open user (F5). */
    public void refresh() {
        viewModel.search();
        viewModel.detail().reload();
    }
}
