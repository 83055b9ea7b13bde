package dev.gatehouse.app;

import dev.gatehouse.app.CliOverSim.Result;
import dev.gatehouse.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `gatehouse breakglass finish` end to end over a demo tenant reached with --graph-endpoint: missing keys are named
 * with exit 4, the trainer registers the key as the user would (the pass `breakglass setup` showed, then a passkey),
 * the clean-up runs and is verified, and a second run changes nothing.
 */
class CliBreakglassFinishOverDemoTenantTest {

    private static final String GROUP = "Emergency Access Accounts";
    private static final String BG1 = "bg-admin-01@tailspintoys.onmicrosoft.com";
    private static final String BG2 = "bg-admin-02@tailspintoys.onmicrosoft.com";
    private static final Pattern SHOWN_PASS = Pattern.compile("shown once and saved nowhere[^\\n]*\\n\\s+(\\S+)");

    @TempDir
    Path data;

    /** Steps 1-6 on the gaps scenario; the pass shown for 01, the only account without a key. */
    private static String setUp(CliOverSim cli) {
        Result setUp = cli.run("breakglass", "setup", "--breakglass-group", GROUP, "--yes", "--show-secret");
        assertThat(setUp.code()).as(setUp.err()).isEqualTo(ExitCodes.OK);
        Matcher pass = SHOWN_PASS.matcher(setUp.out());
        assertThat(pass.find()).as(setUp.out()).isTrue();
        return pass.group(1);
    }

    /** The trainer, as 01's holder at My Security Info: signs in with the pass and registers a passkey. */
    private static void registerKey(CliOverSim cli, String pass) throws Exception {
        assertThat(cli.demo().signInWithTemporaryAccessPass(BG1, pass).path("outcome").asText()).isEqualTo("signedIn");
        assertThat(cli.demo().registerPasskey(BG1, "YubiKey 5C NFC", "ee882879-721c-4913-9775-3dfcce97072a")
                .path("outcome").asText()).isEqualTo("registered");
    }

    @Test
    void withoutTheKeysItNamesWhoHasNoneAndDeletesNothing() {
        try (CliOverSim cli = new CliOverSim("breakglass-gaps", data)) {
            setUp(cli);

            Result finish = cli.run("breakglass", "finish", "--yes");

            assertThat(finish.code()).isEqualTo(ExitCodes.NOT_ALLOWED);
            assertThat(finish.text()).contains("Register one FIDO2 key per account \u2014 waiting for keys")
                    .doesNotContain("Clean up the emergency-access");
            assertThat(finish.errText()).contains("nothing was sent")
                    .contains("Waiting for keys: Emergency Access 01 (" + BG1 + ") holds a usable pass")
                    .contains("https://aka.ms/mysecurityinfo");
            assertThat(cli.run("breakglass", "status").text()).as("02's pass and phone are still there")
                    .contains("Temporary Access Pass");
        }
    }

    @Test
    void afterTheKeyIsRegisteredTheCleanUpRunsIsVerifiedAndASecondRunChangesNothing() throws Exception {
        try (CliOverSim cli = new CliOverSim("breakglass-gaps", data)) {
            registerKey(cli, setUp(cli));

            Result finish = cli.run("breakglass", "finish", "--yes");

            assertThat(finish.code()).as(finish.err()).isEqualTo(ExitCodes.OK);
            assertThat(finish.text()).contains("Register one FIDO2 key per account \u2014 nothing to do")
                    .contains("YubiKey 5C NFC").contains("Plan: Clean up the emergency-access accounts")
                    .contains("DELETE /users/").contains("/authentication/temporaryAccessPassMethods/")
                    .contains("/authentication/phoneMethods/").contains("/assignLicense")
                    .contains("\u2014 verified").contains("Clean: every emergency-access account has its FIDO2 key");

            Result again = cli.run("breakglass", "finish", "--yes");

            assertThat(again.code()).as(again.err()).isEqualTo(ExitCodes.OK);
            assertThat(again.text()).contains("Nothing to change").doesNotContain("Plan:");
        }
    }

    @Test
    void withWaitItPrintsTheKeyAsItArrivesThenPlansTheCleanUp() throws Exception {
        try (CliOverSim cli = new CliOverSim("breakglass-gaps", data)) {
            String pass = setUp(cli);
            StringWriter err = new StringWriter();
            // the user registers once the command says it waits, however long its reads took before that
            CompletableFuture<Void> user = CompletableFuture.runAsync(() -> {
                try {
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
                    while (!err.toString().contains("Waiting up to") && System.nanoTime() < until) {
                        Thread.sleep(50);
                    }
                    registerKey(cli, pass);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            Result finish = cli.watchingErr(err, "breakglass", "finish", "--wait", "30", "--keep-licences",
                    "--dry-run");
            user.get(5, TimeUnit.SECONDS);

            assertThat(finish.code()).as(finish.err()).isEqualTo(ExitCodes.OK);
            assertThat(finish.errText()).contains("Waiting up to 30 s for the keys of Emergency Access 01")
                    .contains("Key registered: Emergency Access 01 (" + BG1 + "): YubiKey 5C NFC");
            assertThat(finish.text()).contains("Plan: Clean up the emergency-access accounts")
                    .doesNotContain("/assignLicense").contains("keeps its licence").contains("Dry run");
        }
    }

    @Test
    void aNegativeWaitIsAUsageError() {
        try (CliOverSim cli = new CliOverSim("baseline", data)) {
            Result finish = cli.run("breakglass", "finish", "--wait", "-1", "--dry-run");

            assertThat(finish.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(finish.errText()).contains("--wait");
        }
    }
}
