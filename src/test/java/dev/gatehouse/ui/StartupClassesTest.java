package dev.gatehouse.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the window must not load on its way to the first data. On 2 cores every class the start loads and runs takes
 * CPU from the first frame, so work that the first data does not need stays out: the demo tenant's trainer calls
 * bring no HTTP or TLS stack of their own (the Graph client's OkHttp carries them), and its Jetty starts no JMX.
 * The app runs in a JVM of its own (headless, with the launcher's JVM options), shows its first data and exits, and
 * logs every class it loads until then; the trainer's first call (reading the demo tenant's admins) starts as the
 * window attaches the tenant, before the first data.
 */
class StartupClassesTest {

    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source:");

    /** Loaded by the first data before these changes: each names a stack the first data does not use. */
    private static final Set<String> NOT_BEFORE_THE_FIRST_DATA = Set.of(
            "java.net.http.HttpClient",                  // the JDK's HTTP client
            "sun.security.ssl.SSLContextImpl",           // a TLS stack
            "java.security.KeyStore",                    // the trust store it reads
            "com.sun.jmx.mbeanserver.JmxMBeanServer");   // JMX's platform server

    @Test
    void theFirstDataLoadsNoJdkHttpClientNoTlsStackAndNoJmx(@TempDir Path temp) throws Exception {
        Path classes = temp.resolve("classes.log");
        Path report = temp.resolve("startup.json");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("app", "jvm.options"), "@" + Path.of("app", "gui.options"),
                "-cp", System.getProperty("java.class.path"),
                "-Xlog:class+load=info:file=" + classes,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Dgatehouse.startupReport=" + report,
                "-Dgatehouse.exitAfterFirstData=true",
                "-Dgatehouse.dataDir=" + Files.createDirectories(temp.resolve("data")),
                "dev.gatehouse.Launcher"));
        Process app = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("app.log").toFile()).start();
        try {
            assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("the window showed its first data and exited").isTrue();
        } finally {
            app.destroyForcibly();
        }
        assertThat(report).as(Files.readString(temp.resolve("app.log"))).exists();
        JsonNode startup = new ObjectMapper().readTree(report.toFile());
        assertThat(startup.path("error").isNull()).as(startup.toString()).isTrue();

        List<String> loaded = new ArrayList<>();
        for (String line : Files.readAllLines(classes)) {
            Matcher matcher = LOADED.matcher(line);
            if (matcher.find()) {
                loaded.add(matcher.group(1));
            }
        }
        // the run did what the window does: the demo tenant over Jetty, read through the Graph client, and a trainer call
        assertThat(loaded).contains("dev.gatehouse.ui.GatehouseApp", "org.eclipse.jetty.server.Server",
                "okhttp3.OkHttpClient", "com.microsoft.graph.models.UserCollectionResponse",
                "dev.gatehouse.graph.DemoLoopback$Loopback");
        assertThat(loaded.stream().filter(NOT_BEFORE_THE_FIRST_DATA::contains).toList())
                .as("loaded on the way to the first data").isEmpty();
    }
}
