package dev.gatehouse.app;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** `gatehouse sim --scenario large:N` in a JVM too small for N says how much heap it needs, at once. */
class SimCeilingTest {

    @Test
    void aLargeTenantTheHeapCannotHoldIsRefusedWithTheHeapItNeeds() throws Exception {
        Process sim = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.gatehouse.Launcher",
                "sim", "--scenario", "large:1000000")).redirectErrorStream(true).start();
        boolean ended = sim.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            sim.destroyForcibly();
        }
        String output = new String(sim.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as("ended within 60 s: " + output).isTrue();
        assertThat(sim.exitValue()).as(output).isEqualTo(2);
        assertThat(output.strip()).startsWith("gatehouse sim: Scenario 'large:1000000' needs about 783 MB of heap")
                .contains("this Java may use 256 MB").doesNotContain("OutOfMemoryError").hasLineCount(1);
    }
}
