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
 * first user page shown. Uses the real display when DISPLAY is set, otherwise headless Monocle (software
 * rendering, so figures are comparable run to run, not to a desktop GPU).
 *
 * <p>Run: {@code mvn -B -Pbench verify} (all benchmarks) or with {@code -Dgatehouse.bench.runs=N}.
 */
public final class StartupBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("gatehouse.bench.runs", 5);
        String scenario = System.getProperty("gatehouse.bench.scenario", "baseline");
        boolean headless = System.getenv("DISPLAY") == null || Boolean.getBoolean("gatehouse.bench.headless");
        Stats jvmStart = new Stats();
        Stats windowShown = new Stats();
        Stats firstData = new Stats();
        Stats launchToFirstData = new Stats();
        for (int run = 0; run <= runs; run++) {
            JsonNode report = launchOnce(scenario, headless);
            if (run == 0) {
                continue; // warms the OS file cache and the JavaFX native-library cache; not counted
            }
            long launched = report.get("launchedEpochMillis").asLong();
            long jvm = report.get("jvmStartEpochMillis").asLong();
            jvmStart.add(jvm - launched);
            windowShown.add(report.get("windowShownMillis").asDouble());
            firstData.add(report.get("firstDataMillis").asDouble());
            launchToFirstData.add(jvm - launched + report.get("firstDataMillis").asDouble());
        }
        System.out.println("Startup on the demo tenant '" + scenario + "' (" + (headless ? "headless Monocle" : "display "
                + System.getenv("DISPLAY")) + ", " + runs + " runs after one warm-up)");
        System.out.println(jvmStart.line("process launch -> JVM start"));
        System.out.println(windowShown.line("JVM start -> main window shown"));
        System.out.println(firstData.line("JVM start -> first data shown"));
        System.out.println(launchToFirstData.line("process launch -> first data shown"));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("scenario", scenario);
        figures.put("display", headless ? "monocle-headless" : "x11");
        figures.put("launchToJvmStartMillis", jvmStart.summary());
        figures.put("jvmStartToWindowShownMillis", windowShown.summary());
        figures.put("jvmStartToFirstDataMillis", firstData.summary());
        figures.put("launchToFirstDataMillis", launchToFirstData.summary());
        System.out.println("report: " + BenchReport.write("startup", figures));
    }

    private static JsonNode launchOnce(String scenario, boolean headless) throws Exception {
        Path report = Files.createTempFile("gatehouse-startup", ".json");
        Files.delete(report);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dgatehouse.startupReport=" + report,
                "-Dgatehouse.exitAfterFirstData=true",
                "-Dgatehouse.dataDir=" + Files.createTempDirectory("gatehouse-bench")));
        if (headless) {
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dprism.text=t2k"));
        }
        command.addAll(List.of("dev.gatehouse.Launcher", "gui", "--scenario", scenario));
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
