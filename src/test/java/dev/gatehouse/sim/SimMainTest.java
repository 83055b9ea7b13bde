package dev.gatehouse.sim;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone entry point: prints the service root, serves until interrupted, reports bad input. */
class SimMainTest {

    @Test
    void printsTheServiceRootAndServesUntilInterrupted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(SimMain.run(0, "baseline", "none",
                new PrintStream(out, true, StandardCharsets.UTF_8))));
        runner.start();
        String line = waitForLine(out);
        assertThat(line).matches("http://127\\.0\\.0\\.1:\\d+/v1\\.0");
        HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(line + "/me"))
                .header("Authorization", "Bearer demo").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        runner.interrupt();
        runner.join(Duration.ofSeconds(10).toMillis());
        assertThat(runner.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
    }

    @Test
    void badInputIsReportedInOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(SimMain.run(0, "nope", null, System.out, errors)).isEqualTo(2);
        assertThat(SimMain.run(0, "baseline", "429=lots", System.out, errors)).isEqualTo(2);
        assertThat(SimMain.run(70000, "baseline", null, System.out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(3).allMatch(l -> l.startsWith("gatehouse sim: "));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown scenario 'nope'", "429 needs a share",
                "out of range");
    }

    private static String waitForLine(ByteArrayOutputStream out) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            String text = out.toString(StandardCharsets.UTF_8);
            if (text.contains("\n")) {
                return text.lines().findFirst().orElseThrow();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("SimMain printed nothing");
    }
}
