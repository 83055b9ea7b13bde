package dev.gatehouse.app;

import dev.gatehouse.domain.text.HiddenCharacters;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.GatehouseRobot;
import dev.gatehouse.ui.common.VisibleText;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window over the demo tenant whose names hold bidi overrides, zero-width characters and terminal escapes
 * ({@link CliAttackerChosenTextOverDemoTenantTest#hostileScenario}): no text on screen renders one of them, the
 * Authenticator named with U+202E shows the escape and is marked, and names in other scripts render as they are.
 */
class AttackerChosenTextWindowTest extends GatehouseRobot {

    private static final String ALEX = "alex.wilber@tailspintoys.com";
    private static final String MEGAN = "megan.bowen@tailspintoys.com";

    @TempDir
    static Path folder;

    private Application app;

    @BeforeEach
    void open() throws Exception {
        Path scenario = CliAttackerChosenTextOverDemoTenantTest.hostileScenario(folder);
        app = openWindow(new GatehouseConnector(name -> null), scenario.toString());
    }

    @AfterEach
    void close() throws Exception {
        closeWindow(app);
    }

    @Test
    void theAttackersAuthenticatorShowsItsBidiOverrideEscapedAndMarked() throws Exception {
        select(ALEX);
        waitUntil(() -> methods().getItems().stream().anyMatch(row -> row.summary().contains("KOOL")));

        Labeled device = onScreen().stream().filter(node -> node instanceof Labeled labeled
                && labeled.getText() != null && labeled.getText().startsWith("Pixel 8")).map(Labeled.class::cast)
                .findFirst().orElseThrow();
        assertThat(device.getText()).isEqualTo("Pixel 8\\x1b[2K\\r  Microsoft Authenticator  ALL METHODS VERIFIED "
                + "OK\\n\\x1b[1A\\u009B2K\\u202EKOOL\\u200B");
        assertThat(device.getStyleClass()).contains(VisibleText.MARK);
        assertThat(lookup("#userName").queryAs(Label.class).getText()).isEqualTo(
                "Alex Wilber\\x1b]0;owned\\x07\\u202ErebliW");
        assertNothingOnScreenRendersAHiddenCharacter("the user detail");
        snapshot(lookup("#userName").query().getScene().getWindow(), "attacker-chosen-text-user");

        clickOn("#actionRequireReregister");
        waitUntil(() -> lookup("#confirmPlan").tryQuery().isPresent());
        assertThat(lookup("#planTarget").queryAs(Label.class).getText()).contains("\\u202ErebliW");
        assertNothingOnScreenRendersAHiddenCharacter("the plan window");
        snapshot(lookup("#planTarget").query().getScene().getWindow(), "attacker-chosen-text-plan");
    }

    @Test
    void namesInOtherScriptsRenderAsTheyAre() throws Exception {
        select(MEGAN);
        String name = CliAttackerChosenTextOverDemoTenantTest.WORLD_NAME;

        Label shown = lookup("#userName").queryAs(Label.class);
        assertThat(shown.getText()).isEqualTo(name);
        assertThat(shown.getStyleClass()).doesNotContain(VisibleText.MARK);
        assertThat(onScreen()).filteredOn(node -> node instanceof Labeled labeled && name.equals(labeled.getText()))
                .as("the list cell and the detail").hasSizeGreaterThanOrEqualTo(2);
    }

    private void select(String userPrincipalName) throws Exception {
        clickOn("#userSearch").push(KeyCode.SHORTCUT, KeyCode.A).write(userPrincipalName.substring(0, 5));
        waitUntil(() -> users().getItems().stream().map(UserSummary::userPrincipalName).toList()
                .equals(List.of(userPrincipalName)));
        type(KeyCode.DOWN);
        waitUntil(() -> !methods().getItems().isEmpty()
                && !lookup("#actionResetPassword").queryAs(Button.class).isDisabled()
                && lookup("#userName").queryAs(Label.class).getText().startsWith(userPrincipalName.substring(0, 1)
                .toUpperCase()));
    }

    /** Every text any open window shows: labels, cells, buttons, tooltips' owners, fields and bare Text nodes. */
    private static List<Node> onScreen() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<Node> nodes = new ArrayList<>();
            for (Window window : Window.getWindows()) {
                if (window.isShowing() && window.getScene() != null) {
                    collect(window.getScene().getRoot(), nodes);
                }
            }
            return nodes;
        }).get();
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }

    private static void assertNothingOnScreenRendersAHiddenCharacter(String where) throws Exception {
        List<String> titles = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(window -> window instanceof Stage).map(window -> ((Stage) window).getTitle()).toList()).get();
        assertThat(titles).as(where + ": window titles").allMatch(title -> title == null || HiddenCharacters.noneIn(title));
        for (Node node : onScreen()) {
            String text = node instanceof Labeled labeled ? labeled.getText()
                    : node instanceof Text shown ? shown.getText()
                    : node instanceof TextInputControl field ? field.getText() : null;
            // a label's own text may break lines the view laid out; nothing else hidden may reach the screen
            String line = text == null ? "" : text.replace("\n", " ");
            assertThat(HiddenCharacters.noneIn(line)).as(where + ": " + node + " shows " + line).isTrue();
        }
    }
}
