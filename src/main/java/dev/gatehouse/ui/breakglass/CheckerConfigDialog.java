package dev.gatehouse.ui.breakglass;

import static dev.gatehouse.ui.breakglass.HealthNodes.section;
import static dev.gatehouse.ui.breakglass.HealthNodes.shownWhenNotEmpty;
import static dev.gatehouse.ui.breakglass.HealthNodes.wrapped;

import dev.gatehouse.domain.text.InertText;
import dev.gatehouse.ui.common.Icons;
import dev.gatehouse.ui.common.ModalWindow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * "Checker config…": the Maester and ScubaGear entries for the emergency-access accounts in read-only monospace
 * text, each under where it goes, each with its Copy button.
 */
final class CheckerConfigDialog {

    private static final double WIDTH = 860;
    private static final double HEIGHT = 680;
    private static final int MAX_ROWS = 40;

    private CheckerConfigDialog() {
    }

    static Stage show(Window owner, CheckerConfigViewModel viewModel) {
        ModalWindow window = new ModalWindow(owner, "breakglass-checkers", "Checker config entries", WIDTH, HEIGHT);
        CheckerSnippets snippets = viewModel.snippets();
        Label heading = new Label("Checker config entries");
        heading.getStyleClass().add("plan-title");
        Label intro = wrapped("So that Maester and ScubaGear know these accounts as the tenant's emergency access and"
                + " expect them to be excluded from Conditional Access. The entries hold object ids and names, no "
                + "secret.", "muted");
        Label copied = wrapped(new Label());
        copied.setId("checkersCopied");
        copied.getStyleClass().add("emergency-outcome");
        copied.textProperty().bind(viewModel.copiedProperty());
        shownWhenNotEmpty(copied, viewModel.copiedProperty());
        VBox body = new VBox(16, heading, intro,
                snippet("Maester", snippets.maesterWhere(), "checkersMaester", snippets.maester(),
                        "Copy the Maester entries", viewModel::copyMaester),
                snippet("ScubaGear", snippets.scubaGearWhere(), "checkersScubaGear", snippets.scubaGear(),
                        "Copy the ScubaGear entries", viewModel::copyScubaGear));
        Button close = new Button("Close");
        close.setDefaultButton(true);
        close.setOnAction(event -> window.close());
        // in the footer, so what was copied shows wherever the body is scrolled to
        return window.show(body, copied, close);
    }

    private static Node snippet(String title, String where, String id, String text, String copyLabel, Runnable copy) {
        TextArea code = new TextArea(InertText.escapeKeepingLineBreaks(text));
        code.setId(id);
        code.setEditable(false);
        code.setWrapText(false);
        // as tall as the entries, so the window scrolls once instead of a box inside it
        code.setPrefRowCount((int) Math.min(MAX_ROWS, text.lines().count() + 2));
        code.getStyleClass().add("checker-snippet");
        Button button = new Button(copyLabel, Icons.of(Material2OutlinedAL.CONTENT_COPY));
        button.setId(id + "Copy");
        button.setOnAction(event -> copy.run());
        return section(title, wrapped(where, "muted"), code, button);
    }
}
