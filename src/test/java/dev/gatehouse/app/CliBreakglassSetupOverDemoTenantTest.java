package dev.gatehouse.app;

import dev.gatehouse.app.CliOverSim.Result;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.domain.settings.SettingsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `gatehouse breakglass setup` end to end: picocli → the set-up procedure and its desk → Graph SDK → HTTP → a demo
 * tenant reached with --graph-endpoint, so its state carries from one command to the next.
 */
class CliBreakglassSetupOverDemoTenantTest {

    private static final String GROUP = "Emergency Access Accounts";

    @TempDir
    Path data;

    private String settings() throws IOException {
        Path file = data.resolve(SettingsFile.FILE_NAME);
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void aDryRunOnTheGapsPrintsTheRepairAndSendsNothing() throws IOException {
        try (CliOverSim cli = new CliOverSim("breakglass-gaps", data)) {
            Result first = cli.run("breakglass", "setup", "--breakglass-group", GROUP, "--dry-run");
            Result second = cli.run("breakglass", "setup", "--breakglass-group", GROUP, "--dry-run");

            assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.OK);
            assertThat(first.text()).contains("Replace the emergency-access group")
                    .contains("Create the role-assignable group \u201c" + GROUP + " (role-assignable)\u201d")
                    .contains("POST /groups").contains("\"isAssignableToRole\":true")
                    .contains("Dry run: nothing was sent");
            assertThat(second.text()).as("nothing was created by the first")
                    .contains("Replace the emergency-access group");
            assertThat(settings()).doesNotContain("emergencyAccessGroup.");
        }
    }

    @Test
    void setUpThenAgainChangesNothingTheSecondTime() throws IOException {
        try (CliOverSim cli = new CliOverSim("breakglass-gaps", data)) {
            Result setUp = cli.run("breakglass", "setup", "--breakglass-group", GROUP, "--yes", "--show-secret");

            assertThat(setUp.code()).as(setUp.err()).isEqualTo(ExitCodes.OK);
            assertThat(setUp.text()).contains("Temporary Access Pass, shown once and saved nowhere")
                    .contains("Issue a one-time Temporary Access Pass to Emergency Access 01");
            assertThat(settings()).contains("emergencyAccessGroup.").contains(GROUP + " (role-assignable)");

            Result again = cli.run("breakglass", "setup", "--yes");

            assertThat(again.code()).as(again.err()).isEqualTo(ExitCodes.OK);
            assertThat(again.text()).contains("Nothing to change: every part of the set-up (steps 1-6) is in place.")
                    .as("every stage read again, the tenant unchanged").contains("was given a pass earlier in this run")
                    .doesNotContain("Done earlier").doesNotContain("shown once");
        }
    }

    @Test
    void anAuthenticationAdministratorIsRefusedBeforeAnythingIsSent() throws IOException {
        try (CliOverSim cli = new CliOverSim("breakglass-gaps", data)) {
            Result refused = cli.runAs("sim-user:patti.fernandez@tailspintoys.com", "breakglass", "setup",
                    "--breakglass-group", GROUP, "--yes");

            assertThat(refused.code()).isEqualTo(ExitCodes.NOT_ALLOWED);
            assertThat(refused.errText()).contains("needs a Privileged Role Administrator or Global Administrator")
                    .contains("Authentication Administrator").contains("Nothing was sent");
            assertThat(cli.run("breakglass", "setup", "--breakglass-group", GROUP, "--dry-run").text())
                    .as("the tenant is as it was").contains("Replace the emergency-access group");
            assertThat(settings()).doesNotContain("emergencyAccessGroup.");
        }
    }

    @Test
    void aCountOutsideTwoToFourOrACustomDomainIsAUsageError() {
        try (CliOverSim cli = new CliOverSim("baseline", data)) {
            Result five = cli.run("breakglass", "setup", "--count", "5", "--dry-run");
            Result domain = cli.run("breakglass", "setup", "--prefix", "ea@tailspintoys.com", "--dry-run");

            assertThat(five.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(five.errText()).contains("Choose 2 to 4 accounts, not 5");
            assertThat(domain.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(domain.errText()).contains("initial domain tailspintoys.onmicrosoft.com")
                    .contains("--prefix ea");
        }
    }

    @Test
    void theKeyModelsTheAdminNamesAreCheckedAgainstTheKeyRestrictionsBeforeAnythingIsSent() {
        String nfc = "2fc0579f-8113-47ea-b116-555a8db9202a";
        try (CliOverSim cli = new CliOverSim("baseline", data)) {
            cli.state().write(() -> ((com.fasterxml.jackson.databind.node.ObjectNode) cli.state()
                    .authenticationMethodConfiguration("Fido2").orElseThrow().path("keyRestrictions"))
                    .put("isEnforced", true).putArray("aaGuids").add(nfc));

            Result named = cli.run("breakglass", "setup", "--breakglass-group", GROUP, "--key-aaguid", nfc,
                    "--dry-run");
            Result malformed = cli.run("breakglass", "setup", "--breakglass-group", GROUP, "--key-aaguid",
                    "yubikey", "--dry-run");

            assertThat(named.code()).as(named.err()).isEqualTo(ExitCodes.OK);
            assertThat(named.text() + named.errText()).contains("The key model you will register, AAGUID " + nfc
                    + ", is on the block list of the FIDO2 key restrictions");
            assertThat(malformed.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(malformed.errText()).contains("\u201cyubikey\u201d is not an AAGUID");
        }
    }
}
