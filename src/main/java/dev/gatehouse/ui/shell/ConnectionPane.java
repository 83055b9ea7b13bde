package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/** Covers the workspaces until a tenant is open: a spinner while connecting, the reason and Retry on failure. */
final class ConnectionPane extends VBox {

    ConnectionPane(ShellViewModel viewModel) {
        setId("connectionPane");
        getStyleClass().add("connection-pane");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.visibleProperty().bind(viewModel.stateProperty().isEqualTo(ConnectionState.CONNECTING));
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label message = new Label();
        message.setId("connectionMessage");
        message.getStyleClass().add("title");
        message.setWrapText(true);
        message.setMaxWidth(640);
        message.setTextAlignment(TextAlignment.CENTER);
        // a one-line message is laid out in the label's full width: centre it there, under the spinner
        message.setAlignment(Pos.CENTER);
        VisibleText.bind(message, viewModel.stateMessageProperty());
        message.graphicProperty().bind(Bindings.when(
                viewModel.stateProperty().isEqualTo(ConnectionState.FAILED)).then((Node) Icons.error()).otherwise((Node) null));
        Button retry = new Button("_Try again"); // not Alt+R: that opens the Registration policy workspace
        retry.setId("connectionRetry");
        retry.setDefaultButton(true);
        retry.setOnAction(event -> viewModel.retry());
        Label hint = new Label("Or pick another tenant from the switcher above.");
        hint.getStyleClass().add("muted");
        VBox failedActions = new VBox(8, retry, hint);
        failedActions.setAlignment(Pos.CENTER);
        failedActions.visibleProperty().bind(viewModel.stateProperty().isEqualTo(ConnectionState.FAILED));
        failedActions.managedProperty().bind(failedActions.visibleProperty());
        getChildren().addAll(spinner, message, failedActions);
        visibleProperty().bind(viewModel.stateProperty().isNotEqualTo(ConnectionState.CONNECTED));
    }
}
