package dev.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.GatehouseCli;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `gatehouse policy registration …` end to end: picocli → the registration procedure on the procedure desk → Graph
 * SDK → HTTP → a demo tenant started per test and reached with --graph-endpoint, so one tenant outlives several runs.
 */
class CliRegistrationOverDemoTenantTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "Emergency Access Accounts";
    private static final String PILOT = "New Hires";

    @TempDir
    Path data;

    private SimServer sim;

    private record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }

        /** Standard output as one line: prose is wrapped to the terminal's width. */
        String text() {
            return out.replaceAll("\\s+", " ");
        }

        String errText() {
            return err.replaceAll("\\s+", " ");
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
        List<String> all = new ArrayList<>(List.of("policy", "registration"));
        all.addAll(List.of(args));
        all.addAll(List.of("--graph-endpoint", sim.serviceRoot()));
        int code = new GatehouseCli(new GatehouseConnector(Map.of("GATEHOUSE_ACCESS_TOKEN", "demo")::get),
                new PrintWriter(out), new PrintWriter(err), Optional.empty(), onInterrupt -> () -> { }, data)
                .run(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private Result reportOnly() {
        return run("apply", "--breakglass-group", GROUP, "--yes");
    }

    @Test
    void statusFailsWithoutAPolicyAndPassesTheCheckersOnceItIsOn() throws IOException {
        start("new-hires");

        Result before = run("status");
        assertThat(before.code()).as(before.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(before.text()).contains("Entra ID P1").contains("Policies reaching the action")
                .contains("FAIL MT.1011").contains("[ ] ");

        assertThat(reportOnly().code()).isEqualTo(ExitCodes.OK);
        Result pilot = run("apply", "--state", "on", "--pilot-group", PILOT, "--breakglass-group", GROUP, "--yes");
        assertThat(pilot.code()).as(pilot.out() + pilot.err()).isEqualTo(ExitCodes.OK);
        Result everyone = run("apply", "--state", "on", "--breakglass-group", GROUP, "--yes");
        assertThat(everyone.code()).as(everyone.out() + everyone.err()).isEqualTo(ExitCodes.OK);

        Result after = run("status", "--json");
        JsonNode report = after.json();
        assertThat(report.findValues("policies").get(0).toString()).contains("Gatehouse: Protect security info "
                + "registration").contains("\"state\":\"enabled\"");
        assertThat(outcomes(report)).as("seed 000 trusts no network, which Maester wants")
                .containsExactly("MT.1011 fail", "MS.AAD.3.8v1 pass", "ZTA 21806 pass");
        assertThat(after.code()).isEqualTo(ExitCodes.FAILED);
    }

    private static List<String> outcomes(JsonNode report) {
        List<String> outcomes = new ArrayList<>();
        report.get("checkers").forEach(c -> outcomes.add(c.get("id").asText() + " " + c.get("outcome").asText()));
        return outcomes;
    }

    @Test
    void exemptingTrustedLocationsPassesEveryCheckerAndWhatIfLeavesThatPolicyOutOfTheComparison() throws IOException {
        start("new-hires");
        String[] design = {"--breakglass-group", GROUP, "--exclude-trusted-locations", "--yes"};

        assertThat(run(concat(new String[]{"apply"}, design)).code()).isEqualTo(ExitCodes.OK);
        Result whatIf = run("whatif", "--pilot-group", PILOT, "--breakglass-group", GROUP);
        assertThat(whatIf.code()).as(whatIf.out() + whatIf.err()).isEqualTo(ExitCodes.OK);
        assertThat(whatIf.text()).contains("has a location condition");
        assertThat(run(concat(new String[]{"apply", "--state", "on", "--pilot-group", PILOT}, design)).code())
                .isEqualTo(ExitCodes.OK);
        assertThat(run(concat(new String[]{"apply", "--state", "on"}, design)).code()).isEqualTo(ExitCodes.OK);

        Result status = run("status", "--json");

        assertThat(outcomes(status.json())).containsExactly("MT.1011 pass", "MS.AAD.3.8v1 pass", "ZTA 21806 pass");
        assertThat(status.code()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anEnforcedPolicyIsNeverTakenBackToReportOnlyUnaskedAndAnExportThatTurnsItOnPassesTheGuard() {
        start("new-hires");
        assertThat(reportOnly().code()).isEqualTo(ExitCodes.OK);
        assertThat(run("apply", "--state", "on", "--pilot-group", PILOT, "--breakglass-group", GROUP, "--yes").code())
                .isEqualTo(ExitCodes.OK);

        Result again = run("apply", "--breakglass-group", GROUP, "--yes");

        assertThat(again.code()).as(again.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("is On").contains("--state report-only");
        Result unguarded = run("export", "--format", "powershell", "--state", "on");
        assertThat(unguarded.code()).as("no emergency-access group known").isEqualTo(ExitCodes.NOT_ALLOWED);
        assertThat(unguarded.err()).contains("not exported");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Test
    void checkWithoutP1FailsAndSaysWhatP1Buys() throws IOException {
        start("baseline-free");

        Result check = run("check");

        assertThat(check.code()).as(check.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(check.text()).contains("FAIL").contains("P1").contains("A check FAILED");
        Result json = run("check", "--json");
        assertThat(json.json().get("anyFailed").asBoolean()).isTrue();
        assertThat(json.json().get("checks").findValuesAsText("verdict")).contains("fail");

        Result apply = run("apply", "--breakglass-group", GROUP, "--yes");
        assertThat(apply.code()).isEqualTo(ExitCodes.NOT_ALLOWED);
        assertThat(apply.text()).contains("Not possible.").doesNotContain("no Entra ID P1");
        assertThat(apply.errText()).containsOnlyOnce("no Entra ID P1")
                .contains("Conditional Access, authentication strengths");
    }

    @Test
    void checkStreamsTheReportWithProgressAndCountsWhoNeedsAPass() throws IOException {
        start("new-hires");

        Result check = run("check", "--breakglass-group", GROUP, "--json");

        assertThat(check.err()).contains("rows read");
        JsonNode report = check.json();
        assertThat(report.at("/report/needPass").asLong()).isPositive();
        assertThat(check.code()).isEqualTo(report.get("anyFailed").asBoolean() ? ExitCodes.FAILED : ExitCodes.OK);
    }

    @Test
    void applyingReportOnlyTwiceChangesNothingTheSecondTime() {
        start("new-hires");

        Result first = reportOnly();
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.text()).contains("Report-only is not evaluated for user actions");

        Result second = reportOnly();
        assertThat(second.code()).as(second.err()).isEqualTo(ExitCodes.OK);
        assertThat(second.text()).startsWith("Nothing changes:").contains("already saved as designed");
    }

    @Test
    void turningOnWithoutAnEmergencyAccessGroupIsRefusedBeforeAnyRequest() {
        start("new-hires");
        assertThat(run("apply", "--yes").code()).isEqualTo(ExitCodes.OK);

        Result on = run("apply", "--state", "on", "--pilot-group", PILOT, "--yes");

        assertThat(on.code()).isEqualTo(ExitCodes.NOT_ALLOWED);
        assertThat(on.err()).startsWith("gatehouse: nothing was sent: ");
        assertThat(on.errText()).contains("Not turned on, nothing was sent").contains("No emergency-access account is "
                + "known");
        assertThat(run("status", "--json").text()).contains("enabledForReportingButNotEnforced");
    }

    @Test
    void turningOffIsOnePlanAndThenNothingToDo() {
        start("new-hires");
        reportOnly();

        Result dry = run("apply", "--state", "off", "--breakglass-group", GROUP, "--dry-run");
        assertThat(dry.code()).isEqualTo(ExitCodes.OK);
        assertThat(dry.text()).contains("Turn the registration policy off").contains("\"state\":\"disabled\"")
                .contains("Dry run: nothing was sent");

        assertThat(run("apply", "--state", "off", "--breakglass-group", GROUP, "--yes").code()).isEqualTo(ExitCodes.OK);
        Result again = run("apply", "--state", "off", "--breakglass-group", GROUP, "--yes");
        assertThat(again.code()).isEqualTo(ExitCodes.OK);
        assertThat(again.text()).contains("Nothing changes:").contains("already Off");
    }

    @Test
    void whatIfAgreesWithTheForecastForEveryone() throws IOException {
        start("new-hires");
        reportOnly();

        Result whatIf = run("whatif", "--pilot-group", PILOT, "--breakglass-group", GROUP);

        assertThat(whatIf.code()).as(whatIf.out() + whatIf.err()).isEqualTo(ExitCodes.OK);
        assertThat(whatIf.text()).contains("WHO").contains("(you)").contains("(emergency access)").contains("(guest)")
                .contains("agree for everyone");
        JsonNode json = run("whatif", "--pilot-group", PILOT, "--breakglass-group", GROUP, "--json").json();
        assertThat(json.get("allAgree").asBoolean()).isTrue();
    }

    @Test
    void anExportImportsUnchanged() throws IOException {
        start("new-hires");
        reportOnly();
        Path file = data.resolve("policy.json");

        Result export = run("export", "--format", "json", "--file", file.toString(), "--breakglass-group", GROUP);
        assertThat(export.code()).as(export.err()).isEqualTo(ExitCodes.OK);
        assertThat(run("export", "--format", "json", "--file", file.toString(), "--breakglass-group", GROUP).code())
                .as("no overwrite without --force").isEqualTo(ExitCodes.USAGE);

        Result imported = run("import", "--file", file.toString(), "--breakglass-group", GROUP, "--dry-run");
        assertThat(imported.code()).as(imported.err()).isEqualTo(ExitCodes.OK);
        assertThat(imported.text()).contains("is already as the file says: no field differs")
                .contains("Nothing changes:");

        Result script = run("export", "--format", "powershell", "--breakglass-group", GROUP);
        assertThat(script.text()).contains("Connect-MgGraph").contains("Invoke-MgGraphRequest -Method PATCH");
    }

    @Test
    void anImportWithAMisspeltFieldOrASyntaxErrorIsRefusedWithWhereItIs() throws IOException {
        start("new-hires");
        Path file = data.resolve("policy.json");
        run("export", "--format", "json", "--file", file.toString(), "--breakglass-group", GROUP);
        String good = Files.readString(file);

        Files.writeString(file, good.replace("\"displayName\"", "\"dispalyName\""));
        Result misspelt = run("import", "--file", file.toString(), "--dry-run");
        assertThat(misspelt.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(misspelt.err()).contains("dispalyName is not a field Graph knows").contains("displayName");

        Files.writeString(file, good.replaceFirst(",", ",,"));
        Result syntax = run("import", "--file", file.toString(), "--dry-run");
        assertThat(syntax.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(syntax.err()).containsPattern("at line \\d+, column \\d+");

        Files.writeString(file, good.replace("\"enabledForReportingButNotEnforced\"", "\"disabled\""));
        Result off = run("import", "--file", file.toString(), "--breakglass-group", GROUP, "--dry-run");
        assertThat(off.code()).as("a file of a policy turned off is not taken as 'turn the tenant's off'")
                .isEqualTo(ExitCodes.USAGE);
        assertThat(off.err()).contains("state disabled").contains("--state report-only");
    }

    @Test
    void tapMissingDryRunListsTheUsersAndNoSecret() {
        start("new-hires");

        Result dry = run("tap-missing", "--breakglass-group", GROUP, "--dry-run");

        assertThat(dry.code()).as(dry.err()).isEqualTo(ExitCodes.OK);
        assertThat(dry.text()).contains("Issue a one-time Temporary Access Pass to").contains("Dry run: nothing was "
                + "sent").doesNotContainPattern("temporaryAccessPass\"\\s*:\\s*\"[A-Za-z0-9]");
        assertThat(dry.err()).contains("rows read");
    }

    @Test
    void theUserPolicyCommandStillWorks() {
        start("baseline");
        StringWriter out = new StringWriter();
        int code = new GatehouseCli(new GatehouseConnector(Map.of("GATEHOUSE_ACCESS_TOKEN", "demo")::get),
                new PrintWriter(out), new PrintWriter(new StringWriter()), Optional.empty(), onInterrupt -> () -> { },
                data).run("user", "policy", "alex.wilber@tailspintoys.com", "--graph-endpoint", sim.serviceRoot());
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Authentication methods policy for");
    }
}
