package dev.gatehouse.domain.journal;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Gatehouse keeps the user's own files (journal, settings, saved runs, tokens): the platform's per-user data
 * folder, or {@code GATEHOUSE_DATA_DIR} (trainers and scripts keeping runs apart), or {@code -Dgatehouse.dataDir}
 * (tests), which wins over both.
 */
public final class DataFolder {

    private DataFolder() {
    }

    public static final String ENVIRONMENT_VARIABLE = "GATEHOUSE_DATA_DIR";

    public static Path resolve() {
        return resolve(System::getenv);
    }

    static Path resolve(java.util.function.UnaryOperator<String> environment) {
        String override = System.getProperty("gatehouse.dataDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String chosen = environment.apply(ENVIRONMENT_VARIABLE);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen).toAbsolutePath();
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("Gatehouse");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Gatehouse");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("gatehouse");
    }
}
