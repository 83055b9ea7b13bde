package dev.gatehouse.cli;

import dev.gatehouse.domain.breakglass.BreakGlassSetup;
import dev.gatehouse.domain.breakglass.BreakGlassSetupProposal;
import dev.gatehouse.domain.breakglass.BreakGlassSetupRead;
import dev.gatehouse.domain.breakglass.SetupChoices;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.procedure.Stage;
import dev.gatehouse.domain.procedure.StageRun;
import dev.gatehouse.domain.tenant.TenantConnection;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Walks stages of the break-glass set-up on the command line, each planned from a fresh read: a plan is shown, then
 * run (or only printed with --dry-run), a stage already in place is recorded done, a refusal is explained. Shared by
 * {@code breakglass setup} (steps 1-6) and {@code breakglass finish} (7-8), which differ only in which stages they
 * walk and what they do between them.
 */
final class BreakglassStageWalk {

    /** A stage without a plan, as --json gives it: its status in camelCase ({@code nothingToDo}). */
    record Explanation(String stage, String status, String message, List<String> warnings) {
    }

    /** One stage's proposal, and the run's revision it was planned from. */
    record Planned(Stage<BreakGlassSetupRead, BreakGlassSetupProposal> stage, BreakGlassSetupProposal proposal,
                   long basis) {
    }

    private final CliContext context;
    private final boolean json;
    private final WriteOptions write;
    private final BreakglassSetupSession session;
    private final SetupChoices choices;
    private final Answers answers;
    private int planned;

    BreakglassStageWalk(CliContext context, boolean json, WriteOptions write, BreakglassSetupSession session,
                        SetupChoices choices, Answers answers) {
        this.context = context;
        this.json = json;
        this.write = write;
        this.session = session;
        this.choices = choices;
        this.answers = answers.with(SetupChoices.ANSWER, choices);
    }

    /** What a command does with the session and a walk over its saved answers; its exit code. */
    @FunctionalInterface
    interface Walker {
        int walk(TenantConnection connection, BreakglassSetupSession session, SetupChoices choices,
                 BreakglassStageWalk walk);
    }

    /**
     * Connects, opens the set-up's session (exit 4 when the admin may not run it) and hands {@code walker} a walk over
     * the run's saved answers, with {@code answers} adding the command's own.
     */
    static int over(GatehouseCommand root, WriteOptions write, UnaryOperator<Answers> answers, Walker walker) {
        CliContext context = root.context();
        try (TenantConnection connection = context.connect(root.tenantOptions)) {
            Optional<BreakglassSetupSession> opened = BreakglassSetupSession.open(context, connection);
            if (opened.isEmpty()) {
                return ExitCodes.NOT_ALLOWED;
            }
            BreakglassSetupSession session = opened.get();
            SetupChoices choices = session.savedChoicesOrDefault();
            return walker.walk(connection, session, choices, new BreakglassStageWalk(context, root.tenantOptions.json,
                    write, session, choices, answers.apply(session.savedAnswers())));
        }
    }

    /** How many plans were shown so far. */
    int planned() {
        return planned;
    }

    boolean dryRun() {
        return write.dryRun();
    }

    /** A closing line for people ("Dry run: nothing was sent."); with --json standard output holds only documents. */
    void note(String line) {
        if (!json) {
            context.out().println(line);
        }
    }

    /** The stage planned now, from a fresh read; steps done earlier in the run are left out. */
    Planned propose(Stage<BreakGlassSetupRead, BreakGlassSetupProposal> stage) {
        long basis = session.desk().revision(session.procedure(), session.subject());
        return new Planned(stage, stage.propose(session.read(choices), answers, session.unfinished()), basis);
    }

    /**
     * The stage planned from the tenant alone, as if no step of it had run: what a check after a stage uses, so a step
     * recorded done whose effect is not in the tenant shows up.
     */
    Planned proposeFromTheTenant(Stage<BreakGlassSetupRead, BreakGlassSetupProposal> stage) {
        long basis = session.desk().revision(session.procedure(), session.subject());
        return new Planned(stage, stage.propose(session.read(choices), answers, Optional.empty()), basis);
    }

    /**
     * Plans the stage from a fresh read — even one done earlier in the run, since the tenant may have changed since —
     * and runs its plan, records it in place, or explains why not; the exit code.
     */
    int walk(Stage<BreakGlassSetupRead, BreakGlassSetupProposal> stage) {
        Planned planned = propose(stage);
        return planned.proposal().plan().isPresent() ? runPlan(planned) : explain(planned);
    }

    int runPlan(Planned planned) {
        BreakGlassSetupProposal proposal = planned.proposal();
        Plan plan = proposal.plan().orElseThrow();
        List<String> warnings = new ArrayList<>(proposal.warnings());
        warnings.addAll(plan.warnings());
        String intro = (write.dryRun() && this.planned > 0 ? "Planned from the tenant as it is now; the stages above "
                + "would change it first. " : "") + proposal.message();
        this.planned++;
        PlanPreview preview = new PlanPreview(new Plan(plan.title(), plan.target(), plan.targetId(), plan.steps(),
                warnings), intro, List.of());
        boolean twoParts = planned.stage().id().equals(BreakGlassSetup.ACCOUNTS) && choices.twoPartPassword();
        return new PlanRun(context, write, json).run(preview, twoParts, (confirmed, cancellation, listener) ->
                session.desk().run(new StageRun(session.procedure(), planned.stage().id(), session.subject(),
                        session.actor(), confirmed, answers, RunOptions.CONTINUE.basedOn(planned.basis())),
                        cancellation, listener));
    }

    /** Nothing to send: in place (recorded done, unless a dry run), or refused (exit 4, but not mid dry run). */
    int explain(Planned planned) {
        BreakGlassSetupProposal proposal = planned.proposal();
        Stage<?, ?> stage = planned.stage();
        if (proposal.alreadyDone()) {
            recordDone(planned);
            say(stage, "nothing to do", proposal.message(), proposal.warnings());
            return ExitCodes.OK;
        }
        if (write.dryRun() && this.planned > 0) {
            say(stage, "after the stages above", proposal.message(), proposal.warnings());
            return ExitCodes.OK;
        }
        return refuse(stage, "not possible", proposal);
    }

    /** Records a stage found in place, so the stages after it may run; a dry run records nothing. */
    void recordDone(Planned planned) {
        if (!write.dryRun()) {
            session.desk().recordAlreadyDone(session.procedure(), planned.stage().id(), session.subject(),
                    session.actor(), answers, planned.proposal().message(),
                    RunOptions.CONTINUE.basedOn(planned.basis()));
        }
    }

    /** Names the stage that cannot go on on standard output, and says why in one line on standard error; exit 4. */
    int refuse(Stage<?, ?> stage, String status, BreakGlassSetupProposal proposal) {
        say(stage, status, proposal.message(), proposal.warnings(), false);
        return Refusal.report(context, proposal.message(), ExitCodes.NOT_ALLOWED);
    }

    void say(Stage<?, ?> stage, String status, String message, List<String> warnings) {
        say(stage, status, message, warnings, true);
    }

    /** @param withMessage false when the message is a refusal's reason, which the error line gives */
    private void say(Stage<?, ?> stage, String status, String message, List<String> warnings, boolean withMessage) {
        PrintWriter out = context.out();
        if (json) {
            Json.print(out, new Explanation(stage.id(), Json.camelCase(status), message, warnings));
            return;
        }
        out.println(stage.title() + " \u2014 " + status + (withMessage ? ":" : "."));
        if (withMessage) {
            Wrap.print(out, "  ", "  ", message);
        }
        warnings.forEach(warning -> Wrap.print(out, "!! WARNING: ", "   ", warning));
        out.println();
    }
}
