package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.workspace.Workspace;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.HashMap;
import java.util.Map;

/**
 * The registered workspaces, in order. Each says its shortcut in a tooltip. Workspaces that have not arrived yet are
 * shown disabled with a tooltip that says so; it sits on a wrapper because a disabled control receives no mouse events
 * and would never show its own.
 */
final class NavigationBar extends VBox {

    private final Map<Workspace, ToggleButton> buttons = new HashMap<>();

    NavigationBar(ShellViewModel viewModel) {
        getStyleClass().add("navigation");
        Label caption = new Label("WORKSPACES");
        caption.getStyleClass().add("nav-caption");
        getChildren().add(caption);
        ToggleGroup group = new ToggleGroup();
        for (Workspace workspace : viewModel.workspaces()) {
            ToggleButton button = new ToggleButton(workspace.label(), new FontIcon(workspace.icon()));
            button.setId("nav-" + workspace.id());
            button.getStyleClass().add("nav-item");
            button.setMnemonicParsing(true);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(group);
            button.setUserData(workspace);
            button.setDisable(!workspace.available());
            buttons.put(workspace, button);
            if (workspace.available()) {
                button.setTooltip(tooltip(workspace.shortcut().getDisplayText()));
                getChildren().add(button);
            } else {
                getChildren().add(withTooltip(button));
            }
        }
        group.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected == null) {
                old.setSelected(true); // clicking the open workspace again keeps it open
            } else {
                viewModel.selectWorkspace((Workspace) selected.getUserData());
            }
        });
        viewModel.workspaceProperty().addListener((obs, old, workspace) -> buttons.get(workspace).setSelected(true));
        buttons.get(viewModel.workspaceProperty().get()).setSelected(true);
    }

    private static Node withTooltip(ToggleButton button) {
        button.setAccessibleHelp(Workspace.NOT_AVAILABLE_YET);
        StackPane wrapper = new StackPane(button);
        Tooltip.install(wrapper, tooltip(Workspace.NOT_AVAILABLE_YET));
        return wrapper;
    }

    private static Tooltip tooltip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setShowDelay(Duration.millis(300));
        return tooltip;
    }
}
