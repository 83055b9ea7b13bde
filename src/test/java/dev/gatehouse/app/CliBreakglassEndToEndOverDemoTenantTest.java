package dev.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.app.CliOverSim.Result;
import dev.gatehouse.cli.ExitCodes;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done means", on the command line: on each scenario, set-up or repair, the keys registered as the
 * demo's end user would, the clean-up, the exclusions and a drill leave the health view all green; running every
 * command again changes nothing.
 */
class CliBreakglassEndToEndOverDemoTenantTest {

    private static final String GROUP = "Emergency Access Accounts";
    private static final Pattern SHOWN_PASS = Pattern.compile("Temporary Access Pass to [^(\\n]+\\(([^)]+)\\)"
            + "[\\s\\S]*?shown once and saved nowhere[^\\n]*\\n\\s+(\\S+)");
    private static final String[] KEYS = {"ee882879-721c-4913-9775-3dfcce97072a", "833b721a-ff5f-4d00-bb2e-bdda3ec01e29"};

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "breakglass-gaps", "new-hires"})
    void setUpOrRepairThenKeysCleanUpExclusionsAndADrillEndAllGreenAndASecondPassChangesNothing(String scenario)
            throws Exception {
        try (CliOverSim cli = new CliOverSim(scenario, data)) {
            assertThat(cli.run("breakglass", "group", "--set", GROUP).code()).isEqualTo(ExitCodes.OK);
            Result setUp = cli.run("breakglass", "setup", "--yes", "--show-secret");
            assertThat(setUp.code()).as(setUp.err() + setUp.out()).isEqualTo(ExitCodes.OK);

            List<String> played = new ArrayList<>();
            Matcher pass = SHOWN_PASS.matcher(setUp.out());
            while (pass.find()) { // each account without a key, as its holder at My Security Info
                String upn = pass.group(1);
                assertThat(cli.demo().signInWithTemporaryAccessPass(upn, pass.group(2)).path("outcome").asText())
                        .as(upn).isEqualTo("signedIn");
                assertThat(cli.demo().registerPasskey(upn, "Demo key", KEYS[played.size() % KEYS.length])
                        .path("outcome").asText()).isEqualTo("registered");
                played.add(upn);
            }
            if (scenario.equals("breakglass-gaps")) {
                assertThat(played).as("only 01 had no key").containsExactly("bg-admin-01@tailspintoys.onmicrosoft.com");
            } else {
                assertThat(played).as("every account has its key already").isEmpty();
            }

            Result finish = cli.run("breakglass", "finish", "--yes");
            assertThat(finish.code()).as(finish.err() + finish.out()).isEqualTo(ExitCodes.OK);
            Result exclude = cli.run("breakglass", "exclude", "--yes");
            assertThat(exclude.code()).as(exclude.err() + exclude.out()).isEqualTo(ExitCodes.OK);
            assertThat(cli.run("breakglass", "drill", "--done").code()).isEqualTo(ExitCodes.OK);

            Result status = cli.run("breakglass", "status", "--json");
            JsonNode health = new ObjectMapper().readTree(status.out());
            List<String> notGreen = new ArrayList<>();
            health.path("group").path("checks").forEach(c -> notGreen(notGreen, "group", c));
            health.path("accounts").forEach(a -> a.path("checks").forEach(c -> notGreen(notGreen,
                    a.path("userPrincipalName").asText(), c)));
            assertThat(notGreen).as(scenario).isEmpty();
            assertThat(status.code()).isEqualTo(ExitCodes.OK);
            assertThat(health.path("verdict").asText()).isEqualTo("green");

            String[][] again = {{"setup", "Nothing to change"}, {"finish", "Nothing to change"},
                    {"exclude", "nothing to send"}};
            for (String[] command : again) {
                Result rerun = cli.run("breakglass", command[0], "--yes");
                assertThat(rerun.code()).as(command[0] + ": " + rerun.err()).isEqualTo(ExitCodes.OK);
                assertThat(rerun.text()).as(command[0]).contains(command[1]).doesNotContain("shown once")
                        .doesNotContain("Dry run");
            }
            assertThat(cli.run("breakglass", "status").code()).isEqualTo(ExitCodes.OK);
        }
    }

    private static void notGreen(List<String> found, String where, JsonNode check) {
        if (!check.path("verdict").asText().equals("green")) {
            found.add(where + " " + check.path("id").asText() + ": " + check.path("reason").asText());
        }
    }
}
