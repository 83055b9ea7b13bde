package dev.gatehouse.ui.common;

import dev.gatehouse.domain.settings.SettingsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings file behind the ViewModels' preferences: every disk access is a task, never done on the caller. */
class SettingsFilePreferencesTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner().holdTasks();

    @TempDir
    Path data;

    @Test
    void readingIsATaskAndAnswersWithTheSavedWindow() {
        new SettingsFile(data).saveRecentWindow(Duration.ofDays(12));
        List<Duration> read = new ArrayList<>();

        new SettingsFilePreferences(new SettingsFile(data), runner).readRecentWindow(read::add);

        assertThat(read).as("nothing read on the caller's thread").isEmpty();
        runner.onlyPending().complete();
        assertThat(read).containsExactly(Duration.ofDays(12));
    }

    @Test
    void savingIsATaskAndTwoSavesInFlightLeaveTheNewestOnDisk() {
        SettingsFile file = new SettingsFile(data);
        Preferences preferences = new SettingsFilePreferences(file, runner);

        preferences.saveRecentWindow(Duration.ofDays(5), problem -> { });
        var older = runner.onlyPending();
        preferences.saveRecentWindow(Duration.ofDays(9), problem -> { });
        assertThat(Files.exists(data.resolve(SettingsFile.FILE_NAME))).as("nothing written on the caller's thread").isFalse();

        runner.pending().stream().filter(task -> task != older).findFirst().orElseThrow().complete();
        older.complete();

        assertThat(file.recentWindow()).isEqualTo(Duration.ofDays(9));
    }

    @Test
    void aSaveThatFailsSaysWhyInWords() throws IOException {
        Path notAFolder = Files.writeString(data.resolve("occupied"), "a file where the data folder should be");
        List<String> problems = new ArrayList<>();

        new SettingsFilePreferences(new SettingsFile(notAFolder), runner).saveRecentWindow(Duration.ofDays(3), problems::add);
        runner.onlyPending().complete();

        assertThat(problems).singleElement().asString().startsWith("Could not save ");
    }
}
