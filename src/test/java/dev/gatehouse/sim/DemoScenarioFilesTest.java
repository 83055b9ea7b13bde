package dev.gatehouse.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /_demo/scenario loads bundled scenarios, large:N and the files of the folder given at start, by name; it never
 * opens a path a request names (which told anyone on the machine whether a file exists, and what it holds).
 */
class DemoScenarioFilesTest {

    private static final String MARKER = "{\"extends\": \"baseline\", \"users\": [{\"userPrincipalName\": "
            + "\"file.marker@tailspintoys.com\", \"displayName\": \"File Marker\"}]}";

    @TempDir
    Path temp;

    @Test
    void aPathInTheRequestIsNeverOpened() throws IOException {
        Path outside = Files.writeString(temp.resolve("outside.json"), MARKER);
        try (SimServer sim = SimServer.start(SimOptions.defaults())) {
            SimHttp http = new SimHttp(sim);
            for (String name : new String[] {outside.toString(), "../outside.json", temp + "/missing.json",
                    "outside.json"}) {
                SimHttp.Answer answer = http.demo("POST", "/scenario", "{\"name\": \"" + name.replace("\\", "\\\\") + "\"}");

                assertThat(answer.status()).as(name).isEqualTo(400);
                assertThat(answer.errorMessage()).as(name).doesNotContain("does not exist").contains("Known scenarios");
            }
            assertThat(sim.scenario()).isEqualTo("baseline");
            assertThat(http.get("/users/file.marker@tailspintoys.com").status()).isEqualTo(404);
        }
    }

    @Test
    void filesOfTheScenariosFolderLoadByName() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("scenarios"));
        Files.writeString(folder.resolve("classroom.json"), MARKER);
        Files.writeString(temp.resolve("beside.json"), MARKER);
        try (SimServer sim = SimServer.start(SimOptions.defaults().withScenariosDir(folder))) {
            SimHttp http = new SimHttp(sim);

            assertThat(http.demo("GET", "/scenarios", null).json().path("scenarios").toString())
                    .contains("baseline", "large:N", "classroom.json").doesNotContain("beside");
            for (String name : new String[] {"classroom", "classroom.json"}) {
                assertThat(http.demo("POST", "/scenario", "{\"name\": \"" + name + "\"}").status()).isEqualTo(200);
                assertThat(http.get("/users/file.marker@tailspintoys.com").status()).isEqualTo(200);
                http.demo("POST", "/scenario", "{\"name\": \"baseline\"}");
            }
            for (String name : new String[] {"../beside.json", "../beside", folder + "/classroom.json", "nope"}) {
                assertThat(http.demo("POST", "/scenario", "{\"name\": \"" + name + "\"}").status()).as(name)
                        .isEqualTo(400);
            }
            assertThat(http.demo("POST", "/scenario", "{\"name\": \"compromised\"}").status()).isEqualTo(200);
        }
    }
}
