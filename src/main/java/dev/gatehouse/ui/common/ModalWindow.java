package dev.gatehouse.ui.common;

import dev.gatehouse.domain.text.InertText;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Dimension2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A window over another one (a plan, an explanation, a form, the sign-in): modal to its owner and styled like it. It
 * opens at the size the admin left the last window of its kind at in this session, never smaller than
 * {@link #MIN_WIDTH} × {@link #MIN_HEIGHT} and never larger than the screen. Escape closes it. While it is busy (a plan
 * is changing the tenant) nothing closes it, neither Escape nor the title bar: closing must not hide a run in flight.
 */
public final class ModalWindow {

    /** Small enough to leave the owner visible around it on a 1024 × 768 screen. */
    public static final double MIN_WIDTH = 480;
    public static final double MIN_HEIGHT = 320;
    /** As a height: as tall as the content wants, then {@link #growToFit()} keeps up with it. */
    public static final double FIT_CONTENT = -1;
    /** Room for the window's own title bar and borders, which the scene size does not include. */
    private static final double DECORATION = 40;

    /** The size each kind of window was last closed at. FX thread only; forgotten when the app quits, on purpose. */
    private static final Map<String, Dimension2D> REMEMBERED = new HashMap<>();

    private final Stage stage = new Stage();
    private final Window owner;
    private final String kind;
    private final double width;
    private final double height;
    private ObservableBooleanValue busy;

    /**
     * @param owner  the window it is modal to and takes its stylesheets from; null for none (tests)
     * @param kind   which size memory it shares: every window of one kind opens at the size the last one was left at
     * @param width  the width of the first window of its kind
     * @param height the height of the first one, or {@link #FIT_CONTENT}
     */
    public ModalWindow(Window owner, String kind, String title, double width, double height) {
        this.owner = owner;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.width = width;
        this.height = height;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(InertText.escape(title)); // titles name users and plans
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, event -> {
            if (isBusy()) {
                event.consume();
            }
        });
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> {
            Scene scene = stage.getScene();
            REMEMBERED.put(kind, new Dimension2D(scene.getWidth(), scene.getHeight()));
        });
    }

    /** Nothing closes the window while {@code condition} holds, not even Escape (which never stops a run either). */
    public ModalWindow busyWhile(ObservableBooleanValue condition) {
        busy = condition;
        return this;
    }

    /** Runs {@code action} once the window is gone, however it was closed. */
    public ModalWindow whenClosed(Runnable action) {
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> action.run());
        return this;
    }

    /**
     * Shows {@code body} above a footer with {@code footer} on the right. In a window of fixed size the body scrolls
     * when it is taller; a window that fits its content has no scroll bar and grows instead ({@link #growToFit()}).
     */
    public Stage show(Node body, Node... footer) {
        body.getStyleClass().add("window-body");
        BorderPane root = new BorderPane(fitsContent() ? body : scrolling(body));
        HBox buttons = new HBox(10, footer);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add("window-footer");
        root.setBottom(buttons);
        return show(root);
    }

    /** Shows {@code content} as the whole window. */
    public Stage show(Parent content) {
        Dimension2D size = REMEMBERED.getOrDefault(kind, new Dimension2D(width, height));
        Rectangle2D screen = screen();
        Scene scene = new Scene(content, fit(size.getWidth(), MIN_WIDTH, screen.getWidth()),
                fitsContent() ? FIT_CONTENT : fit(size.getHeight(), MIN_HEIGHT, screen.getHeight()));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        // A handler, not a filter, so an open drop-down or a field that uses Escape itself gets it first. Consumed
        // here, before the scene's accelerators: Escape never presses a cancel button that reads "Stop" while busy.
        scene.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                close();
            }
        });
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /** Closes the window, unless it is busy. */
    public void close() {
        if (!isBusy()) {
            stage.close();
        }
    }

    /** Makes the window taller when its content grew (progress, a code, an error appeared), up to the screen's height. */
    public void growToFit() {
        Scene scene = stage.getScene();
        if (scene == null) {
            return;
        }
        double wanted = scene.getRoot().prefHeight(scene.getWidth());
        double room = screen().getHeight();
        if (wanted > scene.getHeight()) {
            stage.setHeight(Math.min(stage.getHeight() + wanted - scene.getHeight(), room + DECORATION));
        }
    }

    public Stage stage() {
        return stage;
    }

    /** Forgets every remembered size, as a new session would (tests). */
    static void forgetSizes() {
        REMEMBERED.clear();
    }

    /** A window that fits its content remembers only its width: its height follows what it shows. */
    private boolean fitsContent() {
        return height == FIT_CONTENT;
    }

    private static ScrollPane scrolling(Node body) {
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private boolean isBusy() {
        return busy != null && busy.get();
    }

    /** The visual bounds of the owner's screen, less the window's own decorations. */
    private Rectangle2D screen() {
        Screen screen = owner == null ? Screen.getPrimary()
                : Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight())
                .stream().findFirst().orElse(Screen.getPrimary());
        Rectangle2D bounds = screen.getVisualBounds();
        return new Rectangle2D(bounds.getMinX(), bounds.getMinY(), Math.max(bounds.getWidth() - DECORATION, MIN_WIDTH),
                Math.max(bounds.getHeight() - DECORATION, MIN_HEIGHT));
    }

    private static double fit(double wanted, double min, double max) {
        return Math.max(min, Math.min(wanted, max));
    }
}
