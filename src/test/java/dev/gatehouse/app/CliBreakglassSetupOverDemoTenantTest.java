package dev.gatehouse.app;

import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.GatehouseCli;
import dev.gatehouse.domain.settings.SettingsFile;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `gatehouse breakglass setup` end to end: picocli → the set-up procedure and its desk → Graph SDK → HTTP → a demo
 * tenant reached with --graph-endpoint, so its state carries from one command to the next.
 */
class CliBreakglassSetupOverDemoTenantTest {

    private static final String GROUP = "Emergency Access Accounts";

    @TempDir
    Path data;

    private SimServer sim;
    private final Map<String, String> environment = new HashMap<>(Map.of("GATEHOUSE_ACCESS_TOKEN", "demo"));

    /** @param out as printed, with line breaks and indentation folded into single spaces (the CLI wraps text) */
    private record Result(int code, String out, String err) {
        Result {
            out = out.replaceAll("\\s+", " ");
            err = err.replaceAll("\\s+", " ");
        }
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--graph-endpoint", sim.serviceRoot()));
        int code = new GatehouseCli(new GatehouseConnector(environment::get), new PrintWriter(out),
                new PrintWriter(err), Optional.empty(), onInterrupt -> () -> { }, data).run(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private String settings() throws IOException {
        Path file = data.resolve(SettingsFile.FILE_NAME);
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void aDryRunOnTheGapsPrintsTheRepairAndSendsNothing() throws IOException {
        sim = SimServer.start(SimOptions.defaults().withScenario("breakglass-gaps"));

        Result first = run("breakglass", "setup", "--breakglass-group", GROUP, "--dry-run");
        Result second = run("breakglass", "setup", "--breakglass-group", GROUP, "--dry-run");

        assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("Replace the emergency-access group")
                .contains("Create the role-assignable group \u201c" + GROUP + " (role-assignable)\u201d")
                .contains("POST /groups").contains("\"isAssignableToRole\":true")
                .contains("Dry run: nothing was sent");
        assertThat(second.out()).as("nothing was created by the first").contains("Replace the emergency-access group");
        assertThat(settings()).doesNotContain("emergencyAccessGroup.");
    }

    @Test
    void setUpThenAgainChangesNothingTheSecondTime() throws IOException {
        sim = SimServer.start(SimOptions.defaults().withScenario("breakglass-gaps"));

        Result setUp = run("breakglass", "setup", "--breakglass-group", GROUP, "--yes", "--show-secret");

        assertThat(setUp.code()).as(setUp.err()).isEqualTo(ExitCodes.OK);
        assertThat(setUp.out()).contains("Temporary Access Pass, shown once and saved nowhere")
                .contains("Issue a one-time Temporary Access Pass to Emergency Access 01");
        assertThat(settings()).contains("emergencyAccessGroup.").contains(GROUP + " (role-assignable)");

        Result again = run("breakglass", "setup", "--yes");

        assertThat(again.code()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("Nothing to change: every part of the set-up (steps 1-6) is in place.")
                .contains("already holds a usable pass").doesNotContain("shown once");
    }

    @Test
    void anAuthenticationAdministratorIsRefusedBeforeAnythingIsSent() throws IOException {
        sim = SimServer.start(SimOptions.defaults().withScenario("breakglass-gaps"));
        environment.put("GATEHOUSE_ACCESS_TOKEN", "sim-user:patti.fernandez@tailspintoys.com");

        Result refused = run("breakglass", "setup", "--breakglass-group", GROUP, "--yes");

        assertThat(refused.code()).isEqualTo(ExitCodes.NOT_ALLOWED);
        assertThat(refused.err()).contains("needs a Privileged Role Administrator or Global Administrator")
                .contains("Authentication Administrator").contains("Nothing was sent");
        environment.put("GATEHOUSE_ACCESS_TOKEN", "demo");
        assertThat(run("breakglass", "setup", "--breakglass-group", GROUP, "--dry-run").out())
                .as("the tenant is as it was").contains("Replace the emergency-access group");
        assertThat(settings()).doesNotContain("emergencyAccessGroup.");
    }

    @Test
    void aCountOutsideTwoToFourOrACustomDomainIsAUsageError() {
        sim = SimServer.start(SimOptions.defaults().withScenario("baseline"));

        Result five = run("breakglass", "setup", "--count", "5", "--dry-run");
        Result domain = run("breakglass", "setup", "--prefix", "ea@tailspintoys.com", "--dry-run");

        assertThat(five.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(five.err()).contains("Choose 2 to 4 accounts, not 5");
        assertThat(domain.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(domain.err()).contains("initial domain tailspintoys.onmicrosoft.com").contains("--prefix ea");
    }
}
