package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.GatehouseRobot;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeConnector;
import dev.gatehouse.ui.workspace.Workspace;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A registered workspace appears in the navigation with its shortcut; its view is built when first opened. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceNavigationTest extends GatehouseRobot {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final RecordingWorkspace inbox = new RecordingWorkspace();
    private final RecordingWorkspace reports = new RecordingWorkspace();

    @Start
    void open(Stage stage) {
        ShellViewModel shell = new ShellViewModel(new FakeConnector(), runner, List.of(
                inbox.registration("inbox", "_Inbox", 1),
                Workspace.notAvailableYet("audit", "A_udit", Material2OutlinedMZ.POLICY, 2),
                reports.registration("reports", "_Reports", 5)), Path.of("target", "test-data"), Clock.systemUTC());
        ShellView view = new ShellView(shell, runner);
        Scene scene = new Scene(view, 1000, 700);
        view.installAccelerators(scene);
        stage.setScene(scene);
        stage.show();
        shell.connectDemo("baseline");
    }

    @Test
    void itsShortcutOpensItAndFocusesItsMainFieldBuildingTheViewOnce() {
        ToggleButton button = lookup("#nav-reports").queryAs(ToggleButton.class);
        assertThat(button.getText()).isEqualTo("_Reports");
        assertThat(button.isMnemonicParsing()).isTrue();
        assertThat(button.isDisabled()).isFalse();
        assertThat(button.getTooltip().getText()).isEqualTo("Ctrl+5");
        assertThat(inbox.viewsBuilt()).as("the workspace that opens first").isEqualTo(1);
        assertThat(reports.viewsBuilt()).as("not before it is opened").isZero();

        press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);

        assertThat(button.isSelected()).isTrue();
        assertThat(lookup("#reports-field").queryAs(TextField.class).isFocused()).isTrue();
        assertThat(lookup("#inbox-view").query().isVisible()).isFalse();

        press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertThat(lookup("#inbox-field").queryAs(TextField.class).isFocused()).isTrue();
        clickOn("#nav-reports");
        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);

        assertThat(lookup("#reports-field").queryAs(TextField.class).isFocused()).isTrue();
        assertThat(reports.viewsBuilt()).isEqualTo(1);
    }

    @Test
    void f5RefreshesTheOpenWorkspace() {
        clickOn("#nav-reports");

        press(KeyCode.F5).release(KeyCode.F5);

        assertThat(reports.events()).endsWith("refresh");
        assertThat(inbox.events()).doesNotContain("refresh");
    }

    @Test
    void aWorkspaceThatHasNotArrivedIsListedDisabledAndItsShortcutDoesNothing() {
        assertThat(lookup("#nav-audit").queryAs(ToggleButton.class).isDisabled()).isTrue();

        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);

        assertThat(lookup("#nav-inbox").queryAs(ToggleButton.class).isSelected()).isTrue();
    }
}
