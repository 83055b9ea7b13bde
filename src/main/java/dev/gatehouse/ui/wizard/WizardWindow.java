package dev.gatehouse.ui.wizard;

import dev.gatehouse.ui.common.ModalWindow;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.function.Function;

/** A wizard in a window of its own over {@code owner}: it cannot be closed while a stage's plan runs. */
public final class WizardWindow {

    /** Fits a 1024 × 768 screen with the rail, a form and a plan side by side; larger screens get the remembered size. */
    private static final double WIDTH = 1000;
    private static final double HEIGHT = 700;

    private WizardWindow() {
    }

    /**
     * @param kind  which remembered size it opens at ("playbook", "registration-policy")
     * @param forms builds each stage's form, once, when the stage is first shown
     */
    public static Stage show(Window owner, String kind, String title, WizardViewModel wizard,
                             Function<WizardStage, Node> forms) {
        return show(owner, kind, title, wizard, forms, stage -> null);
    }

    /** @param details what a step without a plan shows under its explanation (see {@link WizardFrame}) */
    public static Stage show(Window owner, String kind, String title, WizardViewModel wizard,
                             Function<WizardStage, Node> forms, Function<WizardStage, Node> details) {
        ModalWindow window = new ModalWindow(owner, kind, title, WIDTH, HEIGHT)
                .busyWhile(wizard.runningProperty())
                .whenClosed(wizard::close);
        return window.show(new WizardFrame(wizard, forms, details, window::close));
    }
}
