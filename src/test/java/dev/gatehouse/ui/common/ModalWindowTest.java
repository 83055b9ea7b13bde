package dev.gatehouse.ui.common;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The one way Gatehouse opens a window over another: owner, styles, running guard, Escape, remembered size. */
@ExtendWith(ApplicationExtension.class)
class ModalWindowTest extends FxRobot {

    private Stage owner;

    @Start
    void open(Stage stage) {
        owner = stage;
        Scene scene = new Scene(new StackPane(new Label("main window")), 900, 700);
        scene.getStylesheets().add("data:text/css,.label{-fx-font-size:14px;}");
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void forget() throws Exception {
        ModalWindow.forgetSizes();
        FxToolkit.cleanupStages();
    }

    @Test
    void opensModalToItsOwnerWithTheOwnersStyles() {
        Stage stage = show(() -> new ModalWindow(owner, "test", "A title", 600, 400), new TextField());

        assertThat(stage.getOwner()).isSameAs(owner);
        assertThat(stage.getModality()).isEqualTo(Modality.WINDOW_MODAL);
        assertThat(stage.getTitle()).isEqualTo("A title");
        assertThat(stage.getScene().getStylesheets()).containsExactlyElementsOf(owner.getScene().getStylesheets());
        assertThat(stage.getScene().getWidth()).isEqualTo(600);
        assertThat(stage.getScene().getHeight()).isEqualTo(400);
    }

    @Test
    void escapeClosesItFromAFieldAndTheClosingHookRunsOnce() {
        AtomicInteger closed = new AtomicInteger();
        TextField field = new TextField();
        Stage stage = show(() -> new ModalWindow(owner, "test", "Form", 600, 400).whenClosed(closed::incrementAndGet), field);
        clickOn(field).write("abc");

        type(KeyCode.ESCAPE);

        assertThat(stage.isShowing()).isFalse();
        assertThat(closed).hasValue(1);
    }

    @Test
    void whileBusyNeitherEscapeNorTheTitleBarNorCloseClosesItAndEscapeFiresNoStopButton() {
        SimpleBooleanProperty running = new SimpleBooleanProperty(true);
        AtomicInteger stops = new AtomicInteger();
        Button stop = new Button("Stop");
        stop.setCancelButton(true);
        stop.setOnAction(event -> stops.incrementAndGet());
        ModalWindow[] window = new ModalWindow[1];
        Stage stage = show(() -> window[0] = new ModalWindow(owner, "test", "Running", 600, 400).busyWhile(running), stop);

        type(KeyCode.ESCAPE);
        interact(() -> Event.fireEvent(stage, new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        interact(() -> window[0].close());

        assertThat(stage.isShowing()).isTrue();
        assertThat(stops).hasValue(0);

        interact(() -> running.set(false));
        interact(() -> Event.fireEvent(stage, new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        assertThat(stage.isShowing()).isFalse();
    }

    @Test
    void eachKindOpensAtTheSizeItsLastWindowWasLeftAt() {
        Stage first = show(() -> new ModalWindow(owner, "plan", "First", 600, 400), new Label("first"));
        interact(() -> {
            first.setWidth(first.getWidth() + 100);
            first.setHeight(first.getHeight() + 60);
        });
        double width = first.getScene().getWidth();
        double height = first.getScene().getHeight();
        interact(first::close);

        Stage again = show(() -> new ModalWindow(owner, "plan", "Again", 600, 400), new Label("again"));
        Stage other = show(() -> new ModalWindow(owner, "explanation", "Other", 600, 400), new Label("other"));

        assertThat(again.getScene().getWidth()).isEqualTo(width).isGreaterThan(600);
        assertThat(again.getScene().getHeight()).isEqualTo(height).isGreaterThan(400);
        assertThat(other.getScene().getWidth()).isEqualTo(600);
        assertThat(other.getScene().getHeight()).isEqualTo(400);
    }

    @Test
    void neverSmallerThanTheMinimumNorLargerThanTheScreen() {
        Stage tiny = show(() -> new ModalWindow(owner, "tiny", "Tiny", 100, 100), new Label("tiny"));
        Stage huge = show(() -> new ModalWindow(owner, "huge", "Huge", 5000, 5000), new Label("huge"));

        assertThat(tiny.getScene().getWidth()).isEqualTo(ModalWindow.MIN_WIDTH);
        assertThat(tiny.getScene().getHeight()).isEqualTo(ModalWindow.MIN_HEIGHT);
        assertThat(tiny.getMinWidth()).isEqualTo(ModalWindow.MIN_WIDTH);
        assertThat(tiny.getMinHeight()).isEqualTo(ModalWindow.MIN_HEIGHT);
        var screen = Screen.getPrimary().getVisualBounds();
        assertThat(huge.getScene().getWidth()).isLessThan(screen.getWidth());
        assertThat(huge.getScene().getHeight()).isLessThan(screen.getHeight());
        assertThat(ModalWindow.MIN_WIDTH).as("fits 1024 x 768 with the owner around it").isLessThan(1024 - 200);
        assertThat(ModalWindow.MIN_HEIGHT).isLessThan(768 - 200);
    }

    @Test
    void aWindowThatFitsItsContentHasNoScrollBarGrowsWithItAndRemembersOnlyItsWidth() {
        VBox body = new VBox(new Label("one line"));
        ModalWindow[] window = new ModalWindow[1];
        Stage[] shown = new Stage[1];
        interact(() -> {
            window[0] = new ModalWindow(owner, "growing", "Growing", 560, ModalWindow.FIT_CONTENT);
            shown[0] = window[0].show(body, new Button("OK"));
        });
        Stage stage = shown[0];
        assertThat(lookup(".scroll-pane").tryQuery()).isEmpty();
        double before = stage.getHeight();

        interact(() -> {
            for (int i = 0; i < 40; i++) {
                body.getChildren().add(new Label("line " + i));
            }
            body.applyCss();
            window[0].growToFit();
        });
        assertThat(stage.getHeight()).isGreaterThan(before + 200);
        interact(() -> stage.setWidth(stage.getWidth() + 80));
        interact(stage::close);

        interact(() -> shown[0] = new ModalWindow(owner, "growing", "Again", 560, ModalWindow.FIT_CONTENT)
                .show(new VBox(new Label("short again")), new Button("OK")));
        assertThat(shown[0].getScene().getWidth()).isEqualTo(640);
        assertThat(shown[0].getHeight()).isEqualTo(before);
    }

    /** Makes the window on the FX thread, as the app does, and shows {@code body} in it. */
    private Stage show(Supplier<ModalWindow> window, Node body) {
        Stage[] shown = new Stage[1];
        interact(() -> shown[0] = window.get().show(body instanceof VBox box ? box : new VBox(body)));
        WaitForAsyncUtils.waitForFxEvents();
        return shown[0];
    }
}
