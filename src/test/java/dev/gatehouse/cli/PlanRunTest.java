package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.PlanExecutor;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepAction;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.tenant.RequiredAccess;
import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantConnector;
import dev.gatehouse.domain.tenant.TenantException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write machinery every `user <action>` command shares, on hand-built plans whose steps only record that
 * they ran: dry run, confirmation, progress, secrets, cancellation, failures and their exit codes.
 */
class PlanRunTest {

    private static final String TAP_VALUE = "Xq7!pL2#mN9$";

    @TempDir
    Path data;

    private final List<String> sent = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final FakeTerminal terminal = new FakeTerminal();
    private final FakeCtrlC ctrlC = new FakeCtrlC();
    private Secret issued;
    private Plan plan;
    private boolean twoParts;

    private final TenantConnector noTenant = new TenantConnector() {
        @Override
        public TenantConnection connectDemo(String scenario) {
            throw new AssertionError("the plan commands here never connect");
        }

        @Override
        public TenantConnection connectTenant(SignInRequest request, SignInPrompt prompt) {
            throw new AssertionError("the plan commands here never connect");
        }
    };

    /** Runs the test's plan the way the recovery commands run theirs. */
    @Command(name = "hand-built")
    final class HandBuiltPlanCommand implements Callable<Integer> {
        @ParentCommand
        GatehouseCommand root;

        @Mixin
        WriteOptions write;

        @Override
        public Integer call() {
            PlanExecutor executor = new PlanExecutor(journal(), "Test tenant", "admin@contoso.com", Clock.systemUTC());
            return new PlanRun(root.context(), write, root.tenantOptions.json)
                    .run(new PlanPreview(plan, "What this plan is for.", List.of("After this plan: signs in.")),
                            twoParts, executor::execute);
        }
    }

    private JsonLinesJournal journal() {
        return new JsonLinesJournal(data.resolve(JsonLinesJournal.FILE_NAME));
    }

    private int run(boolean withTerminal, String... args) {
        List<String> all = new ArrayList<>(List.of("hand-built"));
        all.addAll(List.of(args));
        return new GatehouseCli(noTenant, new PrintWriter(out), new PrintWriter(err),
                withTerminal ? Optional.of(terminal) : Optional.empty(), ctrlC, data)
                .withSubcommand("hand-built", new HandBuiltPlanCommand())
                .run(all.toArray(String[]::new));
    }

    private Step step(String id, String method, String path, String body, StepAction action) {
        return new Step(id, "Step " + id, "Effect of " + id + ": " + "several words that wrap ".repeat(8),
                "At next sign-in the user sees " + id + ".", List.of(new GraphRequest(method, path, body)),
                RequiredAccess.of("User.EnableDisableAccount.All", "Privileged Authentication Administrator"),
                Reversibility.reversible("Undo " + id), Risk.MEDIUM, List.of("Step warning " + id), action);
    }

    private Step disable() {
        return step("disable", "PATCH", "/users/u1", "{\"accountEnabled\": false}", context -> {
            sent.add("disable");
            return StepResult.changed("Account disabled.", Map.of("accountEnabled", true),
                    Map.of("accountEnabled", false));
        });
    }

    private Step issueTap() {
        return step("issue-tap", "POST", "/users/u1/authentication/temporaryAccessPassMethods",
                "{\"lifetimeInMinutes\": 60, \"isUsableOnce\": true}", context -> {
                    sent.add("issue-tap");
                    issued = Secret.of("Temporary Access Pass", TAP_VALUE);
                    return StepResult.done("Issued a one-time Temporary Access Pass.").withSecret(issued);
                });
    }

    private Step failing(TenantException.Kind kind) {
        return step("fail", "POST", "/users/u1/revokeSignInSessions", null, context -> {
            sent.add("fail");
            throw new TenantException(kind, "Graph said no (" + kind + ").");
        });
    }

    private void plan(Step... steps) {
        plan = new Plan("Hand-built plan", "Ada Lovelace (ada@contoso.com)", "u1", List.of(steps),
                List.of("Plan-level warning the admin must read."));
    }

    private static JsonNode json(StringWriter writer) throws Exception {
        return new ObjectMapper().readTree(writer.toString());
    }

    @Test
    void aDryRunPrintsEveryFactOfThePlanAndSendsNothing() {
        plan(disable(), issueTap());

        int code = run(false, "--dry-run");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(sent).isEmpty();
        assertThat(Files.exists(data.resolve(JsonLinesJournal.FILE_NAME))).isFalse();
        assertThat(out.toString())
                .contains("Plan: Hand-built plan")
                .contains("Target: Ada Lovelace (ada@contoso.com) · 2 steps · highest risk MEDIUM")
                .contains("What this plan is for.")
                .contains("!! WARNING: Plan-level warning the admin must read.")
                .contains("Step 1 of 2: Step disable   [risk MEDIUM]")
                .contains("Step 2 of 2: Step issue-tap")
                .contains("At sign-in   At next sign-in the user sees disable.")
                .contains("PATCH /users/u1").contains("{\"accountEnabled\": false}")
                .contains("POST /users/u1/authentication/temporaryAccessPassMethods")
                .contains("Permission   User.EnableDisableAccount.All")
                .contains("Admin role   Privileged Authentication Administrator")
                .contains("can be undone: Undo disable")
                .contains("! Warning    Step warning disable")
                .contains("After this plan: signs in.")
                .contains("Dry run: nothing was sent to Ada Lovelace (ada@contoso.com).");
        assertThat(out.toString().lines()).allMatch(line -> line.length() <= Wrap.WIDTH, "fits 100 columns");
        assertThat(terminal.prompts).isEmpty();
    }

    @Test
    void aDryRunInJsonCarriesTheSameFacts() throws Exception {
        plan(disable(), issueTap());

        int code = run(false, "--dry-run", "--json");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(sent).isEmpty();
        JsonNode json = json(out);
        assertThat(json.path("dryRun").asBoolean()).isTrue();
        assertThat(json.at("/plan/title").asText()).isEqualTo("Hand-built plan");
        assertThat(json.at("/plan/warnings/0").asText()).isEqualTo("Plan-level warning the admin must read.");
        assertThat(json.at("/plan/steps/0/requests/0/method").asText()).isEqualTo("PATCH");
        assertThat(json.at("/plan/steps/0/requests/0/body").asText()).isEqualTo("{\"accountEnabled\": false}");
        assertThat(json.at("/plan/steps/0/access/roles/0").asText()).isEqualTo("Privileged Authentication Administrator");
        assertThat(json.at("/plan/steps/0/reversibility/kind").asText()).isEqualTo("reversible");
        assertThat(json.at("/plan/steps/1/createsSecret").asText()).isEqualTo("Temporary Access Pass");
        assertThat(json.at("/plan/forecast/0").asText()).isEqualTo("After this plan: signs in.");
    }

    @Test
    void withoutATerminalAndWithoutYesNothingIsSentAndTheErrorSaysWhatToAdd() {
        plan(disable());

        int code = run(false);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(sent).isEmpty();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().asString().startsWith("gatehouse: ")
                .contains("no terminal to confirm on").contains("--yes").contains("--dry-run");
    }

    @Test
    void dryRunAndYesTogetherAreBadUsage() {
        plan(disable());

        assertThat(run(true, "--dry-run", "--yes")).isEqualTo(ExitCodes.USAGE);
        assertThat(sent).isEmpty();
        assertThat(err.toString()).contains("--dry-run").contains("--yes");
    }

    @Test
    void yesRunsEveryStepWithProgressOnStderrAndJournalsThem() {
        plan(disable());

        int code = run(false, "--yes");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(sent).containsExactly("disable");
        assertThat(err.toString()).contains("[1/1] Step disable…").contains("done: Account disabled.");
        assertThat(out.toString()).contains("Plan: Hand-built plan").endsWith("The one step of \"Hand-built plan\" is done."
                + System.lineSeparator());
        assertThat(journal().readAll()).singleElement().satisfies(entry -> {
            assertThat(entry.step()).isEqualTo("disable");
            assertThat(entry.status()).isEqualTo("DONE");
            assertThat(entry.actor()).isEqualTo("admin@contoso.com");
        });
    }

    @Test
    void onATerminalItAsksAndOnlyYesRuns() {
        plan(disable(), issueTap());
        terminal.answers.add("");
        terminal.answers.add("y");

        int declined = run(true);
        assertThat(sent).isEmpty();
        int accepted = run(true);

        assertThat(terminal.prompts).containsExactly("Run these 2 steps on Ada Lovelace (ada@contoso.com)? [y/N] ",
                "Run these 2 steps on Ada Lovelace (ada@contoso.com)? [y/N] ");
        assertThat(declined).isEqualTo(ExitCodes.CANCELLED);
        assertThat(err.toString()).contains("not confirmed; nothing was sent");
        assertThat(accepted).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(sent).containsExactly("disable", "issue-tap");
    }

    @Test
    void aSecretGoesToTheTerminalOnceNeverIntoJsonOrTheJournalAndIsWiped() throws Exception {
        plan(disable(), issueTap());

        int code = run(true, "--yes", "--json");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(terminal.screen.toString()).contains("Temporary Access Pass").contains(TAP_VALUE)
                .contains("shown once");
        assertThat(out.toString()).doesNotContain(TAP_VALUE);
        assertThat(err.toString()).doesNotContain(TAP_VALUE);
        assertThat(Files.readString(data.resolve(JsonLinesJournal.FILE_NAME))).doesNotContain(TAP_VALUE);
        JsonNode json = json(out);
        assertThat(json.path("completed").asBoolean()).isTrue();
        assertThat(json.at("/secrets/0/label").asText()).isEqualTo("Temporary Access Pass");
        assertThat(json.at("/secrets/0/shownOn").asText()).isEqualTo("terminal");
        assertThat(json.at("/secrets/0/value").isMissingNode()).isTrue();
        assertThat(issued.isWiped()).isTrue();
    }

    @Test
    void withoutATerminalAPlanThatCreatesASecretNeedsShowSecretBeforeAnyWrite() {
        plan(disable(), issueTap());

        int code = run(false, "--yes");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(sent).as("the disable step must not run either").isEmpty();
        assertThat(err.toString()).contains("Temporary Access Pass").contains("nobody would ever see it")
                .contains("--show-secret");
    }

    @Test
    void showSecretPutsTheSecretInTheJsonAndNowhereElse() throws Exception {
        plan(disable(), issueTap());

        int code = run(false, "--yes", "--json", "--show-secret");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = json(out);
        assertThat(json.at("/secrets/0/value").asText()).isEqualTo(TAP_VALUE);
        assertThat(json.at("/secrets/0/step").asText()).isEqualTo("issue-tap");
        assertThat(err.toString()).doesNotContain(TAP_VALUE);
        assertThat(Files.readString(data.resolve(JsonLinesJournal.FILE_NAME))).doesNotContain(TAP_VALUE);
        assertThat(issued.isWiped()).isTrue();
    }

    @Test
    void showSecretInTextPrintsItOnStandardOutput() {
        plan(issueTap());

        int code = run(false, "--yes", "--show-secret");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains(TAP_VALUE);
        assertThat(issued.isWiped()).isTrue();
    }

    @Test
    void aSecretCanBeShownInTwoPartsForTwoPeople() {
        plan(issueTap());
        twoParts = true;

        int code = run(true, "--yes");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(terminal.screen.toString()).contains("two parts, for two people to hand over separately (ISM-1594)")
                .contains("Part 1 of 2: Xq7!pL").contains("Part 2 of 2: 2#mN9$").doesNotContain(TAP_VALUE);
    }

    @Test
    void ctrlCCancelsTheRestAndTheSummarySaysWhatWasDone() {
        Step first = step("first", "PATCH", "/users/u1", null, context -> {
            sent.add("first");
            ctrlC.press();
            return StepResult.done("First done.");
        });
        plan(first, disable());

        int code = run(false, "--yes");

        assertThat(code).isEqualTo(ExitCodes.CANCELLED);
        assertThat(sent).containsExactly("first");
        assertThat(out.toString()).contains("1 of 2 steps of \"Hand-built plan\" done. Cancelled before step "
                + "\"Step disable\".");
        assertThat(err.toString()).contains("Stopping").contains("gatehouse: 1 of 2 steps");
        assertThat(ctrlC.watching).as("Ctrl+C handling ends with the run").isZero();
        assertThat(journal().readAll()).as("a step that never started changed nothing to journal")
                .extracting(entry -> entry.status()).containsExactly("DONE");
    }

    @Test
    void aFailureStopsThePlanAndItsKindIsTheExitCode() {
        plan(disable(), failing(TenantException.Kind.MISSING_ROLE), issueTap());

        int code = run(true, "--yes");

        assertThat(code).isEqualTo(ExitCodes.NOT_ALLOWED);
        assertThat(sent).containsExactly("disable", "fail");
        assertThat(err.toString()).contains("FAILED: Graph said no (MISSING_ROLE).")
                .contains("gatehouse: 1 of 3 steps of \"Hand-built plan\" done. Step \"Step fail\" failed: "
                        + "Graph said no (MISSING_ROLE). Not run: \"Step issue-tap\".");
    }

    @Test
    void notFoundAndUnavailableAndOtherFailuresHaveTheirOwnCodes() {
        plan(failing(TenantException.Kind.NOT_FOUND));
        assertThat(run(false, "--yes")).isEqualTo(ExitCodes.NOT_FOUND);
        plan(failing(TenantException.Kind.THROTTLED));
        assertThat(run(false, "--yes")).isEqualTo(ExitCodes.UNAVAILABLE);
        plan(step("bug", "POST", "/users/u1/x", null, context -> {
            throw new IllegalStateException("not a tenant failure");
        }));
        assertThat(run(false, "--yes")).isEqualTo(ExitCodes.FAILED);
    }

    /** A terminal with scripted answers that records what it was asked and shown. */
    private static final class FakeTerminal implements Terminal {
        final Deque<String> answers = new ArrayDeque<>();
        final List<String> prompts = new ArrayList<>();
        final StringWriter screen = new StringWriter();
        private final PrintWriter writer = new PrintWriter(screen, true);

        @Override
        public String readLine(String prompt) {
            prompts.add(prompt);
            return answers.poll();
        }

        @Override
        public PrintWriter writer() {
            return writer;
        }
    }

    /** Ctrl+C pressed by the test instead of the user. */
    private static final class FakeCtrlC implements InterruptSignal {
        private Runnable handler;
        int watching;

        @Override
        public Registration watch(Runnable onInterrupt) {
            handler = onInterrupt;
            watching++;
            return () -> {
                watching--;
                handler = null;
            };
        }

        void press() {
            handler.run();
        }
    }
}
