package dev.gatehouse.ui.common;

import dev.gatehouse.domain.settings.SettingsFile;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The admin's saved preferences as ViewModels use them: read and written off the FX thread, answered on it, so a
 * ViewModel never touches a file and never waits for a disk.
 */
public interface Preferences {

    /** The recent-method window's range, in days. */
    int MIN_RECENT_DAYS = SettingsFile.MIN_RECENT_DAYS;
    int MAX_RECENT_DAYS = SettingsFile.MAX_RECENT_DAYS;

    /**
     * Reads how far back a method counts as recently added. {@code whenRead} gets it on the FX thread: the saved window,
     * or the default when none was saved or it cannot be read (a broken preference never stops the console).
     */
    void readRecentWindow(Consumer<Duration> whenRead);

    /** Saves the window. {@code whenFailed} gets the reason, in words, on the FX thread if it could not be saved. */
    void saveRecentWindow(Duration window, Consumer<String> whenFailed);
}
