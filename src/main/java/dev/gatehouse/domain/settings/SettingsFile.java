package dev.gatehouse.domain.settings;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.storage.AtomicFiles;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The admin's preferences in {@code settings.properties} in the data folder. It holds preferences only, never a
 * secret. A missing, unreadable or hand-edited file with a bad value gives the default instead of failing, so a
 * broken preference never keeps the console from opening. Both methods touch the disk: call them off the FX thread.
 */
public final class SettingsFile {

    public static final String FILE_NAME = "settings.properties";
    public static final int MIN_RECENT_DAYS = 1;
    public static final int MAX_RECENT_DAYS = 90;
    static final String RECENT_DAYS = "recentMethodWindowDays";

    private final Path file;

    public SettingsFile(Path dataFolder) {
        this.file = dataFolder.resolve(FILE_NAME);
    }

    /** How far back a method counts as recently added; {@link AuthMethod#RECENT} unless a valid value was saved. */
    public Duration recentWindow() {
        if (!Files.isRegularFile(file)) {
            return AuthMethod.RECENT;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return AuthMethod.RECENT;
        }
        try {
            int days = Integer.parseInt(properties.getProperty(RECENT_DAYS, "").trim());
            return days < MIN_RECENT_DAYS || days > MAX_RECENT_DAYS ? AuthMethod.RECENT : Duration.ofDays(days);
        } catch (NumberFormatException e) {
            return AuthMethod.RECENT;
        }
    }

    /** Saves the window in whole days, replacing the file in one move so a crash never leaves half of it. */
    public void saveRecentWindow(Duration window) {
        long days = window.toDays();
        if (days < MIN_RECENT_DAYS || days > MAX_RECENT_DAYS) {
            throw new IllegalArgumentException("The recent-method window must be " + MIN_RECENT_DAYS + "\u2013"
                    + MAX_RECENT_DAYS + " days, not " + days);
        }
        Properties properties = new Properties();
        properties.setProperty(RECENT_DAYS, Long.toString(days));
        try {
            StringWriter text = new StringWriter();
            properties.store(text, "Gatehouse preferences (no secrets)");
            AtomicFiles.replace(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save " + file + ": " + e.getMessage(), e);
        }
    }
}
