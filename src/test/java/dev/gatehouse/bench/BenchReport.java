package dev.gatehouse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a benchmark's figures to target/bench/NAME.json next to the machine facts they depend on. */
final class BenchReport {

    private BenchReport() {
    }

    static Path write(String name, Map<String, Object> figures) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", name);
        report.put("at", Instant.now().toString());
        report.put("java", System.getProperty("java.version"));
        report.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        report.put("cpus", Runtime.getRuntime().availableProcessors());
        report.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.putAll(figures);
        Path file = Path.of(System.getProperty("gatehouse.benchDir", "target/bench")).resolve(name + ".json");
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
        return file;
    }
}
