package dev.gatehouse.ui.common;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** A check box reached with the keyboard shows where the focus is, under the app's theme and stylesheet. */
@ExtendWith(ApplicationExtension.class)
class FocusRingTest extends FxRobot {

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Button first = new Button("First");
        first.setId("first");
        CheckBox box = new CheckBox("Keep the accounts' licences");
        box.setId("box");
        Scene scene = new Scene(new VBox(12, first, box), 320, 120);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/dev/gatehouse/ui/gatehouse.css"))
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
        first.requestFocus();
    }

    @Test
    void aFocusedCheckBoxGlowsAndAnUnfocusedOneDoesNot() {
        Node box = lookup("#box .box").query();
        assertThat(box.getEffect()).isNull();

        press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup("#box").queryAs(CheckBox.class).isFocused()).isTrue();
        assertThat(box.getEffect()).as("the focus ring").isNotNull();
    }
}
