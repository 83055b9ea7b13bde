package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.emergency.EmergencyAccessDialog;
import dev.gatehouse.ui.workspace.Workspace;
import dev.gatehouse.ui.workspace.WorkspaceInstance;
import dev.gatehouse.ui.workspace.WorkspaceView;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's content: DEMO banner, header, navigation, the open workspace and the status bar. Each workspace's
 * view is built the first time it is opened, so the first frame only pays for the workspace it shows.
 */
public final class ShellView extends BorderPane {

    private final ShellViewModel viewModel;
    private final StackPane workspaces;
    private final TenantSwitcher switcher;
    private final HeaderBar header;
    private final VBox top;

    public ShellView(ShellViewModel viewModel, TaskRunner runner) {
        this.viewModel = viewModel;
        switcher = new TenantSwitcher(viewModel, this::openSignIn, this::openEmergencyAccess);

        header = new HeaderBar(viewModel, switcher);
        top = new VBox(new DemoBanner(viewModel.demoProperty()), header);
        setTop(top);
        setLeft(new NavigationBar(viewModel));
        workspaces = new StackPane(new ConnectionPane(viewModel));
        setCenter(workspaces);
        setBottom(new StatusBar(viewModel, runner));

        viewModel.workspaceProperty().addListener((obs, old, workspace) -> view(workspace));
        view(viewModel.workspaceProperty().get());
    }

    /** The workspace's view, built and placed below the connection pane the first time it is asked for. */
    private WorkspaceView view(Workspace workspace) {
        WorkspaceInstance instance = viewModel.instance(workspace);
        if (!instance.viewBuilt()) {
            Node node = instance.view().node();
            node.visibleProperty().bind(viewModel.workspaceProperty().isEqualTo(workspace));
            workspaces.getChildren().add(workspaces.getChildren().size() - 1, node);
        }
        return instance.view();
    }

    /** Adds a control to the header, after the tenant switcher (the demo tenant's Trainer menu). */
    public void addHeaderControl(Node control) {
        header.getChildren().add(header.getChildren().indexOf(switcher) + 1, control);
    }

    /** Adds a strip below the header, above the workspace (what the trainer's last action did). */
    public void addNotice(Node notice) {
        top.getChildren().add(notice);
    }

    /** Keyboard shortcuts that work anywhere in the window. */
    public void installAccelerators(Scene scene) {
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::focusOpenWorkspace);
        for (Workspace workspace : viewModel.workspaces()) {
            accelerators.put(workspace.shortcut(), () -> {
                viewModel.selectWorkspace(workspace);
                if (viewModel.workspaceProperty().get() == workspace) {
                    view(workspace).focusMain();
                }
            });
        }
        accelerators.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), switcher::show);
        accelerators.put(new KeyCodeCombination(KeyCode.F5), viewModel::refresh);
    }

    /** Focuses the open workspace's main field (its search, its filter). */
    public void focusOpenWorkspace() {
        view(viewModel.workspaceProperty().get()).focusMain();
    }

    private void openSignIn() {
        SignInDialog.show(getScene().getWindow(), viewModel.newSignIn());
    }

    private void openEmergencyAccess() {
        viewModel.newEmergencyAccess().ifPresent(dialog ->
                EmergencyAccessDialog.show(getScene().getWindow(), dialog));
    }
}
