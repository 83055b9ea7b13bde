package dev.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `gatehouse breakglass group` and `--breakglass-group` end to end: picocli → discovery and settings → Graph SDK →
 * HTTP → a demo tenant reached with --graph-endpoint, and what the recovery guardrail then says.
 */
class CliBreakglassGroupOverDemoTenantTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BG1 = "bg-admin-01@tailspintoys.onmicrosoft.com";
    private static final String GROUP = "Emergency Access Accounts";
    private static final String TENANT_ID = "4b1f6c9e-2d7a-4e38-9c51-7f0a3e2b8d64";

    @TempDir
    Path data;

    private SimServer sim;
    private final Map<String, String> environment = new HashMap<>(Map.of("GATEHOUSE_ACCESS_TOKEN", "demo"));

    private record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private void start(String scenario) {
        sim = SimServer.start(SimOptions.defaults().withScenario(scenario));
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

    /** The warnings of a dry-run plan on the first emergency account, as --json gives them. */
    private List<String> warningsOnBreakGlassAccount(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("user", "revoke-sessions", BG1, "--dry-run", "--json"));
        args.addAll(List.of(extra));
        Result plan = run(args.toArray(String[]::new));
        assertThat(plan.code()).as(plan.err()).isEqualTo(ExitCodes.OK);
        List<String> warnings = new ArrayList<>();
        plan.json().findValues("warnings").forEach(list -> list.forEach(w -> warnings.add(w.asText())));
        return warnings;
    }

    private String settings() throws IOException {
        Path file = data.resolve(SettingsFile.FILE_NAME);
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void onBaselineNothingIsChosenAndDiscoveryProposesTheGroupWithItsEvidence() {
        start("baseline");

        Result shown = run("breakglass", "group");

        assertThat(shown.code()).as(shown.err()).isEqualTo(ExitCodes.OK);
        assertThat(shown.out()).as("the tenant named as every message names it")
                .startsWith("Emergency-access group of tailspintoys.com (tenant id " + TENANT_ID + ")\n");
        assertThat(run("breakglass", "drill").out()).startsWith("Emergency-access drill on tailspintoys.com\n");
        assertThat(shown.out())
                .contains("No emergency-access group is chosen for this tenant")
                .contains("Proposals from discovery: nothing is assumed until you choose one")
                .contains("1. " + GROUP + " (id ")
                .containsPattern("yes +Role-assignable")
                .containsPattern("yes +2 members, both hold Global Administrator")
                .containsPattern("yes +Excluded by 3 of the 5 enabled or report-only Conditional Access policies")
                .contains("kept on this machine only");
    }

    @Test
    void choosingByNameMakesTheGuardrailAFactAndForgettingMakesItAHintAgain() throws IOException {
        start("baseline");
        assertThat(warningsOnBreakGlassAccount()).anyMatch(w -> w.contains("looks like a break-glass")
                && w.contains("no emergency-access group has been chosen"));

        Result set = run("breakglass", "group", "--set", "emergency access accounts");
        assertThat(set.code()).as(set.err()).isEqualTo(ExitCodes.OK);
        assertThat(set.out()).contains("Saved: " + GROUP + " (id ").contains("Chosen: " + GROUP)
                .doesNotContain("Proposals from discovery");
        assertThat(settings()).contains("emergencyAccessGroup." + TENANT_ID + "=");

        assertThat(warningsOnBreakGlassAccount()).anyMatch(w -> w.startsWith("Emergency Access 01 is one of this "
                + "tenant's emergency-access (break-glass) accounts: a member of " + GROUP + ", the emergency-access "
                + "group chosen on this machine.")).noneMatch(w -> w.contains("looks like"));

        Result forget = run("breakglass", "group", "--forget");
        assertThat(forget.code()).as(forget.err()).isEqualTo(ExitCodes.OK);
        assertThat(forget.out()).contains("Forgotten: " + GROUP);
        assertThat(settings()).doesNotContain("emergencyAccessGroup.");
        assertThat(warningsOnBreakGlassAccount()).anyMatch(w -> w.contains("looks like a break-glass"));
    }

    @Test
    void theOptionNamesTheGroupForOneCommandAndKeepsNothing() throws IOException {
        start("baseline");

        assertThat(warningsOnBreakGlassAccount("--breakglass-group", GROUP)).anyMatch(w -> w.contains("a member of "
                + GROUP + ", the emergency-access group given with --breakglass-group"));
        assertThat(settings()).doesNotContain("emergencyAccessGroup.");
    }

    @Test
    void anUnknownOrAmbiguousNameFailsWithTheCandidatesAndSavesNothing() throws Exception {
        start("baseline");

        Result unknown = run("breakglass", "group", "--set", "Vault");
        assertThat(unknown.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unknown.err()).contains("No group is named 'Vault' in this tenant");

        createGroup(GROUP);
        Result ambiguous = run("--breakglass-group", GROUP, "user", "revoke-sessions", BG1, "--dry-run");
        assertThat(ambiguous.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(ambiguous.err()).contains("2 groups are named '" + GROUP + "'").contains("role-assignable)")
                .contains("not role-assignable)").contains("Give the object id");
        assertThat(settings()).doesNotContain("emergencyAccessGroup.");
    }

    @Test
    void setAndForgetTogetherOrWithTheOptionAreRefused() {
        start("baseline");

        assertThat(run("breakglass", "group", "--set", GROUP, "--forget").code()).isEqualTo(ExitCodes.USAGE);
        Result both = run("breakglass", "group", "--set", GROUP, "--breakglass-group", GROUP);
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--breakglass-group names a group for one command only");
    }

    @Test
    void onBreakglassGapsNoGroupIsProposedAndTheJsonSaysWhy() throws IOException {
        start("breakglass-gaps");

        Result shown = run("breakglass", "group", "--json");

        assertThat(shown.code()).as(shown.err()).isEqualTo(ExitCodes.OK);
        JsonNode report = shown.json();
        assertThat(report.get("proposals")).isEmpty();
        assertThat(report.get("chosen").isNull()).isTrue();
        JsonNode considered = report.get("considered").get(0);
        assertThat(considered.at("/group/displayName").asText()).isEqualTo(GROUP);
        assertThat(considered.get("roleAssignable").asText()).isEqualTo("notMet");
        assertThat(considered.at("/points/0/text").asText()).startsWith("Not role-assignable");
    }

    @Test
    void anAdminWhoMayNotReadConditionalAccessIsToldWhatCouldNotBeChecked() {
        start("baseline");
        environment.put("GATEHOUSE_ACCESS_TOKEN", "sim-user:megan.bowen@tailspintoys.com");

        Result shown = run("breakglass", "group");

        assertThat(shown.code()).as(shown.err()).isEqualTo(ExitCodes.OK);
        assertThat(shown.out()).contains("Could not check:").contains("the Conditional Access policies: ")
                .containsPattern("\\? +Conditional Access exclusions could not be checked");
    }

    /** A second group with the same name, created through the tenant's own API as the signed-in admin. */
    private void createGroup(String name) throws IOException, InterruptedException {
        String body = "{\"displayName\": \"" + name + "\", \"mailEnabled\": false, \"mailNickname\": \"eaa2\","
                + " \"securityEnabled\": true}";
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sim.serviceRoot() + "/groups")).header("Authorization", "Bearer demo")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
}
