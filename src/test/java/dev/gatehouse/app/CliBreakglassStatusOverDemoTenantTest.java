package dev.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.app.CliOverSim.Result;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.GatehouseCli;
import dev.gatehouse.domain.breakglass.DrillSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code breakglass status} and {@code breakglass drill} over HTTP against the demo tenant. */
class CliBreakglassStatusOverDemoTenantTest {

    private static final String GROUP = "Emergency Access Accounts";

    @TempDir
    Path data;

    @Test
    void onBaselineARecordedDrillLeavesNothingToFixAndTheExitCodeSaysSo() throws Exception {
        try (CliOverSim cli = new CliOverSim("baseline", data)) {
            Result before = cli.run("breakglass", "status", "--breakglass-group", GROUP);
            assertThat(before.code()).as(before.err()).isEqualTo(ExitCodes.FAILED);
            assertThat(before.text()).contains("FIX Drill: No drill recorded on this machine and no sign-in");

            Result checklist = cli.run("breakglass", "drill", "--breakglass-group", GROUP);
            assertThat(checklist.code()).isEqualTo(ExitCodes.OK);
            assertThat(checklist.text()).contains("Sign in as Emergency Access 01 (bg-admin-01@tailspintoys.onmicrosoft.com)")
                    .contains("gatehouse breakglass drill --done");

            Result done = cli.run("breakglass", "drill", "--done");
            assertThat(done.code()).as(done.err()).isEqualTo(ExitCodes.OK);
            assertThat(done.text()).contains("Recorded: drill held "
                    + DrillSchedule.date(LocalDate.now(ZoneId.systemDefault())));

            Result after = cli.run("breakglass", "status", "--breakglass-group", GROUP, "--json");
            assertThat(after.code()).as(after.out()).isEqualTo(ExitCodes.OK);
            JsonNode json = new ObjectMapper().readTree(after.out());
            assertThat(json.path("verdict").asText()).isEqualTo("green");
            assertThat(json.path("accounts")).hasSize(2);
            JsonNode first = json.path("accounts").get(0);
            assertThat(first.path("userPrincipalName").asText()).isEqualTo("bg-admin-01@tailspintoys.onmicrosoft.com");
            assertThat(first.path("checks")).extracting(c -> c.path("id").asText()).contains("enabled", "cloudOnly",
                    "initialDomain", "noLicence", "globalAdministrator", "methods", "passkey", "conditionalAccess",
                    "lastSignIn", "recentChanges", "drill");
            assertThat(first.path("checks")).allSatisfy(c -> assertThat(c.path("verdict").asText()).isEqualTo("green"));
            assertThat(json.path("group").path("checks")).extracting(c -> c.path("id").asText())
                    .contains("roleAssignable", "members", "owners", "excluded");
        }
    }

    @Test
    void onBreakglassGapsEachGapIsPrintedWithItsFixAndTheExitCodeIsOne() {
        try (CliOverSim cli = new CliOverSim("breakglass-gaps", data)) {
            Result status = cli.run("breakglass", "status", "--breakglass-group", GROUP);

            assertThat(status.code()).isEqualTo(ExitCodes.FAILED);
            assertThat(status.text()).contains("FIX Role-assignable: Not role-assignable")
                    .contains("FIX Passkey (FIDO2): No FIDO2 key")
                    .contains("usable Temporary Access Pass")
                    .contains("CHECK No licence")
                    .contains("200 days ago");
        }
    }

    @Test
    void aDrillRecordedOnOneDemoScenarioDoesNotHideTheStaleDrillOfAnother() {
        // the in-process demo tenant (--scenario), as a trainer runs it: every scenario has the same tenant id
        assertThat(inDemo("baseline", "breakglass", "drill", "--done").code()).isEqualTo(ExitCodes.OK);
        assertThat(inDemo("baseline", "breakglass", "drill").text()).contains("Last drill: "
                + DrillSchedule.date(LocalDate.now(ZoneId.systemDefault())));

        Result status = inDemo("breakglass-gaps", "breakglass", "status", "--breakglass-group", GROUP);

        assertThat(status.text()).contains("200 days ago").contains("No drill recorded on this machine");
    }

    private Result inDemo(String scenario, String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        all.addAll(java.util.List.of("--scenario", scenario));
        int code = new GatehouseCli(new GatehouseConnector(java.util.Map.<String, String>of()::get),
                new java.io.PrintWriter(out), new java.io.PrintWriter(err), java.util.Optional.empty(),
                onInterrupt -> () -> { }, data).run(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aDrillCannotBeRecordedForADayStillToCome() {
        try (CliOverSim cli = new CliOverSim("baseline", data)) {
            Result refused = cli.run("breakglass", "drill", "--done", "--date",
                    LocalDate.now(ZoneId.systemDefault()).plusDays(2).toString());
            assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(refused.errText()).contains("recorded once it is held");

            Result badDate = cli.run("breakglass", "drill", "--done", "--date", "6/12/2026");
            assertThat(badDate.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(badDate.errText()).contains("YYYY-MM-DD");
        }
    }
}
