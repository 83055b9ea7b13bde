package dev.gatehouse.ui.users;

import dev.gatehouse.ui.common.VisibleText;
import atlantafx.base.controls.CustomTextField;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.common.ErrorPane;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Search field, "N of M matches", the result list and "Load more". */
final class UserListPane extends VBox {

    private final CustomTextField search = new CustomTextField();
    private final ListView<UserSummary> list = new ListView<>();

    UserListPane(UsersViewModel viewModel, Runnable openSelected) {
        getStyleClass().add("user-list-pane");

        search.setId("userSearch");
        search.setPromptText("Name or UPN  (Ctrl+F)"); // the whole hint fits the 240 px list of a 1024 px window
        search.setAccessibleText("Search users by name or UPN");
        search.setLeft(new FontIcon(Material2OutlinedMZ.SEARCH));
        ProgressIndicator searching = new ProgressIndicator();
        searching.setPrefSize(16, 16);
        searching.visibleProperty().bind(viewModel.stateProperty().isEqualTo(LoadState.LOADING)
                .or(viewModel.loadingMoreProperty()));
        search.setRight(searching);
        search.textProperty().bindBidirectional(viewModel.searchTextProperty());
        search.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.search();
            } else if (event.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty()) {
                    list.getSelectionModel().selectFirst();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });

        Label summary = new Label();
        summary.setId("matchSummary");
        summary.getStyleClass().add("muted");
        VisibleText.bind(summary, viewModel.matchSummaryProperty());

        list.setId("userList");
        list.setItems(viewModel.users());
        list.setCellFactory(view -> new UserListCell());
        Label placeholder = new Label();
        placeholder.getStyleClass().add("placeholder");
        VisibleText.bind(placeholder, viewModel.placeholderProperty());
        placeholder.setWrapText(true);
        list.setPlaceholder(placeholder);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, user) -> viewModel.select(user));
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                openSelected.run();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button loadMore = new Button();
        loadMore.setId("loadMore");
        loadMore.textProperty().bind(Bindings.when(viewModel.loadingMoreProperty())
                .then("Loading\u2026").otherwise("Load _more"));
        loadMore.setMaxWidth(Double.MAX_VALUE);
        loadMore.disableProperty().bind(viewModel.loadingMoreProperty());
        loadMore.visibleProperty().bind(viewModel.hasMoreProperty());
        loadMore.managedProperty().bind(loadMore.visibleProperty());
        loadMore.setOnAction(event -> viewModel.loadMore());

        getChildren().addAll(search, summary, new ErrorPane(viewModel.errorProperty(), "Search a_gain", viewModel::retry), list, loadMore);
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
