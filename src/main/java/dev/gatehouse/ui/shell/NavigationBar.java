package dev.gatehouse.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.EnumMap;
import java.util.Map;

/**
 * The workspace list. Workspaces that have not arrived yet are shown disabled with a tooltip; the tooltip
 * sits on a wrapper because a disabled control receives no mouse events and would never show its own.
 */
final class NavigationBar extends VBox {

    private final Map<Workspace, ToggleButton> buttons = new EnumMap<>(Workspace.class);

    NavigationBar(ShellViewModel viewModel) {
        getStyleClass().add("navigation");
        Label caption = new Label("WORKSPACES");
        caption.getStyleClass().add("nav-caption");
        getChildren().add(caption);
        ToggleGroup group = new ToggleGroup();
        for (Workspace workspace : Workspace.values()) {
            ToggleButton button = new ToggleButton(workspace.label(), icon(workspace));
            button.setId("nav-" + workspace.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            button.getStyleClass().add("nav-item");
            button.setMnemonicParsing(true);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(group);
            button.setUserData(workspace);
            button.setDisable(!workspace.available());
            buttons.put(workspace, button);
            getChildren().add(workspace.available() ? button : withTooltip(button));
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
        Tooltip tooltip = new Tooltip(Workspace.NOT_AVAILABLE_YET);
        tooltip.setShowDelay(Duration.millis(300));
        Tooltip.install(wrapper, tooltip);
        return wrapper;
    }

    private static FontIcon icon(Workspace workspace) {
        return new FontIcon(switch (workspace) {
            case USERS -> Material2OutlinedMZ.PEOPLE;
            case BREAK_GLASS -> Material2OutlinedMZ.SECURITY;
            case REGISTRATION_POLICY -> Material2OutlinedMZ.POLICY;
            case ACTIVITY -> Material2OutlinedMZ.TIMELINE;
        });
    }
}
