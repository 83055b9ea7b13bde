package dev.gatehouse.ui.users;

import dev.gatehouse.domain.recovery.EffectiveMethodsPolicy;
import dev.gatehouse.ui.plan.PlanDialog;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Opens the window each {@link ActionPrompt} asks for, over the main window. */
final class ActionWindows {

    private ActionWindows() {
    }

    static void open(Window owner, ActionPrompt prompt) {
        if (prompt instanceof ActionPrompt.Review review) {
            PlanDialog.show(owner, review.plan());
        } else if (prompt instanceof ActionPrompt.Explain explain) {
            explain(owner, explain);
        } else if (prompt instanceof ActionPrompt.AskTap ask) {
            tapForm(owner, ask.form());
        } else if (prompt instanceof ActionPrompt.ShowPolicy policy) {
            policy(owner, policy);
        } else if (prompt instanceof ActionPrompt.Playbook playbook) {
            PlaybookWindow.show(owner, playbook.playbook());
        }
    }

    private static void explain(Window owner, ActionPrompt.Explain explain) {
        Stage stage = stage(owner, explain.title());
        Label message = text(explain.message());
        message.setId("explanation");
        VBox body = new VBox(12, title(explain.title()), message);
        for (String warning : explain.warnings()) {
            Label line = text(warning);
            line.setGraphic(new FontIcon(Material2OutlinedMZ.WARNING));
            line.getStyleClass().add("explain-warning");
            body.getChildren().add(line);
        }
        Button close = new Button("Close");
        close.setId("closeExplanation");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(event -> stage.close());
        HBox buttons = new HBox(10);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        if (!explain.alternativeLabel().isEmpty()) {
            // a separate, differently worded action: never the same button relabelled
            Label instead = new Label("Instead:");
            instead.getStyleClass().add("muted");
            Button alternative = new Button(explain.alternativeLabel());
            alternative.setId("alternativeAction");
            alternative.setOnAction(event -> {
                stage.close();
                explain.alternative().run();
            });
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            buttons.getChildren().addAll(instead, alternative, spacer);
        }
        buttons.getChildren().add(close);
        show(stage, owner, body, buttons, 620, 420);
    }

    private static void tapForm(Window owner, TapFormViewModel form) {
        Stage stage = stage(owner, "Issue Temporary Access Pass");
        TextField lifetime = new TextField();
        lifetime.setId("tapLifetime");
        lifetime.setPrefColumnCount(6);
        lifetime.textProperty().bindBidirectional(form.lifetimeProperty());
        CheckBox multiUse = new CheckBox("Multi-use (can sign in with it until it expires)");
        multiUse.setId("tapMultiUse");
        multiUse.selectedProperty().bindBidirectional(form.multiUseProperty());
        multiUse.setDisable(form.oneTimeOnly());
        GridPane fields = new GridPane();
        fields.getStyleClass().add("tap-form");
        fields.addRow(0, new Label("Lifetime (minutes)"), lifetime);
        fields.add(multiUse, 1, 1);
        Label limits = text(form.limitsText());
        limits.getStyleClass().add("muted");
        Label problem = text("");
        problem.setId("tapProblem");
        problem.getStyleClass().add("sign-in-error");
        problem.textProperty().bind(form.problemProperty());
        VBox body = new VBox(12, title("Issue a Temporary Access Pass"), text("For " + form.target()), limits, fields,
                problem);
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> stage.close());
        Button next = new Button("Show the plan");
        next.setId("tapShowPlan");
        next.setDefaultButton(true);
        next.setOnAction(event -> {
            form.submit();
            if (form.problemProperty().get().isEmpty()) {
                stage.close();
            }
        });
        HBox buttons = new HBox(10, cancel, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        show(stage, owner, body, buttons, 560, 340);
    }

    private static void policy(Window owner, ActionPrompt.ShowPolicy prompt) {
        Stage stage = stage(owner, prompt.title());
        VBox body = new VBox(12, title(prompt.title()));
        if (prompt.policy().isEmpty()) {
            body.getChildren().add(text("The tenant's authentication methods policy could not be read: " + prompt.why()));
        } else {
            GridPane grid = new GridPane();
            grid.setId("methodsPolicy");
            grid.getStyleClass().add("policy-grid");
            grid.addRow(0, header("Method"), header("For this user"), header("Why"));
            int row = 1;
            for (EffectiveMethodsPolicy.Row line : prompt.policy().get().rows()) {
                Label state = new Label(line.enabledForUser() ? "Enabled" + line.through().map(t -> " via " + t)
                        .orElse("") : "Not enabled");
                state.getStyleClass().add(line.enabledForUser() ? "policy-on" : "muted");
                grid.addRow(row++, new Label(line.label()), state, text(line.reason()));
            }
            body.getChildren().add(grid);
        }
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(event -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        show(stage, owner, body, buttons, 760, 520);
    }

    private static Stage stage(Window owner, String title) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        return stage;
    }

    private static void show(Stage stage, Window owner, VBox body, HBox buttons, double width, double height) {
        body.getStyleClass().add("plan-content");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        buttons.getStyleClass().add("plan-footer");
        BorderPane root = new BorderPane(scroll);
        root.setBottom(buttons);
        Scene scene = new Scene(root, width, height);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }

    static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("plan-title");
        title.setWrapText(true);
        return title;
    }

    private static Node header(String text) {
        Label header = new Label(text);
        header.getStyleClass().add("fact-label");
        return header;
    }

    /** A label that wraps instead of cutting its text. */
    static Label text(String value) {
        Label label = new Label(value);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
