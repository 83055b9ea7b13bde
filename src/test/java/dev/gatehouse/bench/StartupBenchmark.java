package dev.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Startup of the desktop app on the demo tenant, in fresh JVMs: process launch → JVM start → main window shown →
 * first user page shown → FX thread settled (it ran what the first page queued: the user detail's controls). Uses
 * the real display when DISPLAY is set, otherwise headless Monocle (software rendering, so figures are comparable
 * run to run, not to a desktop GPU).
 *
 * Beside it, in alternating runs, a bare JavaFX window ({@link BareWindowMain}) started the same way (app/jvm.options
 * and app/gui.options, the same class path): the figure that matters is the ratio of the two, which the machine's
 * speed affects far less than either time.
 *
 * <p>Run: {@code mvn -B -Pbench verify} (all benchmarks) or with {@code -Dgatehouse.bench.runs=N};
 * {@code -Dgatehouse.bench.appJavaOptions="-XX:SharedArchiveFile=target/gatehouse.jsa"} gives the app's JVM more
 * options.
 */
public final class StartupBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("gatehouse.bench.runs", 7);
        String scenario = System.getProperty("gatehouse.bench.scenario", "baseline");
        boolean headless = System.getenv("DISPLAY") == null || Boolean.getBoolean("gatehouse.bench.headless");
        Stats jvmStart = new Stats();
        Stats windowShown = new Stats();
        Stats firstData = new Stats();
        Stats launchToFirstData = new Stats();
        Stats launchToSettled = new Stats();
        Stats bareWindow = new Stats();
        Stats ratio = new Stats();
        Stats settledRatio = new Stats();
        for (int run = 0; run <= runs; run++) {
            // app and bare window alternate, so a slower moment of the machine weighs on both alike
            JsonNode report = launchOnce(appCommand(scenario), headless, false);
            JsonNode bare = launchOnce(List.of(BareWindowMain.class.getName()), headless, true);
            if (run == 0) {
                continue; // warms the OS file cache and the JavaFX native-library cache; not counted
            }
            long launched = report.get("launchedEpochMillis").asLong();
            long jvm = report.get("jvmStartEpochMillis").asLong();
            jvmStart.add(jvm - launched);
            windowShown.add(report.get("windowShownMillis").asDouble());
            firstData.add(report.get("firstDataMillis").asDouble());
            double app = jvm - launched + report.get("firstDataMillis").asDouble();
            launchToFirstData.add(app);
            double yardstick = bare.get("jvmStartEpochMillis").asLong() - bare.get("launchedEpochMillis").asLong()
                    + bare.get("windowShownMillis").asDouble();
            bareWindow.add(yardstick);
            ratio.add(app / yardstick);
            // the FX thread at rest: it also built what the first data queued (the user detail's controls)
            double settled = jvm - launched + report.get("settledMillis").asDouble();
            launchToSettled.add(settled);
            settledRatio.add(settled / yardstick);
        }
        System.out.println("Startup on the demo tenant '" + scenario + "' (" + (headless ? "headless Monocle" : "display "
                + System.getenv("DISPLAY")) + ", " + runs + " alternating pairs after one warm-up; class path "
                + (shippedClassPath(headless, false).isPresent() ? "target/gatehouse.jar + target/lib" : "the build's") + ")");
        System.out.println(jvmStart.line("process launch -> JVM start"));
        System.out.println(windowShown.line("JVM start -> main window shown"));
        System.out.println(firstData.line("JVM start -> first data shown"));
        System.out.println(launchToFirstData.line("process launch -> first data shown"));
        System.out.println(launchToSettled.line("process launch -> FX thread settled"));
        System.out.println(bareWindow.line("bare JavaFX window: process launch -> first frame"));
        System.out.println(ratio.ratioLine("app to first data / bare window"));
        System.out.println(settledRatio.ratioLine("app to settled / bare window"));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("scenario", scenario);
        figures.put("display", headless ? "monocle-headless" : "x11");
        figures.put("appJavaOptions", APP_OPTIONS);
        figures.put("launchToJvmStartMillis", jvmStart.summary());
        figures.put("jvmStartToWindowShownMillis", windowShown.summary());
        figures.put("jvmStartToFirstDataMillis", firstData.summary());
        figures.put("launchToFirstDataMillis", launchToFirstData.summary());
        figures.put("launchToSettledMillis", launchToSettled.summary());
        figures.put("bareWindowLaunchToFirstFrameMillis", bareWindow.summary());
        figures.put("appOverBareWindowRatio", ratio.summary(2));
        figures.put("appSettledOverBareWindowRatio", settledRatio.summary(2));
        System.out.println("report: " + BenchReport.write("startup", figures));
    }

    /** Extra options for the app's JVM only, e.g. the class-data archive the launcher gives it. */
    private static final String APP_OPTIONS = System.getProperty("gatehouse.bench.appJavaOptions", "");

    private static List<String> appCommand(String scenario) {
        List<String> command = new ArrayList<>();
        if (!APP_OPTIONS.isBlank()) {
            command.addAll(List.of(APP_OPTIONS.trim().split("\\s+")));
        }
        command.add("dev.gatehouse.Launcher");
        // baseline: no arguments at all, as app/gatehouse starts the window (the command line is not built then)
        if (!scenario.equals("baseline")) {
            command.addAll(List.of("gui", "--scenario", scenario));
        }
        return command;
    }

    /**
     * The class path the launcher and the installers use (the packaged jar and its libraries) once the build made
     * them; for the bare window, the test classes in place of the jar.
     *
     * @param bare for the bare window, whose class is a test class: the app's class path holds no folder, which a
     *             class-data archive cannot hold
     */
    private static java.util.Optional<String> shippedClassPath(boolean headless, boolean bare) {
        // absolute, as the launcher gives them: a class-data archive matches the class path it was written with
        Path jar = Path.of("target", "gatehouse.jar").toAbsolutePath();
        Path lib = Path.of("target", "lib").toAbsolutePath();
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            return java.util.Optional.empty();
        }
        // headless runs need Monocle, a test library the packaged app does not ship
        List<String> path = new ArrayList<>(List.of(bare ? Path.of("target", "test-classes").toAbsolutePath().toString()
                : jar.toString(), lib + File.separator + "*"));
        if (headless) {
            java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> entry.contains("openjfx-monocle")).forEach(path::add);
        }
        return java.util.Optional.of(String.join(File.pathSeparator, path));
    }

    /** @param main the main class and its arguments, with any JVM options of its own before them */
    private static JsonNode launchOnce(List<String> main, boolean headless, boolean bare) throws Exception {
        Path report = Files.createTempFile("gatehouse-startup", ".json");
        Files.delete(report);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("app", "jvm.options"),
                // the window's own options, as app/gatehouse gives them when it opens the window; the bare window too
                "@" + Path.of("app", "gui.options"),
                "-cp", shippedClassPath(headless, bare).orElse(System.getProperty("java.class.path")),
                "-Dgatehouse.startupReport=" + report,
                "-Dgatehouse.exitAfterFirstData=true",
                "-Dgatehouse.dataDir=" + Files.createTempDirectory("gatehouse-bench")));
        if (headless) {
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dprism.text=t2k"));
        }
        command.addAll(main);
        long launched = System.currentTimeMillis();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(new File(report + ".log"))).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The app did not show its first data within 120 s; see " + report + ".log");
        }
        if (!Files.exists(report)) {
            throw new IllegalStateException("The app wrote no startup report (exit " + process.exitValue() + "); see "
                    + report + ".log");
        }
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        if (!json.path("error").isNull() && !json.path("error").isMissingNode()) {
            throw new IllegalStateException("The app failed to show data: " + json.get("error").asText());
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("launchedEpochMillis", launched);
        return json;
    }
}
