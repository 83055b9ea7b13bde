package dev.gatehouse.ui.common;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.settings.SettingsFile;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** {@link Preferences} kept in the data folder's {@link SettingsFile}; every read and write runs on the task runner. */
public final class SettingsFilePreferences implements Preferences {

    private final SettingsFile file;
    private final TaskRunner runner;
    /** The window asked for last: a write that starts after a newer request writes the newer one. */
    private final AtomicReference<Duration> latest = new AtomicReference<>();
    private final Object writing = new Object();

    public SettingsFilePreferences(SettingsFile file, TaskRunner runner) {
        this.file = file;
        this.runner = runner;
    }

    @Override
    public void readRecentWindow(Consumer<Duration> whenRead) {
        runner.run("Reading settings", file::recentWindow, whenRead, failure -> whenRead.accept(AuthMethod.RECENT));
    }

    @Override
    public void saveRecentWindow(Duration window, Consumer<String> whenFailed) {
        latest.set(window);
        runner.run("Saving settings", () -> {
            // two saves may run on two workers; whichever writes last writes the newest request, never an older one
            synchronized (writing) {
                file.saveRecentWindow(latest.get());
            }
            return window;
        }, saved -> { }, failure -> whenFailed.accept(failure instanceof UncheckedIOException
                ? failure.getMessage() // the settings file says what it could not write, and where
                : ErrorText.of(failure)));
    }
}
