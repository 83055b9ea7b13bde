package dev.gatehouse.cli;

import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantConnector;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How global options choose a tenant and how bad input is reported. The connector here only records what
 * was asked for; commands that talk to a tenant are tested over HTTP against the demo tenant elsewhere.
 */
class CliOptionsTest {

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
        run("--tenant", "contoso.onmicrosoft.com", "--cloud", "USGov", "--client-id", "abc", "--device-code",
                "users", "list");
        assertThat(requested).containsExactly("tenant SignInRequest[tenant=contoso.onmicrosoft.com, cloud=usgov, "
                + "clientId=abc, graphEndpoint=null, flow=DEVICE_CODE]");
    }

    @Test
    void scenarioWithARealTenantIsRefusedInOneLine() {
        int code = run("--tenant", "contoso.com", "--scenario", "baseline", "users", "list");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("gatehouse: --scenario only applies to the demo tenant; remove it or use "
                + "--tenant demo.\n");
        assertThat(requested).isEmpty();
    }

    @Test
    void unknownCloudAndMalformedEndpointAreRefused() {
        assertThat(run("--cloud", "mars", "users", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--graph-endpoint", "graph.microsoft.com", "users", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown cloud 'mars'").contains("needs a service root with its version");
        assertThat(requested).isEmpty();
    }

    @Test
    void unknownOptionsAreOneLineWithAPointerToHelp() {
        int code = run("users", "list", "--colour");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("gatehouse: Unknown option: '--colour'").endsWith("(see 'gatehouse --help')");
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
