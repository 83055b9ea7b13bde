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
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The admin's preferences in {@code settings.properties} in the data folder. It holds preferences only, never a
 * secret. A missing, unreadable or hand-edited file with a bad value gives the default instead of failing, so a
 * broken preference never keeps the console from opening. Every method touches the disk: call them off the FX
 * thread. Saving one preference keeps the others.
 */
public final class SettingsFile {

    public static final String FILE_NAME = "settings.properties";
    public static final int MIN_RECENT_DAYS = 1;
    public static final int MAX_RECENT_DAYS = 90;
    static final String RECENT_DAYS = "recentMethodWindowDays";

    private static final ConcurrentMap<Path, Object> UPDATES = new ConcurrentHashMap<>();

    private final Path file;

    public SettingsFile(Path dataFolder) {
        this.file = dataFolder.resolve(FILE_NAME);
    }

    /** How far back a method counts as recently added; {@link AuthMethod#RECENT} unless a valid value was saved. */
    public Duration recentWindow() {
        try {
            int days = Integer.parseInt(value(RECENT_DAYS).orElse("").trim());
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
        update(properties -> properties.setProperty(RECENT_DAYS, Long.toString(days)));
    }

    /** One saved value as written; empty when missing or when the file cannot be read. */
    public Optional<String> value(String key) {
        return Optional.ofNullable(load().getProperty(key));
    }

    /** Every saved value whose key starts with {@code prefix}, keyed by the rest of the key. */
    public Map<String, String> valuesStartingWith(String prefix) {
        Properties properties = load();
        return properties.stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
                .collect(Collectors.toMap(key -> key.substring(prefix.length()), properties::getProperty));
    }

    /**
     * Sets ({@code value} present) or removes (empty) each key, keeping every other preference, in one replace of
     * the file.
     */
    public void save(Map<String, Optional<String>> changes) {
        update(properties -> changes.forEach((key, value) -> value.ifPresentOrElse(
                text -> properties.setProperty(key, text), () -> properties.remove(key))));
    }

    /** The saved preferences; none when the file is missing or unreadable. */
    private Properties load() {
        try {
            return read();
        } catch (IOException | IllegalArgumentException e) {
            return new Properties();
        }
    }

    private Properties read() throws IOException {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
        }
        return properties;
    }

    /**
     * Reads, changes and replaces the file, one update at a time in this process (the window saves the recent-method
     * window while the emergency-access group is chosen). A file that exists but cannot be read is not overwritten:
     * saving one preference must not wipe every tenant's others.
     */
    private void update(Consumer<Properties> change) {
        synchronized (UPDATES.computeIfAbsent(file.toAbsolutePath().normalize(), path -> new Object())) {
            Properties properties;
            try {
                properties = read();
            } catch (IOException | IllegalArgumentException e) {
                throw new UncheckedIOException("Could not save to " + file + ": it exists but cannot be read ("
                        + e.getMessage() + "), and saving would lose the preferences in it. Fix or delete the file.",
                        e instanceof IOException io ? io : new IOException(e));
            }
            change.accept(properties);
            try {
                StringWriter text = new StringWriter();
                properties.store(text, "Gatehouse preferences (no secrets)");
                AtomicFiles.replace(file, text.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not save " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
