package dev.gatehouse.ui.users;

import dev.gatehouse.ui.workspace.WorkspaceView;
import dev.gatehouse.ui.common.FirstPulse;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
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
        buildDetailOnceListShows(viewModel, detail);
    }

    /** The detail is built after the first page of users is on screen, so it does not delay that page. */
    private void buildDetailOnceListShows(UsersViewModel viewModel, UserDetailView detail) {
        viewModel.stateProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends LoadState> property, LoadState old, LoadState state) {
                if (state == LoadState.LOADED) {
                    property.removeListener(this);
                    if (getScene() == null) {
                        detail.build();
                    } else {
                        // after that pulse, not inside it: the page is reported shown once the pulse ends
                        FirstPulse.after(getScene(), () -> Platform.runLater(detail::build));
                    }
                }
            }
        });
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
