package dev.gatehouse.ui.users;

import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.domain.recovery.EffectiveMethodsPolicy;
import dev.gatehouse.ui.common.ModalWindow;
import dev.gatehouse.ui.plan.PlanDialog;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
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
        } else if (prompt instanceof ActionPrompt.Record record) {
            IncidentRecordWindow.show(owner, record.record());
        }
    }

    private static void explain(Window owner, ActionPrompt.Explain explain) {
        ModalWindow window = new ModalWindow(owner, "explanation", explain.title(), 620, 420);
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
        close.setOnAction(event -> window.close());
        List<Node> footer = new ArrayList<>();
        if (!explain.alternativeLabel().isEmpty()) {
            // a separate, differently worded action: never the same button relabelled
            Label instead = new Label("Instead:");
            instead.getStyleClass().add("muted");
            Button alternative = new Button(explain.alternativeLabel());
            alternative.setId("alternativeAction");
            alternative.setOnAction(event -> {
                window.close();
                explain.alternative().run();
            });
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            footer.addAll(List.of(instead, alternative, spacer));
        }
        footer.add(close);
        window.show(body, footer.toArray(Node[]::new));
    }

    private static void tapForm(Window owner, TapFormViewModel form) {
        ModalWindow window = new ModalWindow(owner, "tap-form", "Issue Temporary Access Pass", 560, 340);
        TextField lifetime = new TextField();
        lifetime.setId("tapLifetime");
        lifetime.setPrefColumnCount(6);
        lifetime.setMaxWidth(Region.USE_PREF_SIZE); // minutes, not a sentence: not as wide as the check box below
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
        VisibleText.bind(problem, form.problemProperty());
        VBox body = new VBox(12, title("Issue a Temporary Access Pass"), text("For " + form.target()), limits, fields,
                problem);
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> window.close());
        Button next = new Button("Show the plan");
        next.setId("tapShowPlan");
        next.setDefaultButton(true);
        next.setOnAction(event -> {
            form.submit();
            if (form.problemProperty().get().isEmpty()) {
                window.close();
            }
        });
        window.show(body, cancel, next);
    }

    private static void policy(Window owner, ActionPrompt.ShowPolicy prompt) {
        ModalWindow window = new ModalWindow(owner, "methods-policy", prompt.title(), 760, 520);
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
                Label state = VisibleText.show(new Label(), line.enabledForUser() ? "Enabled" + line.through().map(t -> " via " + t)
                        .orElse("") : "Not enabled");
                state.getStyleClass().add(line.enabledForUser() ? "policy-on" : "muted");
                Label method = new Label(line.label());
                method.setMinWidth(Region.USE_PREF_SIZE);
                state.setMinWidth(Region.USE_PREF_SIZE);
                grid.addRow(row++, method, state, text(line.reason()));
            }
            // the method and its state are never cut; the reason takes the rest of the width and wraps
            ColumnConstraints whole = new ColumnConstraints();
            whole.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints rest = new ColumnConstraints();
            rest.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().setAll(whole, whole, rest);
            body.getChildren().add(grid);
        }
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(event -> window.close());
        window.show(body, close);
    }

    static Label title(String text) {
        Label title = VisibleText.show(new Label(), text);
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
        Label label = VisibleText.show(new Label(), value);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
