package dev.gatehouse.domain.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsFileTest {

    @TempDir
    Path data;

    @Test
    void withoutAFileTheWindowIsSevenDays() {
        assertThat(new SettingsFile(data.resolve("not-yet-created")).recentWindow()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aSavedWindowIsReadBackAndTheFileHoldsOnlyThatPreference() throws IOException {
        new SettingsFile(data.resolve("gatehouse")).saveRecentWindow(Duration.ofDays(14));

        assertThat(new SettingsFile(data.resolve("gatehouse")).recentWindow()).isEqualTo(Duration.ofDays(14));
        assertThat(Files.readAllLines(data.resolve("gatehouse").resolve(SettingsFile.FILE_NAME)))
                .filteredOn(line -> !line.startsWith("#")).containsExactly("recentMethodWindowDays=14");
        assertThat(data.resolve("gatehouse")).isDirectoryNotContaining("glob:**.tmp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"recentMethodWindowDays=seven", "recentMethodWindowDays=0", "recentMethodWindowDays=-3",
            "recentMethodWindowDays=91", "recentMethodWindowDays=99999999999", "recentMethodWindowDays=",
            "other=1", "recentMethodWindowDays=\\u00zz"})
    void aBadValueFallsBackToSevenDays(String content) throws IOException {
        Files.writeString(data.resolve(SettingsFile.FILE_NAME), content, StandardCharsets.UTF_8);

        assertThat(new SettingsFile(data).recentWindow()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aWindowOutsideTheAllowedRangeIsNotSaved() {
        assertThatThrownBy(() -> new SettingsFile(data).saveRecentWindow(Duration.ofDays(91)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(data.resolve(SettingsFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void aFileThatCannotBeReadIsNotOverwrittenBySavingOnePreference() throws IOException {
        Path file = data.resolve(SettingsFile.FILE_NAME);
        Files.writeString(file, "emergencyAccessGroup.tenant-1=group-1\nbroken=\\u00zz\n");
        SettingsFile settings = new SettingsFile(data);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.saveRecentWindow(Duration.ofDays(14)))
                .hasMessageContaining("exists but cannot be read").hasMessageContaining("Fix or delete the file");
        assertThat(Files.readString(file)).contains("emergencyAccessGroup.tenant-1=group-1");
    }
}
