package dev.gatehouse.app;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.GatehouseCli;
import dev.gatehouse.graph.MisbehavingEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI against endpoints that misbehave: picocli → connector → Graph SDK → OkHttp → a raw socket on loopback
 * ({@link MisbehavingEndpoint}). Every failure ends in bounded time, as one clean line with a documented exit code;
 * nothing the endpoint sent is echoed. Tests that need a deadline pass a small --timeout.
 */
@Timeout(60) // before the deadlines, a trickling server held a command for 400 s
class CliAgainstBadEndpointTest {

    private static final String TOKEN = "token-for-the-bad-endpoint";
    /** A deadline test passes --timeout 2; with JVM warm-up and a retry it stays well under this. */
    private static final Duration PROMPTLY = Duration.ofSeconds(8);

    private final Map<String, String> environment = new HashMap<>(Map.of("GATEHOUSE_ACCESS_TOKEN", TOKEN));
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private MisbehavingEndpoint endpoint;
    private Duration took;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private int usersList(String serviceRoot, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "users";
        args[1] = "list";
        args[2] = "--graph-endpoint";
        args[3] = serviceRoot;
        System.arraycopy(more, 0, args, 4, more.length);
        long start = System.nanoTime();
        int code = new GatehouseCli(new GatehouseConnector(environment::get), new PrintWriter(out), new PrintWriter(err))
                .run(args);
        took = Duration.ofNanos(System.nanoTime() - start);
        return code;
    }

    private String serving(MisbehavingEndpoint.Behaviour behaviour, String scheme) {
        endpoint = MisbehavingEndpoint.start(behaviour);
        return endpoint.serviceRoot(scheme);
    }

    /** One line on stderr, nothing on stdout, and no control character: nothing of the endpoint's bytes got through. */
    private String oneCleanLine() {
        assertThat(out.toString()).isEmpty();
        String line = err.toString().lines().reduce((a, b) -> a + "\n" + b).orElse("");
        assertThat(err.toString().lines()).as(err.toString()).hasSize(1);
        assertThat(line).startsWith("gatehouse: ").doesNotContain("Exception").doesNotContain("\u001b");
        assertThat(line.chars().filter(c -> c < 0x20 || c == 0x7f)).as("control characters in: " + line).isEmpty();
        assertThat(line).doesNotContain(TOKEN);
        return line;
    }

    // ---- a bounded time for every failure

    @Test
    void aServerThatTricklesIsGivenUpOnAtTheRequestDeadline() {
        String root = serving(MisbehavingEndpoint.trickling(Duration.ofMillis(200)), "http");

        int code = usersList(root, "--timeout", "2");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(oneCleanLine()).contains("127.0.0.1:").contains("did not finish answering within 2 s")
                .contains("--timeout");
        assertThat(took).isLessThan(PROMPTLY);
    }

    @Test
    void aServerThatSaysNothingIsGivenUpOnAtTheReadDeadline() {
        String root = serving(MisbehavingEndpoint.silent(), "http");

        int code = usersList(root, "--timeout", "2");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(oneCleanLine()).contains("sent nothing for 1 s after the request");
        assertThat(took).isLessThan(PROMPTLY);
    }

    @Test
    void httpsToAPlainHttpPortThatWaitsIsNamedAsSuchWithinTheDeadline() {
        String root = serving(MisbehavingEndpoint.silent(), "https");

        int code = usersList(root, "--timeout", "2");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(oneCleanLine()).contains("did not start a secure (TLS) session")
                .contains("use " + endpoint.serviceRoot("http"));
        assertThat(took).isLessThan(PROMPTLY);
    }

    @Test
    void httpsToAPlainHttpPortThatAnswersIsNamedAsSuch() {
        String root = serving(MisbehavingEndpoint.answering(400, "text/html",
                "<html>\u001b[31mBad request</html>".getBytes(StandardCharsets.UTF_8)), "https");

        int code = usersList(root);

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(oneCleanLine()).contains("answered the TLS handshake with something that is not TLS")
                .contains("seems to serve plain http").contains("use " + endpoint.serviceRoot("http"));
    }

    @Test
    void httpToATlsPortThatAnswersWithAnAlertIsNamedAsSuchWithoutItsBytes() {
        String root = serving(MisbehavingEndpoint.answeringInTls(), "http");

        int code = usersList(root);

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(oneCleanLine()).contains("answered in TLS: it expects https")
                .contains("Use " + endpoint.serviceRoot("https")).doesNotContain("status line");
    }

    @Test
    void httpToATlsPortThatResetsTheConnectionSuggestsHttps() {
        String root = serving(MisbehavingEndpoint.resetting(), "http");

        int code = usersList(root);

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(oneCleanLine()).contains("closed the connection without answering")
                .contains("If the server expects https, use " + endpoint.serviceRoot("https"));
    }

    // ---- answers that are not Graph's

    @Test
    void anHtmlPageIsExitFiveWithItsStatusAndNotItsText() {
        String root = serving(MisbehavingEndpoint.answering(502, "text/html; charset=utf-8",
                "<html><title>\u001b]0;owned\u0007Bad gateway</title>\u001b[2J</html>".getBytes(StandardCharsets.UTF_8)),
                "http");

        int code = usersList(root);

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(oneCleanLine()).contains("answered HTTP 502 with an HTML page, not Microsoft Graph's JSON")
                .doesNotContain("Content type").doesNotContain("owned").doesNotContain("Bad gateway");
    }

    @Test
    void garbageUnderAJsonContentTypeIsExitFiveWithItsStatus() {
        String root = serving(MisbehavingEndpoint.answering(200, "application/json",
                "\u0000\u0001\u001b[2J{{{ not json".getBytes(StandardCharsets.UTF_8)), "http");

        int code = usersList(root);

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(oneCleanLine()).contains("answered HTTP 200 with a body that is not the JSON object")
                .doesNotContain("not json").doesNotContain("MalformedJson");
    }

    @Test
    void aHugeAnswerIsNotReadPastTheBound() {
        String root = serving(MisbehavingEndpoint.hugeJson(48), "http");

        int code = usersList(root);

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(oneCleanLine()).contains("answered HTTP 200 with more than 16 MB").contains("stopped reading");
        // the client closed the connection at 16 MB; the endpoint got the rest of its 48 MB into socket buffers at most
        assertThat(endpoint.bytesSent()).isLessThan(36L * 1024 * 1024);
    }

    // ---- bad input

    @Test
    void aPortOutOfRangeIsBadUsageInOneLine() {
        int code = usersList("http://127.0.0.1:99999/v1.0");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(oneCleanLine()).contains("port 99999").contains("1 to 65535").doesNotContain("IllegalArgument");
    }

    @Test
    void aTokenWithALineBreakIsRefusedBeforeSendingAndNeverShown() {
        String root = serving(MisbehavingEndpoint.answering(200, "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                "http");
        environment.put("GATEHOUSE_ACCESS_TOKEN", TOKEN + "\r\nX-Injected: yes");

        int code = usersList(root);

        assertThat(code).isEqualTo(ExitCodes.NOT_ALLOWED);
        assertThat(oneCleanLine()).contains("GATEHOUSE_ACCESS_TOKEN contains a line break (CR or LF)")
                .doesNotContain("X-Injected").doesNotContain("0x0d");
        assertThat(endpoint.connections()).isZero();
    }

    @Test
    void aTokenWithANonAsciiCharacterIsRefusedBeforeSendingAndNeverShown() {
        String root = serving(MisbehavingEndpoint.answering(200, "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                "http");
        environment.put("GATEHOUSE_ACCESS_TOKEN", TOKEN + "\u00e9");

        int code = usersList(root);

        assertThat(code).isEqualTo(ExitCodes.NOT_ALLOWED);
        assertThat(oneCleanLine()).contains("GATEHOUSE_ACCESS_TOKEN contains a non-ASCII character");
        assertThat(endpoint.connections()).isZero();
    }
}
