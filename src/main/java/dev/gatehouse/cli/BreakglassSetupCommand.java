package dev.gatehouse.cli;

import dev.gatehouse.domain.breakglass.AccountNames;
import dev.gatehouse.domain.breakglass.BreakGlassSetup;
import dev.gatehouse.domain.breakglass.BreakGlassSetupProposal;
import dev.gatehouse.domain.breakglass.BreakGlassSetupRead;
import dev.gatehouse.domain.breakglass.SetupAccess;
import dev.gatehouse.domain.breakglass.SetupChoices;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.procedure.Stage;
import dev.gatehouse.domain.procedure.StageRun;
import dev.gatehouse.domain.tenant.TenantConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"Sets up the tenant's emergency-access (break-glass) accounts, steps 1-6 of the wizard: the plan, "
                + "2 to 4 cloud-only accounts on the initial *.onmicrosoft.com domain, a role-assignable group holding "
                + "them, permanent Global Administrator, passkeys (FIDO2) and the Temporary Access Pass enabled for the "
                + "group, and a one-time pass for each account without a key.",
                "Each stage reads the tenant first and plans only what is missing, then asks (or obeys --yes / "
                        + "--dry-run). A group that is not role-assignable is replaced by a new one, which becomes the "
                        + "tenant's emergency-access group. Resumable, and the same run as the window's wizard; run "
                        + "again once all is in place, it changes nothing and says so (exit 0).",
                "Passes are shown once, as by 'user issue-tap'. Needs a Privileged Role Administrator or Global "
                        + "Administrator: anyone else is refused before anything is sent (exit 4). --json prints one "
                        + "JSON document per stage."})
final class BreakglassSetupCommand implements Callable<Integer> {

    @ParentCommand
    BreakglassCommand breakglass;

    @Option(names = "--count", paramLabel = "N",
            description = "How many emergency-access accounts, 2 to 4 (default 2).")
    Integer count;

    @Option(names = "--prefix", paramLabel = "NAME",
            description = "Sign-in names NAME-01, NAME-02… on the initial domain (default: a neutral random name such "
                    + "as acct-kavo, which does not reveal what the accounts are).")
    String prefix;

    @Option(names = "--group-name", paramLabel = "NAME",
            description = "The new role-assignable group's name, when one is created (default: \""
                    + SetupChoices.DEFAULT_GROUP_NAME + "\").")
    String groupName;

    @Option(names = "--new-pass", description = "Replace a usable Temporary Access Pass an account already holds.")
    boolean newPass;

    @Option(names = "--lifetime", paramLabel = "MINUTES",
            description = "Minutes each pass is valid (default: the tenant's Temporary Access Pass default).")
    Integer lifetime;

    @Option(names = "--two-part-password",
            description = "Show each new account's password once, in two halves for two people to write down. "
                    + "Without it nobody ever sees the password: the accounts sign in with their FIDO2 keys.")
    boolean twoPartPassword;

    @Option(names = "--remove-other-members",
            description = "Remove members of the emergency-access group that are not emergency accounts.")
    boolean removeOtherMembers;

    @Mixin
    WriteOptions write;

    /** A stage without a plan, as --json gives it. */
    record Explanation(String stage, String status, String message, List<String> warnings) {
    }

    @Override
    public Integer call() {
        GatehouseCommand root = breakglass.root;
        CliContext context = root.context();
        Optional.ofNullable(count).flatMap(SetupChoices::countProblem).ifPresent(problem -> {
            throw new UsageException(problem);
        });
        try (TenantConnection connection = context.connect(root.tenantOptions)) {
            Optional<String> gate = SetupAccess.gate(connection.directory().signedInAdmin());
            if (gate.isPresent()) {
                context.err().println("gatehouse: " + gate.get());
                return ExitCodes.NOT_ALLOWED;
            }
            BreakglassSetupSession session = new BreakglassSetupSession(context, connection);
            session.refuseWhileRunElsewhere();
            SetupChoices choices = choices(session);
            return new StageWalk(context, root.tenantOptions.json, session, choices).run();
        }
    }

    /** The run's own accounts when it is continued and no name is given; else named from the options. */
    private SetupChoices choices(BreakglassSetupSession session) {
        String domain = session.tenant().initialDomain();
        Optional<SetupChoices> saved = session.savedChoices();
        SetupChoices named;
        if (saved.isPresent() && count == null && prefix == null && groupName == null) {
            named = saved.get();
        } else {
            String chosen = prefix == null ? AccountNames.suggestPrefix() : prefix;
            List<String> problems = AccountNames.prefixProblems(chosen, domain);
            if (!problems.isEmpty()) {
                throw new UsageException(String.join(" ", problems));
            }
            named = SetupChoices.of(count == null ? SetupChoices.DEFAULT_COUNT : count, chosen, domain)
                    .withGroupName(groupName);
        }
        SetupChoices choices = named.withFlags(twoPartPassword, newPass, Optional.ofNullable(lifetime),
                removeOtherMembers);
        List<String> problems = choices.problems(domain);
        if (!problems.isEmpty()) {
            throw new UsageException(String.join(" ", problems));
        }
        return choices;
    }

    /** The stages in order: each planned from a fresh read, shown, then run, recorded done, or refused. */
    private final class StageWalk {

        private final CliContext context;
        private final boolean json;
        private final BreakglassSetupSession session;
        private final SetupChoices choices;
        private final Answers answers;
        private int planned;

        StageWalk(CliContext context, boolean json, BreakglassSetupSession session, SetupChoices choices) {
            this.context = context;
            this.json = json;
            this.session = session;
            this.choices = choices;
            this.answers = session.savedAnswers().with(SetupChoices.ANSWER, choices);
        }

        int run() {
            String actor = session.actor();
            for (Stage<BreakGlassSetupRead, BreakGlassSetupProposal> stage : session.procedure().stages()) {
                if (!BreakGlassSetup.SETUP.contains(stage.id())) {
                    continue;
                }
                Optional<ProcedureProgress> progress = session.unfinished();
                if (progress.map(p -> p.stageDone(stage.id())).orElse(false)) {
                    say(stage, "done", "Done earlier in this run.", List.of());
                    continue;
                }
                long basis = session.desk().revision(session.procedure(), session.subject());
                BreakGlassSetupProposal proposal = stage.propose(session.read(choices), answers, progress);
                int code = proposal.plan().isPresent() ? runPlan(stage, proposal, actor, basis)
                        : explain(stage, proposal, actor, basis);
                if (code != ExitCodes.OK) {
                    return code;
                }
            }
            if (planned == 0) {
                context.out().println("Nothing to change: every part of the set-up (steps 1-6) is in place.");
            } else if (write.dryRun()) {
                context.out().println("Dry run: nothing was sent.");
            }
            return ExitCodes.OK;
        }

        private int runPlan(Stage<BreakGlassSetupRead, BreakGlassSetupProposal> stage,
                            BreakGlassSetupProposal proposal, String actor, long basis) {
            Plan plan = proposal.plan().orElseThrow();
            List<String> warnings = new ArrayList<>(proposal.warnings());
            warnings.addAll(plan.warnings());
            String intro = (write.dryRun() && planned > 0 ? "Planned from the tenant as it is now; the stages above "
                    + "would change it first. " : "") + proposal.message();
            planned++;
            PlanPreview preview = new PlanPreview(new Plan(plan.title(), plan.target(), plan.targetId(), plan.steps(),
                    warnings), intro, List.of());
            boolean twoParts = stage.id().equals(BreakGlassSetup.ACCOUNTS) && choices.twoPartPassword();
            return new PlanRun(context, write, json).run(preview, twoParts, (confirmed, cancellation, listener) ->
                    session.desk().run(new StageRun(session.procedure(), stage.id(), session.subject(), actor,
                            confirmed, answers, RunOptions.CONTINUE.basedOn(basis)), cancellation, listener));
        }

        /** Nothing to send: in place (recorded done, unless a dry run), or refused (exit 4, but not mid dry run). */
        private int explain(Stage<BreakGlassSetupRead, BreakGlassSetupProposal> stage,
                            BreakGlassSetupProposal proposal, String actor, long basis) {
            if (proposal.alreadyDone()) {
                if (!write.dryRun()) {
                    session.desk().recordAlreadyDone(session.procedure(), stage.id(), session.subject(), actor,
                            answers, proposal.message(), RunOptions.CONTINUE.basedOn(basis));
                }
                say(stage, "nothing to do", proposal.message(), proposal.warnings());
                return ExitCodes.OK;
            }
            if (write.dryRun() && planned > 0) {
                say(stage, "after the stages above", proposal.message(), proposal.warnings());
                return ExitCodes.OK;
            }
            say(stage, "not possible", proposal.message(), proposal.warnings());
            context.err().println("gatehouse: nothing was sent: " + proposal.message().replaceAll("\\s*\\R\\s*", " ")
                    .strip());
            return ExitCodes.NOT_ALLOWED;
        }

        private void say(Stage<?, ?> stage, String status, String message, List<String> warnings) {
            PrintWriter out = context.out();
            if (json) {
                Json.print(out, new Explanation(stage.id(), status, message, warnings));
                return;
            }
            out.println(stage.title() + " \u2014 " + status + ":");
            Wrap.print(out, "  ", "  ", message);
            warnings.forEach(warning -> Wrap.print(out, "!! WARNING: ", "   ", warning));
            out.println();
        }
    }
}
