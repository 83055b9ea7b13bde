package dev.gatehouse.ui.shell;

import dev.gatehouse.domain.tenant.Cloud;
import dev.gatehouse.domain.tenant.SignInRequest.Flow;
import dev.gatehouse.ui.common.ModalWindow;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;

/**
 * "Sign in to a tenant…": where the tenant is, which app registration to use and how to sign in. Stays
 * open while the sign-in runs so it can show the device code, and closes once the tenant is open. Closing it
 * (Cancel, Escape, the title bar) abandons a sign-in in progress: nothing has changed anywhere yet.
 */
final class SignInDialog {

    private SignInDialog() {
    }

    static void show(Window owner, SignInViewModel viewModel) {
        ModalWindow window = new ModalWindow(owner, "sign-in", "Sign in to a tenant", 560, ModalWindow.FIT_CONTENT)
                .whenClosed(viewModel::cancel);
        Label heading = new Label("Sign in to a Microsoft Entra tenant");
        heading.getStyleClass().add("plan-title");
        VBox body = content(viewModel);
        body.getChildren().add(0, heading);
        body.getStyleClass().add("sign-in");

        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> window.close());
        Button signIn = new Button("Sign in");
        signIn.setId("signInButton");
        signIn.setDefaultButton(true);
        signIn.disableProperty().bind(viewModel.validProperty().not().or(viewModel.signingInProperty()));
        signIn.setOnAction(event -> viewModel.signIn()); // the window stays open until the sign-in has finished

        // the window grows as progress, the device code or an error appear
        for (var changing : List.of(viewModel.progressProperty(), viewModel.deviceCodeProperty(), viewModel.errorProperty(),
                viewModel.problemProperty())) {
            changing.addListener((obs, old, text) -> Platform.runLater(window::growToFit));
        }
        viewModel.connectedProperty().addListener((obs, was, connected) -> {
            if (connected) {
                window.close();
            }
        });
        window.show(body, cancel, signIn);
    }

    private static VBox content(SignInViewModel viewModel) {
        TextField tenant = new TextField();
        tenant.setId("tenantField");
        tenant.setPromptText("contoso.onmicrosoft.com or the tenant ID");
        tenant.textProperty().bindBidirectional(viewModel.tenantProperty());
        ComboBox<Cloud> cloud = new ComboBox<>();
        cloud.getItems().setAll(Cloud.values());
        cloud.valueProperty().bindBidirectional(viewModel.cloudProperty());
        cloud.setMaxWidth(Double.MAX_VALUE);
        TextField clientId = new TextField();
        clientId.setId("clientIdField");
        clientId.setPromptText("Application (client) ID of your app registration");
        clientId.textProperty().bindBidirectional(viewModel.clientIdProperty());

        ToggleGroup flows = new ToggleGroup();
        RadioButton browser = new RadioButton("In the system _browser on this computer");
        browser.setToggleGroup(flows);
        browser.setUserData(Flow.INTERACTIVE_BROWSER);
        RadioButton deviceCode = new RadioButton("With a _device code on another device");
        deviceCode.setToggleGroup(flows);
        deviceCode.setUserData(Flow.DEVICE_CODE);
        deviceCode.setId("deviceCodeFlow");
        flows.selectToggle(viewModel.flowProperty().get() == Flow.DEVICE_CODE ? deviceCode : browser);
        flows.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected != null) {
                viewModel.flowProperty().set((Flow) selected.getUserData());
            }
        });

        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.addRow(0, fieldLabel("_Tenant", tenant), tenant);
        form.addRow(1, fieldLabel("C_loud", cloud), cloud);
        form.addRow(2, fieldLabel("Client _ID", clientId), clientId);
        form.addRow(3, new Label("Sign in"), new VBox(6, browser, deviceCode));
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(new ColumnConstraints(), grow);
        form.disableProperty().bind(viewModel.signingInProperty());

        Label intro = new Label("Gatehouse signs in as you, through your organisation's own app registration "
                + "(a public client with delegated permissions; the README lists them per workspace).");
        intro.getStyleClass().add("muted");
        wraps(intro);

        Label problem = new Label();
        problem.getStyleClass().add("problem");
        wraps(problem);
        problem.textProperty().bind(viewModel.problemProperty());
        shownWhenNotEmpty(problem);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(viewModel.signingInProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label progress = new Label();
        progress.setId("signInProgress");
        wraps(progress);
        progress.textProperty().bind(viewModel.progressProperty());
        HBox progressRow = new HBox(8, spinner, progress);
        progressRow.visibleProperty().bind(viewModel.progressProperty().isNotEmpty());
        progressRow.managedProperty().bind(progressRow.visibleProperty());

        TextField code = new TextField();
        code.setId("deviceCode");
        code.setEditable(false);
        code.getStyleClass().add("device-code");
        code.textProperty().bind(viewModel.deviceCodeProperty());
        code.visibleProperty().bind(viewModel.deviceCodeProperty().isNotEmpty());
        code.managedProperty().bind(code.visibleProperty());
        TextField uri = new TextField();
        uri.setEditable(false);
        uri.textProperty().bind(viewModel.verificationUriProperty());
        uri.visibleProperty().bind(code.visibleProperty());
        uri.managedProperty().bind(code.visibleProperty());

        Label error = new Label();
        error.setId("signInError");
        error.getStyleClass().add("sign-in-error");
        wraps(error);
        error.textProperty().bind(viewModel.errorProperty());
        shownWhenNotEmpty(error);

        return new VBox(12, intro, form, problem, progressRow, code, uri, error);
    }

    private static void wraps(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }

    private static void shownWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static Label fieldLabel(String text, Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }
}
