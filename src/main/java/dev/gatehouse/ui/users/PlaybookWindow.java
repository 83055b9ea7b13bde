package dev.gatehouse.ui.users;

import dev.gatehouse.ui.common.VisibleText;
import dev.gatehouse.domain.recovery.CompromisedAccountPlaybook;
import dev.gatehouse.ui.wizard.WizardViewModel;
import dev.gatehouse.ui.wizard.WizardWindow;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;

/**
 * The compromised-account playbook's window: the wizard frame with the playbook as its one stage — the admin's
 * choices on the left, the plan they lead to on the right (the same plan view, run and one-time secrets as every
 * other action). It cannot be closed while the plan runs.
 */
final class PlaybookWindow {

    private PlaybookWindow() {
    }

    static Stage show(Window owner, PlaybookViewModel viewModel) {
        WizardViewModel wizard = new WizardViewModel(CompromisedAccountPlaybook.TITLE, List.of(viewModel));
        wizard.start(0, "");
        return WizardWindow.show(owner, "playbook", (viewModel.continuing() ? "Continue: compromised account \u2014 "
                : "Compromised account \u2014 ") + viewModel.target(), wizard, shown -> choices(viewModel));
    }

    private static Node choices(PlaybookViewModel viewModel) {
        VBox box = new VBox(12);
        box.getStyleClass().addAll("plan-content", "playbook-choices");
        Label heading = ActionWindows.title(viewModel.continuing() ? "Continuing an unfinished run" : "Your choices");
        Label intro = ActionWindows.text(viewModel.continuing()
                ? "These are the choices confirmed when the run started; they cannot change now. Only the steps not "
                + "yet done are planned."
                : "Mark every method that is not the user's. Methods added recently are marked already: an attacker "
                + "who got in registers their own first. Every change updates the plan.");
        intro.getStyleClass().add("muted");
        VBox methods = new VBox(8);
        for (MethodChoice method : viewModel.methods()) {
            methods.getChildren().add(methodRow(method));
        }
        methods.disableProperty().bind(viewModel.choicesLockedProperty());
        box.getChildren().addAll(heading, intro, section("Methods"), methods);

        CheckBox reset = new CheckBox("Reset the password");
        reset.setId("playbookResetPassword");
        reset.selectedProperty().bindBidirectional(viewModel.resetPasswordProperty());
        Label resetNote = note(viewModel.resetPasswordNote());

        TextField lifetime = new TextField();
        lifetime.setId("playbookTapLifetime");
        lifetime.setPrefColumnCount(5);
        lifetime.textProperty().bindBidirectional(viewModel.tap().lifetimeProperty());
        Label tapTitle = new Label("Temporary Access Pass for the hand-over");
        HBox lifetimeRow = new HBox(8, new Label("Lifetime (minutes)"), lifetime);
        lifetimeRow.setAlignment(Pos.CENTER_LEFT);
        CheckBox multiUse = new CheckBox("Multi-use pass (one-time is safer for a hand-over)");
        multiUse.setId("playbookTapMultiUse");
        multiUse.setWrapText(true);
        multiUse.selectedProperty().bindBidirectional(viewModel.tap().multiUseProperty());
        multiUse.setDisable(viewModel.tap().oneTimeOnly());
        Label limits = note(viewModel.tap().limitsText());
        Label problem = ActionWindows.text("");
        problem.getStyleClass().add("sign-in-error");
        VisibleText.bind(problem, viewModel.tap().problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        CheckBox reenable = new CheckBox("Enable the account again at the end");
        reenable.setId("playbookReenable");
        reenable.setWrapText(true);
        reenable.selectedProperty().bindBidirectional(viewModel.reenableProperty());
        Label reenableNote = note("So the user can sign in with the pass once you handed it over. Unticked, the "
                + "account stays disabled until you enable it.");

        VBox options = new VBox(8, reset, resetNote, tapTitle, lifetimeRow, multiUse, limits, problem, reenable, reenableNote);
        options.disableProperty().bind(viewModel.choicesLockedProperty());
        box.getChildren().addAll(section("Options"), options);

        ProgressIndicator proposing = new ProgressIndicator();
        proposing.setPrefSize(16, 16);
        Label updating = new Label("Updating the plan\u2026", proposing);
        updating.getStyleClass().add("muted");
        updating.visibleProperty().bind(viewModel.proposingProperty());
        updating.managedProperty().bind(updating.visibleProperty());
        box.getChildren().add(updating);

        return box;
    }

    private static Node methodRow(MethodChoice method) {
        CheckBox mark = VisibleText.show(new CheckBox(), method.label());
        mark.setId("mark-" + method.id());
        mark.setWrapText(true);
        mark.selectedProperty().bindBidirectional(method.marked());
        mark.setDisable(!method.markable());
        Label added = note(method.added() + (method.recent() ? " \u2014 recent" : ""));
        if (method.recent()) {
            added.setGraphic(new FontIcon(Material2OutlinedMZ.NEW_RELEASES));
            added.getStyleClass().add("playbook-recent");
        }
        Label otherwise = note("");
        otherwise.textProperty().bind(method.fate());
        VBox row = new VBox(2, mark, added, otherwise);
        row.getStyleClass().addAll("panel", "panel-outlined", "playbook-method");
        VBox.setMargin(added, new Insets(0, 0, 0, 26));
        VBox.setMargin(otherwise, new Insets(0, 0, 0, 26));
        return row;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static Label note(String text) {
        Label label = ActionWindows.text(text);
        label.getStyleClass().add("muted");
        return label;
    }
}
