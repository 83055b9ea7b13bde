package dev.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.ExitCodes;
import dev.gatehouse.cli.GatehouseCli;
import dev.gatehouse.cli.InterruptSignal;
import dev.gatehouse.cli.Terminal;
import dev.gatehouse.domain.procedure.LockHoldingProcess;
import dev.gatehouse.domain.procedure.RunKey;
import dev.gatehouse.domain.recovery.CompromisedAccountPlaybook;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `gatehouse user <action>` end to end: picocli → recovery desk → Graph SDK → HTTP → a demo tenant started per test,
 * reached with --graph-endpoint so that one tenant outlives several CLI runs. After each run the user is read back
 * with `user show --json`: a dry run leaves them as they were, a confirmed run leaves them as the plan said.
 */
class CliRecoveryOverDemoTenantTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALEX = "alex.wilber@tailspintoys.com";
    private static final String PRADEEP = "pradeep.gupta@tailspintoys.com";
    private static final String SANDRA = "sandra.chen@tailspintoys.com";
    private static final String SOFIA = "sofia.rossi@tailspintoys.com";
    private static final String MEGAN = "megan.bowen@tailspintoys.com";

    @TempDir
    Path data;

    private SimServer sim;
    private final Map<String, String> environment = new HashMap<>(Map.of("GATEHOUSE_ACCESS_TOKEN", "demo"));
    private final ScriptedTerminal terminal = new ScriptedTerminal();
    private final PressableCtrlC ctrlC = new PressableCtrlC();

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

    private Result run(boolean withTerminal, String... args) {
        return runIn(data, withTerminal, args);
    }

    /** The CLI with its data folder in {@code folder}: another folder is another admin's computer. */
    private Result runIn(Path folder, boolean withTerminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--graph-endpoint", sim.serviceRoot()));
        int code = new GatehouseCli(new GatehouseConnector(environment::get), new PrintWriter(out),
                new PrintWriter(err), withTerminal ? Optional.of(terminal) : Optional.empty(), ctrlC, folder)
                .run(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private Result headless(String... args) {
        return run(false, args);
    }

    /** The user as the tenant has them now. */
    private JsonNode show(String upn) throws IOException {
        Result show = headless("user", "show", upn, "--json");
        assertThat(show.code()).as(show.err()).isEqualTo(ExitCodes.OK);
        return show.json();
    }

    private static List<String> methodTypes(JsonNode user) {
        return StreamSupport.stream(user.get("methods").spliterator(), false).map(m -> m.get("type").asText())
                .sorted().toList();
    }

    private static String methodId(JsonNode user, String type) {
        return method(user, type).get("id").asText();
    }

    private JsonNode demo(String path, String body) throws IOException, InterruptedException {
        String root = sim.serviceRoot().replaceFirst("/v1\\.0$", "");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer trainer")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private JsonNode signInWithPassword(String upn, String password) throws Exception {
        return demo("/_demo/users/" + upn + "/signIn/password", JSON.createObjectNode().put("password", password)
                .toString());
    }

    private JsonNode signInWithPass(String upn, String pass) throws Exception {
        return demo("/_demo/users/" + upn + "/signIn/temporaryAccessPass",
                JSON.createObjectNode().put("temporaryAccessPass", pass).toString());
    }

    @Test
    void aDryRunOfEveryActionPrintsItsPlanAndChangesNothing() throws Exception {
        start("baseline");
        List<String> users = List.of(ALEX, PRADEEP, SANDRA, SOFIA, MEGAN);
        Map<String, JsonNode> before = new HashMap<>();
        for (String upn : users) {
            before.put(upn, show(upn));
        }
        String oath = methodId(before.get(SOFIA), "softwareOath");
        List<List<String>> commands = List.of(
                List.of("reset-password", PRADEEP, "--two-parts"),
                List.of("require-reregister", SOFIA, "--issue-tap"),
                List.of("revoke-sessions", MEGAN),
                List.of("issue-tap", SANDRA, "--lifetime", "60"),
                List.of("delete-method", SOFIA, oath),
                List.of("disable", SOFIA),
                List.of("recover", ALEX));

        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(List.of("user"));
            args.addAll(command);
            args.add("--dry-run");
            Result text = headless(args.toArray(String[]::new));
            assertThat(text.code()).as(command + ": " + text.err()).isEqualTo(ExitCodes.OK);
            assertThat(text.out()).as(command.toString()).contains("Plan: ").contains("Step 1 of ")
                    .contains("Permission").contains("Dry run: nothing was sent");
            args.add("--json");
            Result json = headless(args.toArray(String[]::new));
            assertThat(json.code()).as(command + ": " + json.err()).isEqualTo(ExitCodes.OK);
            assertThat(json.json().path("dryRun").asBoolean()).isTrue();
            assertThat(json.json().at("/plan/steps/0/requests/0/path").asText()).startsWith("/users/");
        }

        for (String upn : users) {
            assertThat(show(upn)).as(upn + " after the dry runs").isEqualTo(before.get(upn));
        }
    }

    @Test
    void requireReregisterOnTheCompromisedUserDeletesWhatThePlanListed() throws Exception {
        start("compromised");
        Result plan = headless("user", "require-reregister", ALEX, "--dry-run");
        assertThat(plan.out()).contains("These 4 methods will be deleted").contains("These stay: Password");

        Result run = headless("user", "require-reregister", ALEX, "--yes");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("[1/1] Delete phone, Authenticator and OATH methods…").contains("(4 of 4)");
        assertThat(run.out()).contains("The one step of \"Require re-register MFA\" is done.");
        assertThat(methodTypes(show(ALEX))).containsExactly("password");
    }

    @Test
    void withoutATerminalAWriteNeedsYesAndNothingIsSent() throws Exception {
        start("baseline");
        JsonNode before = show(SOFIA);

        Result refused = headless("user", "disable", SOFIA);

        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("no terminal to confirm on").contains("--yes").contains("--dry-run");
        assertThat(show(SOFIA)).isEqualTo(before);
    }

    @Test
    void disableThenEnableFollowThePlan() throws Exception {
        start("baseline");

        Result disable = headless("user", "disable", SOFIA, "--yes");
        assertThat(disable.code()).as(disable.err()).isEqualTo(ExitCodes.OK);
        assertThat(disable.out()).contains("does not recall tokens already issued");
        assertThat(show(SOFIA).at("/profile/accountEnabled").asBoolean()).isFalse();

        Result again = headless("user", "disable", SOFIA, "--yes");
        assertThat(again.code()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("nothing to do").contains("already disabled");

        Result enable = headless("user", "enable", SOFIA, "--yes");
        assertThat(enable.code()).as(enable.err()).isEqualTo(ExitCodes.OK);
        assertThat(show(SOFIA).at("/profile/accountEnabled").asBoolean()).isTrue();
    }

    @Test
    void deleteMethodDeletesExactlyThatMethodAndAnUnknownIdIsNotFound() throws Exception {
        start("baseline");
        String oath = methodId(show(SOFIA), "softwareOath");

        Result unknown = headless("user", "delete-method", SOFIA, "00000000-0000-0000-0000-000000000000", "--yes");
        Result delete = headless("user", "delete-method", SOFIA, oath, "--yes", "--json");

        assertThat(unknown.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unknown.err()).contains("has no method with id");
        assertThat(delete.code()).as(delete.err()).isEqualTo(ExitCodes.OK);
        assertThat(delete.json().path("completed").asBoolean()).isTrue();
        assertThat(methodTypes(show(SOFIA))).containsExactly("password", "phone");
    }

    @Test
    void revokeSessionsMovesSessionsValidFrom() throws Exception {
        start("baseline");
        String before = show(MEGAN).at("/profile/signInSessionsValidFromDateTime").asText();

        Result run = headless("user", "revoke-sessions", MEGAN, "--yes");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(show(MEGAN).at("/profile/signInSessionsValidFromDateTime").asText()).isGreaterThan(before);
    }

    @Test
    void revokeMfaSessionsExplainsTheMissingApiAndSendsNothing() throws Exception {
        start("baseline");
        JsonNode before = show(MEGAN);

        Result text = headless("user", "revoke-mfa-sessions", MEGAN, "--yes");
        Result json = headless("user", "revoke-mfa-sessions", MEGAN, "--json");

        assertThat(text.code()).isEqualTo(ExitCodes.NO_API);
        assertThat(text.out()).contains("Microsoft Graph has no API for \"Revoke MFA sessions\"")
                .contains("gatehouse user revoke-sessions " + MEGAN);
        assertThat(json.code()).isEqualTo(ExitCodes.NO_API);
        assertThat(json.json().path("status").asText()).isEqualTo("noApi");
        assertThat(json.json().path("alternative").asText()).isEqualTo("revoke-sessions");
        assertThat(show(MEGAN)).isEqualTo(before);
    }

    @Test
    void resetPasswordWithoutATerminalNeedsShowSecretAndThenTheSecretWorks() throws Exception {
        start("baseline");
        JsonNode before = show(PRADEEP);

        Result refused = headless("user", "reset-password", PRADEEP, "--yes", "--json");
        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("nobody would ever see it").contains("--show-secret");
        assertThat(show(PRADEEP)).isEqualTo(before);

        Result run = headless("user", "reset-password", PRADEEP, "--yes", "--json", "--show-secret");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        String password = run.json().at("/secrets/0/value").asText();
        assertThat(password).hasSize(16);
        assertThat(run.json().at("/secrets/0/label").asText()).isEqualTo("Temporary password");
        assertThat(signInWithPassword(PRADEEP, password).path("outcome").asText()).isEqualTo("passwordAccepted");
        assertThat(show(PRADEEP).at("/profile/signInSessionsValidFromDateTime").asText())
                .isGreaterThan(before.at("/profile/signInSessionsValidFromDateTime").asText());
        assertThat(java.nio.file.Files.readString(data.resolve("journal.jsonl"))).contains("Reset password")
                .doesNotContain(password);
    }

    @Test
    void onATerminalThePasswordIsShownThereInTwoPartsAndNeverInTheJson() throws Exception {
        start("baseline");
        terminal.answers.add("y");

        Result run = run(true, "user", "reset-password", PRADEEP, "--two-parts", "--json");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(terminal.prompts).containsExactly("Run this step on Pradeep Gupta (" + PRADEEP + ")? [y/N] ");
        Matcher parts = Pattern.compile("Part 1 of 2: (\\S+)\\R\\s+Part 2 of 2: (\\S+)").matcher(terminal.screen());
        assertThat(parts.find()).as(terminal.screen()).isTrue();
        String password = parts.group(1) + parts.group(2);
        assertThat(run.out()).doesNotContain(parts.group(1)).doesNotContain(parts.group(2));
        assertThat(run.json().at("/secrets/0/shownOn").asText()).isEqualTo("terminal");
        assertThat(signInWithPassword(PRADEEP, password).path("outcome").asText()).isEqualTo("passwordAccepted");
    }

    @Test
    void issueTapWithinThePolicyLeavesOnePassThatSignsIn() throws Exception {
        start("baseline");

        Result outOfRange = headless("user", "issue-tap", SANDRA, "--lifetime", "100000", "--yes", "--show-secret");
        assertThat(outOfRange.code()).isEqualTo(ExitCodes.NOT_ALLOWED);
        assertThat(outOfRange.err()).contains("outside this tenant's TAP policy");
        assertThat(outOfRange.out() + outOfRange.err()).as("the refusal is said once")
                .containsOnlyOnce("outside this tenant's TAP policy");
        assertThat(outOfRange.out()).contains("Issue Temporary Access Pass for Sandra Chen").contains("not possible");
        assertThat(methodTypes(show(SANDRA))).doesNotContain("temporaryAccessPass");

        Result run = headless("user", "issue-tap", SANDRA, "--lifetime", "60", "--yes", "--show-secret");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        Matcher pass = Pattern.compile("== Temporary Access Pass, shown once.*\\R\\s+(\\S+)").matcher(run.out());
        assertThat(pass.find()).as(run.out()).isTrue();
        assertThat(methodTypes(show(SANDRA))).containsOnlyOnce("temporaryAccessPass");
        assertThat(signInWithPass(SANDRA, pass.group(1)).path("outcome").asText()).isEqualTo("signedIn");
    }

    @Test
    void anAuthenticationAdministratorActingOnAGlobalAdministratorGetsTheExplanationAndExitFour() throws Exception {
        start("baseline");
        JsonNode before = show("isaiah.langer@tailspintoys.com");
        environment.put("GATEHOUSE_ACCESS_TOKEN", "sim-user:patti.fernandez@tailspintoys.com");

        Result refused = headless("user", "reset-password", "isaiah.langer@tailspintoys.com", "--yes", "--show-secret");

        assertThat(refused.code()).isEqualTo(ExitCodes.NOT_ALLOWED);
        assertThat(refused.out()).contains("not possible");
        assertThat(refused.err()).startsWith("gatehouse: nothing was sent: ").contains("Global Administrator")
                .contains("Privileged Authentication Administrator");
        environment.put("GATEHOUSE_ACCESS_TOKEN", "demo");
        assertThat(show("isaiah.langer@tailspintoys.com")).isEqualTo(before);
    }

    @Test
    void policyShowsEachMethodForTheUserAndThroughWhichTarget() throws Exception {
        start("baseline");

        Result text = headless("user", "policy", SANDRA);
        Result json = headless("user", "policy", SANDRA, "--json");

        assertThat(text.code()).as(text.err()).isEqualTo(ExitCodes.OK);
        assertThat(text.out()).contains("METHOD").contains("FOR THIS USER").contains("THROUGH")
                .contains("Temporary Access Pass");
        JsonNode rows = json.json().at("/policy/rows");
        assertThat(rows.size()).isGreaterThan(3);
        assertThat(StreamSupport.stream(rows.spliterator(), false).map(r -> r.get("method").asText()))
                .contains("TemporaryAccessPass", "Fido2");
    }

    @Test
    void thePlaybookStoppedByCtrlCContinuesWhereItStoppedWhenRunAgain() throws Exception {
        start("compromised");
        terminal.answers.add("y");
        terminal.answers.add("y");
        terminal.onScreen("Temporary password", ctrlC::press);

        Result stopped = run(true, "user", "recover", ALEX, "--json");

        assertThat(stopped.code()).as(stopped.err()).isEqualTo(ExitCodes.CANCELLED);
        assertThat(stopped.json().path("completed").asBoolean()).isFalse();
        assertThat(stopped.json().path("summary").asText()).contains("5 of 7 steps")
                .contains("Cancelled before step \"Issue a Temporary Access Pass\"");
        assertThat(stopped.out()).doesNotContain(passwordOnScreen());
        JsonNode halfway = show(ALEX);
        assertThat(halfway.at("/profile/accountEnabled").asBoolean()).isFalse();
        assertThat(methodTypes(halfway)).containsExactly("password");

        Result resumed = run(true, "user", "recover", ALEX);

        assertThat(resumed.code()).as(resumed.err()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.out()).contains("Continuing the run started").contains("2 steps")
                .contains("It stopped at: Issue a Temporary Access Pass")
                .contains("Step 1 of 2: Issue a Temporary Access Pass").contains("Step 2 of 2: Enable the account");
        assertThat(terminal.screen()).contains("Temporary Access Pass, shown once");
        JsonNode after = show(ALEX);
        assertThat(after.at("/profile/accountEnabled").asBoolean()).isTrue();
        assertThat(methodTypes(after)).containsExactly("password", "temporaryAccessPass");

        Result again = headless("user", "recover", ALEX, "--dry-run");
        assertThat(again.code()).as("a run finished minutes ago is not rerun by accident").isEqualTo(ExitCodes.NOT_ALLOWED);
        assertThat(again.err().replaceAll("\\s+", " ")).contains("finished").contains("issued a temporary password "
                + "and a Temporary Access Pass");
        assertThat(again.out()).contains("gatehouse user recover " + ALEX + " --start-over");
        Result startOver = headless("user", "recover", ALEX, "--start-over", "--yes", "--show-secret");
        assertThat(startOver.code()).as(startOver.err()).isEqualTo(ExitCodes.OK);
        assertThat(startOver.out()).doesNotContain("Delete the methods that are not the user's")
                .as("the pass handed over is not taken for the attacker's");
    }

    @Test
    void aSecondRecoverOfTheSameUserWhileOneRunsIsRefusedWithWhoRunsItAndTheUserGetsOnePass() throws Exception {
        start("compromised");
        terminal.answers.add("y");
        terminal.answers.add("y");
        Result[] second = new Result[1];
        // the second admin types the same command while the first run shows the password and goes on to the pass
        terminal.onScreen("Temporary password", () -> second[0] = headless("user", "recover", ALEX, "--yes"));

        Result first = run(true, "user", "recover", ALEX);

        assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(second[0].code()).as(second[0].err()).isEqualTo(ExitCodes.BUSY);
        assertThat(second[0].err()).contains("Another run of \u201cCompromised account\u201d on Alex Wilber")
                .contains("is in progress: ").contains(" in the gatehouse command line (process "
                        + ProcessHandle.current().pid()).contains(", since ");
        assertThat(second[0].out()).as("nothing planned, nothing sent").isEmpty();
        assertThat(methodTypes(show(ALEX))).containsExactly("password", "temporaryAccessPass");
    }

    @Test
    void aPlanConfirmedAfterAnotherAdminFinishedTheRunIsRefusedAndTheirPassKeepsWorking() throws Exception {
        start("compromised");
        terminal.answers.add("y");
        Result[] other = new Result[1];
        // while this admin reads the plan, another one runs the whole playbook from another terminal
        terminal.beforeNextAnswer = () -> other[0] = headless("user", "recover", ALEX, "--yes", "--show-secret",
                "--json");

        Result late = run(true, "user", "recover", ALEX);

        assertThat(other[0].code()).as(other[0].err()).isEqualTo(ExitCodes.OK);
        assertThat(late.code()).as(late.err()).isEqualTo(ExitCodes.BUSY);
        assertThat(late.err().replaceAll("\\s+", " ")).contains("changed after this plan was made: it was finished")
                .contains("Nothing was sent; plan it again");
        String pass = StreamSupport.stream(other[0].json().path("secrets").spliterator(), false)
                .filter(secret -> secret.path("label").asText().equals("Temporary Access Pass"))
                .map(secret -> secret.path("value").asText()).findFirst().orElseThrow();
        assertThat(new DemoControls(sim.serviceRoot()).signInWithTemporaryAccessPass(ALEX, pass)
                .path("outcome").asText()).as("the pass handed over still works").isEqualTo("signedIn");
    }

    @Test
    void userShowMarksAPassIssuedFromThisComputerAsYoursAndNotRecentButOneFromAnotherComputerAsRecent(
            @TempDir Path otherComputer) throws Exception {
        start("baseline");
        assertThat(runIn(otherComputer, false, "user", "issue-tap", PRADEEP, "--yes", "--show-secret").code())
                .isEqualTo(ExitCodes.OK);
        JsonNode theirs = method(show(PRADEEP), "temporaryAccessPass");
        assertThat(theirs.path("recent").asBoolean()).isTrue();
        assertThat(theirs.path("issuedByYou").isNull()).isTrue();

        assertThat(headless("user", "issue-tap", PRADEEP, "--yes", "--show-secret", "--despite-recent-changes")
                .code()).isEqualTo(ExitCodes.OK);
        JsonNode ours = method(show(PRADEEP), "temporaryAccessPass");
        Result text = headless("user", "show", PRADEEP);

        assertThat(ours.path("recent").asBoolean()).isFalse();
        assertThat(ours.path("issuedByYou").asText()).isNotBlank();
        assertThat(text.out()).contains("Issued by you from Gatehouse");
    }

    private static JsonNode method(JsonNode user, String type) {
        return StreamSupport.stream(user.get("methods").spliterator(), false)
                .filter(m -> m.get("type").asText().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void aPassAnotherAdminIssuedMinutesAgoIsShownAndYesAloneDoesNotReplaceIt(@TempDir Path otherComputer)
            throws Exception {
        start("baseline");
        Result theirs = runIn(otherComputer, false, "user", "issue-tap", PRADEEP, "--yes", "--show-secret");
        assertThat(theirs.code()).as(theirs.err()).isEqualTo(ExitCodes.OK);

        Result plan = headless("user", "issue-tap", PRADEEP, "--dry-run");
        Result reset = headless("user", "reset-password", PRADEEP, "--dry-run");
        Result refused = headless("user", "issue-tap", PRADEEP, "--yes", "--show-secret");
        Result anyway = headless("user", "issue-tap", PRADEEP, "--yes", "--show-secret", "--despite-recent-changes");

        assertThat(plan.out().replaceAll("\\s+", " ")).contains("A Temporary Access Pass was issued to Pradeep Gupta")
                .contains("not by Gatehouse on this computer");
        assertThat(reset.out()).as("a new password does not undo their pass").doesNotContain("not by Gatehouse");
        assertThat(refused.code()).isEqualTo(ExitCodes.BUSY);
        assertThat(refused.err()).contains("--despite-recent-changes").contains("nothing was sent");
        assertThat(anyway.code()).as(anyway.err()).isEqualTo(ExitCodes.OK);
        Result again = headless("user", "issue-tap", PRADEEP, "--yes", "--show-secret");
        assertThat(again.code()).as("a pass issued from this computer is not someone else's").isEqualTo(ExitCodes.OK);
        assertThat(again.out().replaceAll("\\s+", " ")).as("but it is said").contains("Gatehouse on this computer "
                + "issued Pradeep Gupta a Temporary Access Pass");
    }

    @Test
    void aRunLeftByAKilledProcessIsRefusedUntilTakenOverAndThenContinues() throws Exception {
        start("compromised");
        String alexId = show(ALEX).at("/profile/id").asText();
        Process killed = LockHoldingProcess.start(data, new RunKey("tailspintoys.com",
                CompromisedAccountPlaybook.PROCEDURE_ID, alexId));
        Result whileAlive = headless("user", "recover", ALEX, "--yes", "--take-over");
        LockHoldingProcess.kill(killed);

        Result refused = headless("user", "recover", ALEX, "--yes");
        Result dryRun = headless("user", "recover", ALEX, "--dry-run");
        Result takenOver = headless("user", "recover", ALEX, "--yes", "--take-over", "--show-secret");

        assertThat(whileAlive.code()).as("a live run is never taken over").isEqualTo(ExitCodes.BUSY);
        assertThat(whileAlive.err()).contains("is in progress: " + LockHoldingProcess.ACTOR);
        assertThat(refused.code()).isEqualTo(ExitCodes.BUSY);
        assertThat(refused.err()).contains("was left unfinished by " + LockHoldingProcess.ACTOR)
                .contains("(process " + killed.pid()).contains("add --take-over");
        assertThat(dryRun.code()).as(dryRun.err()).isEqualTo(ExitCodes.OK);
        assertThat(dryRun.out().replaceAll("\\s+", " ")).contains("was left unfinished by " + LockHoldingProcess.ACTOR);
        assertThat(takenOver.code()).as(takenOver.err()).isEqualTo(ExitCodes.OK);
        assertThat(methodTypes(show(ALEX))).containsExactly("password", "temporaryAccessPass");
        assertThat(headless("user", "recover", ALEX, "--dry-run").out()).doesNotContain("left unfinished");
        assertOwnerOnly(data);
    }

    /** The journal, saved runs, locks and settings are the owner's alone (POSIX: folders 0700, files 0600). */
    private static void assertOwnerOnly(Path folder) throws IOException {
        if (!java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(folder)) {
            assertThat(all.toList()).isNotEmpty().allSatisfy(path -> assertThat(
                    java.nio.file.attribute.PosixFilePermissions.toString(
                            java.nio.file.Files.getPosixFilePermissions(path))).as(path.toString())
                    .isEqualTo(java.nio.file.Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }

    @Test
    void thePlaybookTakesDeleteAndKeepAndRefusesIdsTheUserDoesNotHave() throws Exception {
        start("compromised");
        JsonNode alex = show(ALEX);
        // both of the attacker's methods are preselected: the Authenticator by its date, the +44 phone by the audit log
        String attackers = StreamSupport.stream(alex.get("methods").spliterator(), false)
                .filter(m -> m.get("summary").asText().matches("SM-A546B|\\+44.*")).map(m -> m.get("id").asText())
                .collect(java.util.stream.Collectors.joining(","));
        assertThat(attackers.split(",")).hasSize(2);

        Result kept = headless("user", "recover", ALEX, "--keep", attackers, "--dry-run");
        Result unknown = headless("user", "recover", ALEX, "--delete", "not-a-method", "--dry-run");

        assertThat(kept.code()).as(kept.err()).isEqualTo(ExitCodes.OK);
        assertThat(kept.out()).doesNotContain("Delete the methods that are not the user's");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("has no method not-a-method").contains(attackers.split(",")[0]);
    }

    @Test
    void aLifetimeOutsideTheTapPolicyIsRefusedOnceBeforeAnythingIsSent() throws Exception {
        start("compromised");
        JsonNode before = show(ALEX);

        Result refused = headless("user", "recover", ALEX, "--lifetime", "100000", "--yes", "--show-secret");

        assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.NOT_ALLOWED);
        assertThat(refused.out() + refused.err()).as("the refusal is said once")
                .containsOnlyOnce("A lifetime of 100000 minutes is outside this tenant's TAP policy: 60–480 minutes (default 60).");
        assertThat(show(ALEX)).isEqualTo(before);
    }

    @Test
    void thePlaybookTakesTheWindowsOptionsPassLifetimeMultiUseNoPasswordResetAndLeftDisabled() throws Exception {
        start("compromised");
        JsonNode before = show(ALEX);
        String[] options = {"--lifetime", "120", "--multi-use", "--skip-password-reset", "--leave-disabled"};

        Result plan = headless(concat(new String[]{"user", "recover", ALEX, "--dry-run", "--json"}, options));
        Result run = headless(concat(new String[]{"user", "recover", ALEX, "--yes", "--show-secret"}, options));

        assertThat(plan.code()).as(plan.err()).isEqualTo(ExitCodes.OK);
        List<String> steps = StreamSupport.stream(plan.json().at("/plan/steps").spliterator(), false)
                .map(step -> step.get("id").asText()).toList();
        assertThat(steps).contains("issue-tap").doesNotContain("reset-password", "enable");
        assertThat(plan.json().at("/plan/warnings").toString()).contains("The password is not reset, as you chose");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode after = show(ALEX);
        assertThat(after.at("/profile/accountEnabled").asBoolean()).isFalse();
        assertThat(after.at("/profile/lastPasswordChangeDateTime"))
                .isEqualTo(before.at("/profile/lastPasswordChangeDateTime"));
        JsonNode pass = method(after, "temporaryAccessPass");
        assertThat(pass.at("/details/lifetimeInMinutes").asInt()).isEqualTo(120);
        assertThat(pass.at("/details/isUsableOnce").asBoolean(true)).isFalse();
    }

    @Test
    void contradictoryPasswordOptionsAreRefused() throws Exception {
        start("compromised");

        Result both = headless("user", "recover", ALEX, "--skip-password-reset", "--reset-password", "--dry-run");

        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--skip-password-reset and --reset-password contradict each other");
    }

    private static String[] concat(String[] first, String[] second) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(second))
                .toArray(String[]::new);
    }

    private String passwordOnScreen() {
        Matcher password = Pattern.compile("Temporary password, shown once.*\\R\\s+(\\S+)").matcher(terminal.screen());
        assertThat(password.find()).as(terminal.screen()).isTrue();
        return password.group(1);
    }

    /** A terminal with scripted answers; can react to what it shows, as an admin pressing Ctrl+C would. */
    private static final class ScriptedTerminal implements Terminal {
        final List<String> answers = new ArrayList<>();
        final List<String> prompts = new ArrayList<>();
        private final StringBuilder screen = new StringBuilder();
        private String trigger;
        private Runnable reaction;

        private final PrintWriter writer = new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                screen.append(chars, offset, length);
            }

            @Override
            public void flush() {
                if (trigger != null && screen.indexOf(trigger) >= 0) {
                    trigger = null;
                    reaction.run();
                }
            }

            @Override
            public void close() {
            }
        });

        void onScreen(String text, Runnable then) {
            trigger = text;
            reaction = then;
        }

        String screen() {
            writer.flush();
            return screen.toString();
        }

        /** Runs once, before the next prompt is answered: what happens while the admin reads the plan. */
        Runnable beforeNextAnswer;

        @Override
        public String readLine(String prompt) {
            prompts.add(prompt);
            if (beforeNextAnswer != null) {
                Runnable meanwhile = beforeNextAnswer;
                beforeNextAnswer = null;
                meanwhile.run();
            }
            return answers.isEmpty() ? null : answers.remove(0);
        }

        @Override
        public PrintWriter writer() {
            return writer;
        }
    }

    private static final class PressableCtrlC implements InterruptSignal {
        private Runnable handler;

        @Override
        public Registration watch(Runnable onInterrupt) {
            handler = onInterrupt;
            return () -> handler = null;
        }

        void press() {
            handler.run();
        }
    }
}
