package dev.gatehouse.app;

import dev.gatehouse.app.CliOverSim.Result;
import dev.gatehouse.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code breakglass exclude} over HTTP against the demo tenant. */
class CliBreakglassExcludeOverDemoTenantTest {

    private static final String GROUP = "Emergency Access Accounts";

    @TempDir
    Path data;

    @Test
    void afterTheRepairTheNewGroupIsExcludedEverywhereThenTheOldOneRetiredAndASecondRunSendsNothing() {
        try (CliOverSim cli = new CliOverSim("breakglass-gaps", data)) {
            Result refusedFirst = cli.run("breakglass", "exclude", "--breakglass-group", GROUP, "--yes");
            assertThat(refusedFirst.code()).isEqualTo(ExitCodes.NOT_ALLOWED);
            assertThat(refusedFirst.errText()).contains("not role-assignable").contains("Replace it first");

            assertThat(cli.run("breakglass", "setup", "--breakglass-group", GROUP, "--yes", "--show-secret").code())
                    .isEqualTo(ExitCodes.OK);

            Result dryRun = cli.run("breakglass", "exclude", "--dry-run");
            assertThat(dryRun.code()).as(dryRun.err()).isEqualTo(ExitCodes.OK);
            assertThat(dryRun.text()).contains("Conditional Access policies and " + GROUP + " (role-assignable)")
                    .contains("\u201cCA001: Require multifactor authentication for all users\u201d (On): group NOT "
                            + "excluded")
                    .contains("Exclude " + GROUP + " (role-assignable) from \u201cCA001")
                    .contains("Stop excluding " + GROUP + " from")
                    .contains("Dry run: nothing was sent.");

            Result done = cli.run("breakglass", "exclude", "--yes");
            assertThat(done.code()).as(done.err() + done.out()).isEqualTo(ExitCodes.OK);

            Result status = cli.run("breakglass", "status");
            assertThat(status.text()).contains("OK Excluded where it must be")
                    .doesNotContain("Not excluded from");
        }
    }
}
