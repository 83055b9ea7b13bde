package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.activity.ActivityView;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.emergency.EmergencyAccessDialog;
import dev.gatehouse.ui.users.UsersView;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The main window's content: DEMO banner, header, navigation, the open workspace and the status bar. */
public final class ShellView extends BorderPane {

    private final ShellViewModel viewModel;
    private final UsersView users;
    private final StackPane workspaces;
    private final TenantSwitcher switcher;
    /** Built when first opened: the first frame only pays for the workspace it shows. */
    private ActivityView activity;

    public ShellView(ShellViewModel viewModel, TaskRunner runner) {
        this.viewModel = viewModel;
        users = new UsersView(viewModel.users());
        switcher = new TenantSwitcher(viewModel, this::openSignIn, this::openEmergencyAccess);

        setTop(new VBox(new DemoBanner(viewModel.demoProperty()), new HeaderBar(viewModel, switcher)));
        setLeft(new NavigationBar(viewModel));
        workspaces = new StackPane(users, new ConnectionPane(viewModel));
        setCenter(workspaces);
        setBottom(new StatusBar(viewModel, runner));

        users.visibleProperty().bind(viewModel.workspaceProperty().isEqualTo(Workspace.USERS));
        viewModel.workspaceProperty().addListener((obs, old, workspace) -> {
            if (workspace == Workspace.ACTIVITY) {
                activity();
            }
        });
    }

    private ActivityView activity() {
        if (activity == null) {
            activity = new ActivityView(viewModel.activity());
            activity.visibleProperty().bind(viewModel.workspaceProperty().isEqualTo(Workspace.ACTIVITY));
            workspaces.getChildren().add(workspaces.getChildren().size() - 1, activity); // below the connection pane
        }
        return activity;
    }

    /** Keyboard shortcuts that work anywhere in the window. */
    public void installAccelerators(Scene scene) {
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            if (viewModel.workspaceProperty().get() == Workspace.ACTIVITY) {
                activity().focusFilter();
            } else {
                users.focusSearch();
            }
        });
        accelerators.put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> {
            viewModel.selectWorkspace(Workspace.USERS);
            users.focusSearch();
        });
        accelerators.put(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN), () -> {
            viewModel.selectWorkspace(Workspace.ACTIVITY);
            activity().focusFilter();
        });
        accelerators.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), switcher::show);
        accelerators.put(new KeyCodeCombination(KeyCode.F5), () -> {
            if (viewModel.workspaceProperty().get() == Workspace.USERS) {
                users.refresh();
            }
        });
    }

    public void focusSearch() {
        users.focusSearch();
    }

    private void openSignIn() {
        new SignInDialog(getScene().getWindow(), viewModel.newSignIn()).show();
    }

    private void openEmergencyAccess() {
        viewModel.newEmergencyAccess().ifPresent(dialog ->
                new EmergencyAccessDialog(getScene().getWindow(), dialog).show());
    }
}
