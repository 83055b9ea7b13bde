package dev.gatehouse.ui.common;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Runs an action once, at the end of the next layout pulse of a scene: when what changed is laid out for drawing. */
public final class FirstPulse {

    private FirstPulse() {
    }

    public static void after(Scene scene, Runnable action) {
        Runnable listener = new Runnable() {
            private boolean ran;

            @Override
            public void run() {
                if (!ran) {
                    ran = true;
                    action.run();
                    // not removed here: the scene is iterating over its listeners right now
                    Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
                }
            }
        };
        scene.addPostLayoutPulseListener(listener);
        scene.getRoot().requestLayout(); // make sure a pulse comes even if nothing else changes
    }
}
