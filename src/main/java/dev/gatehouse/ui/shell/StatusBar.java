package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.ui.common.TaskRunner;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** What is running right now, and which Graph endpoint the window talks to. */
final class StatusBar extends HBox {

    StatusBar(ShellViewModel viewModel, TaskRunner runner) {
        getStyleClass().add("status-bar");
        ProgressIndicator busy = new ProgressIndicator();
        busy.visibleProperty().bind(runner.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label task = new Label();
        task.setId("statusMessage");
        VisibleText.bind(task, runner.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label endpoint = new Label();
        VisibleText.bind(endpoint, viewModel.serviceRootProperty());
        getChildren().addAll(busy, task, spacer, endpoint);
    }
}
