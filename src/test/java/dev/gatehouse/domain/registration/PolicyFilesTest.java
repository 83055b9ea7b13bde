package dev.gatehouse.domain.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports are files a tool can read as they are: each body valid JSON of its own, never written over. */
class PolicyFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void eachBodyIsAValidJsonFileAndTheExportedPolicyImportsAgain() throws IOException {
        RegistrationPolicyDesign design = RegistrationPolicyDesign.defaults(Optional.of("bg-group"), List.of());
        PolicyExport.Bodies bodies = PolicyExport.json(design);

        List<Path> written = PolicyFiles.export(folder, bodies.strength(), bodies.policy(), "# script");

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly(PolicyFiles.STRENGTH_FILE,
                PolicyFiles.JSON_FILE, PolicyFiles.POWERSHELL_FILE);
        assertThat(JSON.readTree(folder.resolve(PolicyFiles.STRENGTH_FILE).toFile()).path("allowedCombinations")
                .size()).isEqualTo(2);
        assertThat(JSON.readTree(folder.resolve(PolicyFiles.JSON_FILE).toFile()).path("state").asText())
                .isEqualTo("enabledForReportingButNotEnforced");
        assertThat(PolicyFiles.read(folder.resolve(PolicyFiles.JSON_FILE)).errors()).isEmpty();
    }

    @Test
    void anExistingFileIsNeverWrittenOverAndNothingIsWrittenThen() throws IOException {
        Files.writeString(folder.resolve(PolicyFiles.POWERSHELL_FILE), "mine");

        assertThatThrownBy(() -> PolicyFiles.export(folder, Optional.empty(), "{}", "# script"))
                .hasMessageContaining("already exists");
        assertThat(folder.resolve(PolicyFiles.JSON_FILE)).doesNotExist();
        assertThat(Files.readString(folder.resolve(PolicyFiles.POWERSHELL_FILE))).isEqualTo("mine");
    }
}
