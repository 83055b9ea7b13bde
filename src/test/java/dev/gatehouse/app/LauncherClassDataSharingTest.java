package dev.gatehouse.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code app/gatehouse} gives the window a class-data archive: the first window session after a build writes it,
 * later starts map it, and a newer build is never started with an archive of the old one. Run against a copy of
 * the launcher beside a fake build, with a stand-in {@code java} that records what it was given.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherClassDataSharingTest {

    @TempDir
    Path root;
    private Path calls;

    @BeforeEach
    void fakeCheckout() throws Exception {
        Files.createDirectories(root.resolve("app"));
        Files.copy(Path.of("app", "gatehouse"), root.resolve("app/gatehouse"));
        Files.copy(Path.of("app", "jvm.options"), root.resolve("app/jvm.options"));
        Files.copy(Path.of("app", "gui.options"), root.resolve("app/gui.options"));
        Files.createDirectories(root.resolve("src/main"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("target/lib"));
        Files.writeString(root.resolve("target/gatehouse.jar"), "jar");
        Instant built = Instant.now().minusSeconds(60);
        for (Path source : List.of(root.resolve("pom.xml"), root.resolve("src/main"))) {
            Files.setLastModifiedTime(source, FileTime.from(built.minusSeconds(60)));
        }
        Files.setLastModifiedTime(root.resolve("target/gatehouse.jar"), FileTime.from(built));
        Path ldconfig = root.resolve("stub-bin/ldconfig");
        Files.createDirectories(ldconfig.getParent());
        Files.writeString(ldconfig, "#!/bin/bash\necho '\tlibgtk-3.so.0 (libc6,x86-64) => /usr/lib/libgtk-3.so.0'\n");
        Files.setPosixFilePermissions(ldconfig, PosixFilePermissions.fromString("rwxr-xr-x"));
        calls = root.resolve("calls.txt");
        Path java = root.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        // records its arguments; asked to write an archive at exit, writes one; as Java 25 does, records a session's
        // configuration (and says so on standard output) or makes an ahead-of-time cache from one; exits with $FAKE_EXIT
        Files.writeString(java, """
                #!/bin/bash
                echo "$*" >> "%s"
                mode=
                for a in "$@"; do case $a in -XX:AOTMode=*) mode=${a#*=} ;; esac; done
                for a in "$@"; do
                  case $a in
                    -XX:ArchiveClassesAtExit=*) echo archive > "${a#*=}" ;;
                    -XX:AOTConfiguration=*) if [[ $mode == record ]]; then
                        echo config > "${a#*=}"; echo " AOTConfiguration recorded: ${a#*=}"; fi ;;
                    -XX:AOTCache=*) if [[ $mode == create ]]; then echo cache > "${a#*=}"; fi ;;
                  esac
                done
                echo "the app's own output"
                exit "${FAKE_EXIT:-0}"
                """.formatted(calls));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theFirstWindowSessionWritesTheArchiveAndTheNextStartMapsIt() throws Exception {
        assertThat(launch(Map.of())).isZero();

        assertThat(lastCall()).contains("-XX:ArchiveClassesAtExit=" + root.resolve("target") + "/gatehouse-");
        Path archive = archive();
        try (var left = Files.list(root.resolve("target"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }

        assertThat(launch(Map.of("GATEHOUSE_JAVA_OPTS", "-Xmx2g"), "users", "list")).isZero();
        String call = lastCall();
        assertThat(call).contains("-XX:SharedArchiveFile=" + archive);
        assertThat(call.indexOf("@" + root.resolve("app/jvm.options"))).as("the options file, then the archive, then "
                + "the user's own options").isLessThan(call.indexOf("-XX:SharedArchiveFile"));
        assertThat(call.indexOf("-XX:SharedArchiveFile")).isLessThan(call.indexOf("-Xmx2g"));
        assertThat(call).endsWith("dev.gatehouse.Launcher users list");
    }

    @Test
    void aNewerBuildIsNeverStartedWithTheOldArchive() throws Exception {
        launch(Map.of());
        Path archive = archive();
        // the jar was built again after the archive was written
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(600)));

        launch(Map.of(), "users", "list");
        assertThat(lastCall()).doesNotContain("SharedArchiveFile").doesNotContain("ArchiveClassesAtExit");

        launch(Map.of(), "gui");
        assertThat(lastCall()).as("the next window session writes it again").contains("-XX:ArchiveClassesAtExit=");
        launch(Map.of(), "users", "list");
        assertThat(lastCall()).contains("-XX:SharedArchiveFile=" + archive);
    }

    /** app/gui.options (a JIT that starts the window fastest) is the window's alone; the user's own options still win. */
    @Test
    void theWindowGetsItsOwnOptionsAndTheCommandLineDoesNot() throws Exception {
        String gui = "@" + root.resolve("app/gui.options");
        for (String[] window : List.of(new String[0], new String[] {"gui", "--scenario", "compromised"})) {
            launch(Map.of("GATEHOUSE_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), window);
            String call = lastCall();
            assertThat(call).contains(gui);
            assertThat(call.indexOf("@" + root.resolve("app/jvm.options"))).isLessThan(call.indexOf(gui));
            assertThat(call.indexOf(gui)).isLessThan(call.indexOf("-XX:TieredStopAtLevel=4"));
        }

        launch(Map.of(), "users", "list");
        assertThat(lastCall()).doesNotContain("gui.options");
        launch(Map.of(), "sim");
        assertThat(lastCall()).as("a long-running demo server keeps the full JIT").doesNotContain("gui.options");
    }

    @Test
    void theSessionThatWritesTheArchiveKeepsTheAppsExitStatus() throws Exception {
        assertThat(launch(Map.of("FAKE_EXIT", "3"))).isEqualTo(3);
    }

    /**
     * On Java 25 the window session records what it loads and runs, and once it has ended the cache is made from
     * that in the background, silently; later starts use it (decision 0015).
     */
    @Test
    void onJava25TheFirstWindowSessionRecordsAndLaterStartsUseTheAheadOfTimeCache() throws Exception {
        Path java25 = java25();

        StringBuilder output = new StringBuilder();
        assertThat(launch(Map.of("JAVA_HOME", java25.toString()), output)).isZero();

        assertThat(output.toString()).contains("the app's own output").doesNotContain("AOTConfiguration recorded");
        Path cache = awaitFile("gatehouse-\\d+\\.aot"); // made in the background, once the session has ended
        String record = call("-XX:AOTMode=record");
        assertThat(record).contains("-XX:AOTMode=record", "-XX:AOTConfiguration=" + root.resolve("target") + "/gatehouse-")
                .contains("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED")
                .doesNotContain("ArchiveClassesAtExit").endsWith("dev.gatehouse.Launcher");
        assertThat(call("-XX:AOTMode=create")).as("made from the session's configuration, with its class path")
                .contains("-XX:AOTMode=create", "-XX:AOTCache=" + cache + ".", "-cp " + root.resolve("target/gatehouse.jar"));
        try (var left = Files.list(root.resolve("target"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".tmp"));
        }

        launch(Map.of("JAVA_HOME", java25.toString()), new StringBuilder(), "users", "list");
        assertThat(lastCall()).contains("-XX:AOTCache=" + cache).doesNotContain("AOTMode")
                .doesNotContain("SharedArchiveFile").endsWith("dev.gatehouse.Launcher users list");
    }

    /** A session that failed (no display, a crash) keeps its exit status and leaves no cache and no trace. */
    @Test
    void onJava25AFailedSessionKeepsItsExitStatusAndMakesNoCache() throws Exception {
        assertThat(launch(Map.of("JAVA_HOME", java25().toString(), "FAKE_EXIT", "3"), new StringBuilder())).isEqualTo(3);

        assertThat(Files.readAllLines(calls)).noneMatch(line -> line.contains("-XX:AOTMode=create"));
        try (var left = Files.list(root.resolve("target"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("gatehouse-"));
        }
    }

    /** A copy of the stand-in java whose JDK says it is 25 (its release file, as every JDK has). */
    private Path java25() throws Exception {
        Path home = root.resolve("jdk-25");
        Files.createDirectories(home.resolve("bin"));
        Files.copy(root.resolve("jdk/bin/java"), home.resolve("bin/java"));
        Files.setPosixFilePermissions(home.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
        return home;
    }

    private Path awaitFile(String pattern) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (var files = Files.list(root.resolve("target"))) {
                List<Path> found = files.filter(p -> p.getFileName().toString().matches(pattern)).toList();
                if (!found.isEmpty()) {
                    return found.get(0);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + pattern + " in " + root.resolve("target") + " after 10 s");
    }

    private int launch(Map<String, String> env, String... args) throws Exception {
        return launch(env, new StringBuilder(), args);
    }

    private int launch(Map<String, String> env, StringBuilder output, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("app/gatehouse").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", root.resolve("jdk").toString());
        // an ldconfig that reports GTK 3, so the launcher's GTK check passes on any machine
        builder.environment().put("PATH", root.resolve("stub-bin") + ":/usr/bin:/bin");
        builder.environment().remove("GATEHOUSE_JAVA_OPTS");
        builder.environment().remove("GATEHOUSE_NO_CDS");
        builder.environment().putAll(env);
        Process process = builder.start();
        output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(output.toString()).isTrue();
        return process.exitValue();
    }

    /** The one archive the launcher wrote: named after the Java that wrote it. */
    private Path archive() throws Exception {
        try (var files = Files.list(root.resolve("target"))) {
            List<Path> archives = files.filter(p -> p.getFileName().toString().matches("gatehouse-\\d+\\.jsa")).toList();
            assertThat(archives).hasSize(1);
            return archives.get(0);
        }
    }

    @Test
    void anotherJavaGetsAnArchiveOfItsOwn() throws Exception {
        launch(Map.of());
        Path first = archive();
        Path otherJdk = root.resolve("other-jdk/bin");
        Files.createDirectories(otherJdk);
        Files.copy(root.resolve("jdk/bin/java"), otherJdk.resolve("java"));
        Files.setPosixFilePermissions(otherJdk.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));

        launch(Map.of("JAVA_HOME", root.resolve("other-jdk").toString()), "gui");

        assertThat(lastCall()).as("the first archive is not for this Java").contains("-XX:ArchiveClassesAtExit=")
                .doesNotContain(first.toString());
    }

    /** The one recorded call that has {@code option}. */
    private String call(String option) throws Exception {
        List<String> matching = Files.readAllLines(calls).stream().filter(line -> line.contains(option)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private String lastCall() throws Exception {
        List<String> lines = Files.readAllLines(calls);
        return lines.get(lines.size() - 1);
    }
}
