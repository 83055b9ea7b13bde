package dev.gatehouse.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The yardstick of the startup benchmark: the least a JavaFX app can do, a window of the app's size with one label,
 * started by the same JVM with the same options and class path. It writes when its first frame was laid out
 * ({@code windowShownMillis} since JVM start) to the file named by {@code gatehouse.startupReport}, then exits.
 */
public final class BareWindowMain {

    private BareWindowMain() {
    }

    /** Not the Application itself: the java launcher refuses an Application main class with JavaFX on the class path. */
    public static void main(String[] args) {
        Application.launch(BareWindow.class, args);
    }

    public static final class BareWindow extends Application {

        private long shownAt = -1;

        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("Gatehouse")), 1280, 820);
            stage.setScene(scene);
            stage.setOnShown(event -> {
                scene.addPostLayoutPulseListener(() -> {
                    if (shownAt < 0) {
                        shownAt = System.currentTimeMillis();
                        Platform.runLater(this::report);
                    }
                });
                scene.getRoot().requestLayout();
            });
            stage.show();
        }

        private void report() {
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            try {
                Files.writeString(Path.of(System.getProperty("gatehouse.startupReport")), "{\"jvmStartEpochMillis\": "
                        + jvmStart + ", \"windowShownMillis\": " + (shownAt - jvmStart) + ", \"firstDataMillis\": "
                        + (shownAt - jvmStart) + ", \"error\": null}\n", StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                System.err.println("Could not write the report: " + e.getMessage());
            }
            Platform.exit();
        }
    }
}
