package dev.gatehouse.cli;

import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantConnector;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * How global options choose a tenant and how bad input is reported. The connector here only records what
 * was asked for; commands that talk to a tenant are tested over HTTP against the demo tenant elsewhere.
 */
class CliOptionsTest {

    private static final String CLIENT_ID = "2f4a9a3c-1b7e-4c55-8f0d-6a3e9b1c2d7f";

    private final List<String> requested = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private final TenantConnector recordingConnector = new TenantConnector() {
        @Override
        public TenantConnection connectDemo(String scenario) {
            requested.add("demo " + scenario);
            throw new IllegalStateException("stop here");
        }

        @Override
        public TenantConnection connectTenant(SignInRequest request, SignInPrompt prompt) {
            requested.add("tenant " + request);
            throw new IllegalStateException("stop here");
        }
    };

    private int run(String... args) {
        return new GatehouseCli(recordingConnector, new PrintWriter(out), new PrintWriter(err)).run(args);
    }

    @Test
    void demoBaselineIsTheDefault() {
        run("users", "list");
        assertThat(requested).containsExactly("demo baseline");
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        run("--scenario", "compromised", "users", "list");
        run("users", "list", "--scenario", "new-hires");
        assertThat(requested).containsExactly("demo compromised", "demo new-hires");
    }

    @Test
    void graphEndpointOverridesTheDemoTenant() {
        run("user", "show", "ada@contoso.com", "--graph-endpoint", "http://127.0.0.1:9999/v1.0");
        assertThat(requested).singleElement().asString()
                .startsWith("tenant SignInRequest[tenant=null, cloud=global, clientId=null, graphEndpoint=http://127.0.0.1:9999/v1.0");
    }

    @Test
    void aRealTenantUsesTheChosenCloudAndFlow() {
        run("--tenant", "contoso.onmicrosoft.com", "--cloud", "USGov", "--client-id", CLIENT_ID, "--device-code",
                "users", "list");
        assertThat(requested).containsExactly("tenant SignInRequest[tenant=contoso.onmicrosoft.com, cloud=usgov, "
                + "clientId=" + CLIENT_ID + ", graphEndpoint=null, flow=DEVICE_CODE, timeout=null]");
    }

    @Test
    void timeoutReachesTheSignInRequestInSeconds() {
        run("--timeout", "5", "users", "list", "--graph-endpoint", "http://127.0.0.1:9999/v1.0");
        run("--tenant", "contoso.onmicrosoft.com", "--client-id", CLIENT_ID, "users", "list", "--timeout", "120");
        assertThat(requested).satisfiesExactly(
                first -> assertThat(first).contains("graphEndpoint=http://127.0.0.1:9999/v1.0").endsWith("timeout=PT5S]"),
                second -> assertThat(second).contains("tenant=contoso.onmicrosoft.com").endsWith("timeout=PT2M]"));
    }

    @Test
    void aTimeoutOutOfRangeOrWithTheInProcessDemoIsRefused() {
        String endpoint = "http://127.0.0.1:9999/v1.0";
        assertThat(run("--graph-endpoint", endpoint, "--timeout", "0", "users", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--graph-endpoint", endpoint, "--timeout", "3601", "users", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--graph-endpoint", endpoint, "--timeout", "soon", "users", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--timeout", "5", "users", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines()).hasSize(4).allSatisfy(line -> assertThat(line).startsWith("gatehouse: "));
        assertThat(err.toString()).contains("--timeout is in seconds, from 1 to 3600; was 0.")
                .contains("--timeout applies to a tenant reached over the network");
        assertThat(requested).isEmpty();
    }

    @Test
    void scenarioWithARealTenantIsRefusedInOneLine() {
        int code = run("--tenant", "contoso.com", "--client-id", CLIENT_ID, "--scenario", "baseline", "users", "list");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("gatehouse: --scenario only applies to the demo tenant; remove it or use "
                + "--tenant demo.\n");
        assertThat(requested).isEmpty();
    }

    @Test
    void unknownCloudAndMalformedEndpointAreRefused() {
        assertThat(run("--tenant", "contoso.com", "--client-id", CLIENT_ID, "--cloud", "mars", "users", "list"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("--graph-endpoint", "graph.microsoft.com", "users", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown cloud 'mars'").contains("needs a service root with its version");
        assertThat(requested).isEmpty();
    }

    @Test
    void aRealTenantNeedsAClientIdThatIsAGuid() {
        assertThat(run("--tenant", "contoso.com", "users", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--tenant", "contoso.com", "--client-id", "abc", "users", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--tenant", "not a domain", "--client-id", CLIENT_ID, "users", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines()).containsExactly(
                "gatehouse: --client-id is required to sign in to a tenant: the Application (client) ID of your "
                        + "Gatehouse app registration (README, 'Connecting a real tenant').",
                "gatehouse: --client-id: The client ID is the Application (client) ID of your app registration: a GUID.",
                "gatehouse: --tenant: The tenant must be a tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com.");
        assertThat(requested).isEmpty();
    }

    @Test
    void optionsThatAnEndpointOrTheDemoWouldIgnoreAreRefused() {
        String endpoint = "http://127.0.0.1:9999/v1.0";
        assertThat(run("--graph-endpoint", endpoint, "--tenant", "contoso.com", "users", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--graph-endpoint", endpoint, "--client-id", CLIENT_ID, "users", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--graph-endpoint", endpoint, "--device-code", "users", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--cloud", "usgov", "users", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--tenant does not apply with --graph-endpoint")
                .contains("--cloud only applies when signing in to a tenant");
        assertThat(requested).isEmpty();
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][]{{"--help"}, {"users", "--help"}, {"users", "list", "--help"},
                {"user", "--help"}, {"user", "show", "--help"}}) {
            assertThat(run(command)).as(String.join(" ", command)).isEqualTo(ExitCodes.OK);
        }
        assertThat(out.toString()).contains("Usage: gatehouse users list").contains("Usage: gatehouse user show");
        assertThat(requested).isEmpty();
    }

    @Test
    void helpWinsOverAnUnknownOptionOrAMissingValueAndShowsThePageOfTheCommandReached() {
        assertThat(run("user", "show", "--bogus", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(run("users", "list", "-h", "--top")).isEqualTo(ExitCodes.OK);
        assertThat(run("user", "issue-tap", "ada@contoso.com", "--lifetime", "abc", "--help")).isEqualTo(ExitCodes.OK);

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains("Usage: gatehouse user show").contains("Usage: gatehouse users list")
                .contains("Usage: gatehouse user issue-tap");
        assertThat(requested).isEmpty();
    }

    @Test
    void helpAfterTheEndOfOptionsIsAnArgumentNotARequestForHelp() {
        assertThat(run("user", "show", "--bogus", "--", "--help")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option '--bogus'");
    }

    @Test
    void eachCommandsHelpHasItsOwnOptionsTheGlobalOnesByNameAndExamplesThatParse() {
        Deque<List<String>> commands = new ArrayDeque<>(List.of(List.of()));
        int pages = 0;
        while (!commands.isEmpty()) {
            List<String> command = commands.pop();
            String page = help(command);
            pages++;
            subcommandsOn(page).forEach(name -> commands.add(Stream.concat(command.stream(), Stream.of(name)).toList()));
            String title = String.join(" ", command);
            assertThat(page).as(title).contains("\nExamples:\n  gatehouse ");
            if (command.isEmpty()) {
                assertThat(page).contains("Global options, accepted before or after any command:")
                        .contains("Any Graph-compatible service root");
            } else {
                assertThat(page).as(title).doesNotContain("--graph-endpoint=URL").doesNotContain("Any Graph-compatible")
                        .contains("\nGlobal options (see 'gatehouse --help'): --tenant, --scenario, --cloud,");
            }
            for (String example : examplesOn(page)) {
                // parsed by the same command tree; parsing alone runs nothing, and --help would excuse a bad option
                assertThatCode(() -> new CommandLine(new GatehouseCommand()).parseArgs(arguments(example)))
                        .as(example).doesNotThrowAnyException();
            }
        }
        assertThat(pages).isGreaterThan(30);
        assertThat(err.toString()).isEmpty();
        assertThat(requested).isEmpty();
    }

    private String help(List<String> command) {
        out.getBuffer().setLength(0);
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        assertThat(run(args.toArray(String[]::new))).isEqualTo(ExitCodes.OK);
        String page = out.toString();
        out.getBuffer().setLength(0);
        return page;
    }

    /** The names in the page's "Commands:" list. */
    private static List<String> subcommandsOn(String page) {
        int start = page.indexOf("\nCommands:\n");
        if (start < 0) {
            return List.of();
        }
        return page.substring(start + "\nCommands:\n".length()).lines().takeWhile(line -> !line.isBlank())
                .filter(line -> line.matches("  \\S.*")).map(line -> line.strip().split(" ")[0]).toList();
    }

    private static List<String> examplesOn(String page) {
        return page.substring(page.indexOf("\nExamples:\n") + "\nExamples:\n".length()).lines()
                .takeWhile(line -> line.startsWith("  gatehouse ")).toList();
    }

    /** An example's arguments as a shell would split them, without the program name or a redirection. */
    private static String[] arguments(String example) {
        Matcher word = Pattern.compile("(?:[^\\s\"]+|\"[^\"]*\")+").matcher(example.split(" > ")[0]);
        List<String> args = new ArrayList<>();
        while (word.find()) {
            args.add(word.group().replace("\"", ""));
        }
        return args.subList(1, args.size()).toArray(String[]::new);
    }

    @Test
    void unknownOptionsAreOneLineWithAPointerToTheCommandsOwnHelp() {
        int code = run("users", "list", "--colour");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines()).containsExactly(
                "gatehouse: Unknown option '--colour' for 'gatehouse users list' (see 'gatehouse users list --help')");
    }

    @Test
    void aMistypedCommandOrOptionSuggestsTheNearest() {
        run("users", "lst");
        run("user", "shw", "ada@contoso.com");
        run("breakglas", "status");
        run("users", "list", "--tpo", "3");
        run("user", "show", "ada@contoso.com", "--josn");
        run("user", "show", "ada@contoso.com", "--tenent=contoso.com");
        assertThat(err.toString().lines()).containsExactly(
                "gatehouse: Unknown command 'lst' for 'gatehouse users'; did you mean 'list'? "
                        + "(see 'gatehouse users --help')",
                "gatehouse: Unknown command 'shw' for 'gatehouse user'; did you mean 'show'? "
                        + "(see 'gatehouse user --help')",
                "gatehouse: Unknown command 'breakglas' for 'gatehouse'; did you mean 'breakglass'? "
                        + "(see 'gatehouse --help')",
                "gatehouse: Unknown option '--tpo' for 'gatehouse users list'; did you mean '--top'? "
                        + "(see 'gatehouse users list --help')",
                "gatehouse: Unknown option '--josn' for 'gatehouse user show'; did you mean '--json'? "
                        + "(see 'gatehouse user show --help')",
                "gatehouse: Unknown option '--tenent' for 'gatehouse user show'; did you mean '--tenant'? "
                        + "(see 'gatehouse user show --help')");
        assertThat(requested).isEmpty();
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedInASentence() {
        assertThat(run("user", "issue-tap", "ada@contoso.com", "--lifetime", "abc")).isEqualTo(ExitCodes.USAGE);
        run("users", "list", "--top", "many");
        run("policy", "registration", "export", "--format", "pdf");
        run("user", "show", "ada@contoso.com", "bob@contoso.com");
        run("user", "show");
        run("user", "issue-tap", "ada@contoso.com", "--lifetime");
        run("breakglass", "record");
        assertThat(err.toString().lines()).containsExactly(
                "gatehouse: --lifetime expects minutes, a whole number: 'abc' (see 'gatehouse user issue-tap --help')",
                "gatehouse: --top expects a whole number: 'many' (see 'gatehouse users list --help')",
                "gatehouse: --format expects json or powershell: 'pdf' "
                        + "(see 'gatehouse policy registration export --help')",
                "gatehouse: Unexpected argument 'bob@contoso.com' (see 'gatehouse user show --help')",
                "gatehouse: 'gatehouse user show' needs UPN|ID (see 'gatehouse user show --help')",
                "gatehouse: --lifetime needs a value: MIN (see 'gatehouse user issue-tap --help')",
                "gatehouse: 'gatehouse breakglass record' needs --out FILE (see 'gatehouse breakglass record --help')");
        assertThat(requested).isEmpty();
    }

    @Test
    void versionNamesThePomsVersionAndTheCommitBuiltFromWhereverItIsAsked() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>gatehouse</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(version.find()).isTrue();
        String commit = Files.exists(Path.of(".git")) ? "[0-9a-f]{12}" : "unknown";
        for (String[] command : new String[][]{{"--version"}, {"users", "-V"}, {"user", "show", "--version"}}) {
            assertThat(run(command)).as(String.join(" ", command)).isEqualTo(ExitCodes.OK);
        }
        assertThat(out.toString().lines()).hasSize(3).allSatisfy(line -> assertThat(line)
                .matches("Gatehouse " + Pattern.quote(version.group(1)) + " \\(commit " + commit + "\\)"));
        assertThat(requested).isEmpty();
    }

    @Test
    void aTopBelowOneIsRefused() {
        assertThat(run("users", "list", "--top", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--top must be at least 1");
    }

    @Test
    void unexpectedFailuresAreOneLineToo() {
        int code = run("users", "list");
        assertThat(code).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString().lines()).singleElement().asString()
                .isEqualTo("gatehouse: unexpected IllegalStateException: stop here (set GATEHOUSE_DEBUG=1 for the stack trace)");
    }
}
