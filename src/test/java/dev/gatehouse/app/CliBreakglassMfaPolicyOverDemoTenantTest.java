package dev.gatehouse.app;

import dev.gatehouse.app.CliOverSim.Result;
import dev.gatehouse.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code breakglass mfa-policy}: report-only first, What If shown before On, over HTTP against the demo tenant. */
class CliBreakglassMfaPolicyOverDemoTenantTest {

    private static final String GROUP = "Emergency Access Accounts";
    private static final String NAME = "Emergency access: phishing-resistant MFA";

    @TempDir
    Path data;

    @Test
    void savedInReportOnlyThenWhatIfBeforeTurningOnWhichIsRefusedWhileAnAccountHasNoKey() {
        try (CliOverSim cli = new CliOverSim("breakglass-gaps", data)) {
            assertThat(cli.run("breakglass", "setup", "--breakglass-group", GROUP, "--yes", "--show-secret").code())
                    .isEqualTo(ExitCodes.OK);
            Result tooEarly = cli.run("breakglass", "mfa-policy", "--on", "--yes");
            assertThat(tooEarly.code()).isEqualTo(ExitCodes.NOT_ALLOWED);
            assertThat(tooEarly.errText()).contains("save it first");

            Result saved = cli.run("breakglass", "mfa-policy", "--yes");
            assertThat(saved.code()).as(saved.err() + saved.out()).isEqualTo(ExitCodes.OK);
            assertThat(saved.text()).contains("Create \u201c" + NAME + "\u201d in report-only");

            Result on = cli.run("breakglass", "mfa-policy", "--on", "--yes");
            assertThat(on.code()).as(on.err() + on.out()).isEqualTo(ExitCodes.NOT_ALLOWED);
            assertThat(on.out()).contains("What If: each account signing in to the Azure portal (2)")
                    .contains("AGREE  NOT READY  Emergency Access 01")
                    .contains("phishing-resistant MFA\u201d (report-only)");
            assertThat(on.errText()).contains("nothing was sent").contains("Not turned on").contains("has no FIDO2 key");

            Result json = cli.run("breakglass", "mfa-policy", "--on", "--dry-run", "--json");
            assertThat(json.out()).contains("\"accounts\"").contains("\"agrees\" : true").contains("\"ready\" : false");
        }
    }
}
