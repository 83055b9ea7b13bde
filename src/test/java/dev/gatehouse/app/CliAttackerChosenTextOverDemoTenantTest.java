package dev.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.GatehouseCli;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * Names an attacker chooses, end to end: a demo tenant whose Authenticator device name, user display name, group name
 * and Conditional Access policy name hold terminal escape sequences, CR/LF, C1 controls, a bidi override and
 * zero-width characters. Every command that shows them prints them inert (visible escapes, no fake row), and
 * --json keeps them exact.
 */
class CliAttackerChosenTextOverDemoTenantTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALEX = "alex.wilber@tailspintoys.com";
    private static final String MEGAN = "megan.bowen@tailspintoys.com";

    private static final String ESC = "\u001b";
    private static final String CSI = "\u009b";
    private static final String RLO = "\u202e";
    private static final String ZWSP = "\u200b";
    private static final String FAKE_ROW = "  Microsoft Authenticator  ALL METHODS VERIFIED OK";

    /** Erases its own line, draws a fake verified row, moves up and reverses what follows. */
    static final String DEVICE = "Pixel 8" + ESC + "[2K\r" + FAKE_ROW + "\n" + ESC + "[1A" + CSI + "2K" + RLO
            + "KOOL" + ZWSP;
    static final String DISPLAY_NAME = "Alex Wilber" + ESC + "]0;owned\u0007" + RLO + "rebliW";
    static final String GROUP = "Emergency" + ZWSP + " Access" + ESC + "[8m hidden";
    static final String GROUP_ID = "5f1e3a00-0000-4000-8000-00000000bad1";
    static final String POLICY = "CA001: Require MFA\r\nCA000: ALL USERS EXEMPT" + "\u2066";
    /** Ordinary names in other scripts must come out exactly as they are. */
    static final String WORLD_NAME = "Megan \u0645\u062d\u0645\u062f \u05d3\u05d5\u05d3 \u738b\u5c0f\u660e Zo\u00eb";

    @TempDir
    Path data;

    private SimServer sim;

    private record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @BeforeEach
    void start() throws IOException {
        sim = SimServer.start(SimOptions.defaults().withScenario(hostileScenario(data).toString()));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** The compromised scenario with the attacker's names: a scenario file written here, nothing bundled changes. */
    static Path hostileScenario(Path folder) throws IOException {
        ObjectNode scenario = JSON.createObjectNode().put("extends", "compromised").put("name", "hostile-names")
                .put("description", "Names that try to fake a screen.");
        ArrayNode users = scenario.putArray("users");
        ObjectNode alex = users.addObject().put("userPrincipalName", ALEX).put("displayName", DISPLAY_NAME);
        alex.putArray("methods").addObject().put("type", "microsoftAuthenticator").put("displayName", DEVICE)
                .put("deviceTag", "SoftwareTokenActivated").put("phoneAppVersion", "6.2405.3201")
                .put("createdDateTime", "-2h");
        users.addObject().put("userPrincipalName", MEGAN).put("displayName", WORLD_NAME);
        ObjectNode group = scenario.putArray("groups").addObject().put("id", GROUP_ID).put("displayName", GROUP)
                .put("isAssignableToRole", true).put("securityEnabled", true).put("createdDateTime", "-3d");
        group.putArray("members").add("bg-admin-01@tailspintoys.onmicrosoft.com")
                .add("bg-admin-02@tailspintoys.onmicrosoft.com");
        scenario.putArray("conditionalAccessPolicies").addObject().put("id", "39c58679-3d46-5db1-9818-2292f5148b78")
                .put("displayName", POLICY);
        Path file = folder.resolve("hostile-names.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(scenario));
        return file;
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--graph-endpoint", sim.serviceRoot()));
        int code = new GatehouseCli(new GatehouseConnector(Map.of("GATEHOUSE_ACCESS_TOKEN", "demo")::get),
                new PrintWriter(out), new PrintWriter(err), Optional.empty(), onInterrupt -> () -> { }, data)
                .run(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** Nothing a terminal interprets, and every line break one the program wrote. */
    private static void assertInert(Result result, String what) {
        for (String stream : List.of(result.out(), result.err())) {
            assertThat(stream).as(what).doesNotContain(ESC).doesNotContain(CSI).doesNotContain("\r")
                    .doesNotContain(RLO).doesNotContain(ZWSP).doesNotContain("\u2066").doesNotContain("\u0007");
            assertThat(stream.lines()).as(what + ": no line of the attacker's own")
                    .noneMatch(line -> line.strip().startsWith("Microsoft Authenticator  ALL METHODS VERIFIED OK"))
                    .noneMatch(line -> line.strip().startsWith("CA000: ALL USERS EXEMPT"));
        }
    }

    @Test
    void userShowPrintsTheDeviceNameInertOnItsOwnRow() {
        Result show = run("user", "show", ALEX);

        assertThat(show.code()).as(show.err()).isEqualTo(ExitCodes.OK);
        assertInert(show, "user show");
        assertThat(show.out())
                .contains("Alex Wilber\\x1b]0;owned\\x07\\u202ErebliW <" + ALEX + ">")
                .contains("Pixel 8\\x1b[2K\\r" + FAKE_ROW + "\\n\\x1b[1A\\u009B2K\\u202EKOOL\\u200B");
    }

    @Test
    void aDryRunOfTheRecoveryPrintsEveryNameInert() {
        Result plan = run("user", "recover", ALEX, "--dry-run");

        assertThat(plan.code()).as(plan.err()).isEqualTo(ExitCodes.OK);
        assertInert(plan, "recover --dry-run");
        assertThat(plan.out()).contains("Dry run: nothing was sent").contains("\\u202EKOOL\\u200B")
                .contains("\\u202ErebliW");
    }

    @Test
    void usersListPrintsDisplayNamesInertAndOtherScriptsAsTheyAre() {
        Result list = run("users", "list");
        Result search = run("users", "list", "--search", "Alex");

        assertThat(list.code()).as(list.err()).isEqualTo(ExitCodes.OK);
        assertInert(list, "users list");
        assertInert(search, "users list --search");
        assertThat(list.out()).contains("Alex Wilber\\x1b]0;owned\\x07\\u202ErebliW").contains(WORLD_NAME);
        assertThat(search.out()).contains("\\u202ErebliW");
    }

    @Test
    void breakglassGroupPrintsGroupAndPolicyNamesInert() {
        Result shown = run("breakglass", "group");
        Result chosen = run("breakglass", "group", "--set", GROUP_ID);

        assertThat(shown.code()).as(shown.err()).isEqualTo(ExitCodes.OK);
        assertThat(chosen.code()).as(chosen.err()).isEqualTo(ExitCodes.OK);
        assertInert(shown, "breakglass group");
        assertInert(chosen, "breakglass group --set");
        assertThat(chosen.out()).contains("Emergency\\u200B Access\\x1b[8m hidden");
    }

    @Test
    void whatTheUserTypedIsEchoedInertInAnError() {
        Result missing = run("user", "show", "nobody" + ESC + "[2J" + RLO + "@tailspintoys.com");

        assertThat(missing.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertInert(missing, "an error naming the input");
        assertThat(missing.err()).contains("nobody\\x1b[2J\\u202E@tailspintoys.com");
    }

    @Test
    void jsonKeepsEveryNameExactAsValidJson() throws Exception {
        Result show = run("user", "show", ALEX, "--json");
        Result plan = run("user", "recover", ALEX, "--dry-run", "--json");
        Result list = run("users", "list", "--json");
        Result group = run("breakglass", "group", "--json");

        for (Result json : List.of(show, plan, list, group)) {
            assertThat(json.code()).as(json.err()).isEqualTo(ExitCodes.OK);
            assertInert(json, "--json");
            assertThat(json.out()).contains("\\u001B");
        }
        assertThat(texts(show.json())).contains(DEVICE, DISPLAY_NAME);
        assertThat(texts(plan.json())).anyMatch(text -> text.contains(DISPLAY_NAME));
        assertThat(texts(list.json())).contains(DISPLAY_NAME, WORLD_NAME);
        assertThat(texts(group.json())).anyMatch(text -> text.contains(POLICY) || text.contains(GROUP));
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> texts.addAll(texts(child)));
        return texts;
    }
}
