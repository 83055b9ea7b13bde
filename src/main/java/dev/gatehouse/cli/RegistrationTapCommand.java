package dev.gatehouse.cli;

import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.procedure.StageRun;
import dev.gatehouse.domain.registration.BulkTapCsv;
import dev.gatehouse.domain.registration.BulkTapProposal;
import dev.gatehouse.domain.registration.BulkTapStage;
import dev.gatehouse.domain.registration.BulkTapUser;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign;
import dev.gatehouse.domain.registration.RegistrationPreflight;
import dev.gatehouse.domain.registration.RegistrationProposal;
import dev.gatehouse.domain.registration.RegistrationRead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "tap-missing",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse policy registration tap-missing --dry-run",
                "  gatehouse policy registration tap-missing --lifetime 480 --csv passes.csv"},
        mixinStandardHelpOptions = true,
        description = {"Issues a one-time Temporary Access Pass to each user the pre-flight finds could not register "
                + "once the policy is on (no passkey), at Graph's pace (5 requests per 10 s, honouring Retry-After). "
                + "Resumable: running it again after a stop gives passes only to users not given one in this run.",
                "Each code is shown once on the terminal and wiped; never in the output or a log unless --show-secret. "
                        + "--csv FILE also writes them to a new owner-only file, which holds live secrets."})
final class RegistrationTapCommand implements Callable<Integer> {

    @ParentCommand
    RegistrationCommand registration;

    @Option(names = "--lifetime", paramLabel = "MIN",
            description = "Minutes each pass is valid (default: the tenant's Temporary Access Pass policy default).")
    Integer lifetime;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Also write each pass to FILE (created owner-only; never replaces an existing file).")
    Path csv;

    @Mixin
    WriteOptions write;

    @Override
    public Integer call() {
        if (csv != null && Files.exists(csv)) {
            throw new UsageException(csv + " exists already. Gatehouse does not overwrite a file (it may hold passes "
                    + "not handed out yet): choose another name, or delete that file first.");
        }
        GatehouseCommand root = registration.root();
        CliContext context = root.context();
        try (RegistrationSession session = RegistrationSession.open(root)) {
            session.refuseWhileRunElsewhere();
            RegistrationRead read = session.read();
            RegistrationPreflight.Outcome preflight = session.preflight(read, RegistrationSession.draft(
                    RegistrationPolicyDesign.defaults(session.emergencyGroupId(), read.strengths())));
            if (preflight.readiness().result().isEmpty()) {
                throw new UsageException("The registration report could not be read, so nobody can be found who "
                        + "needs a pass: " + preflight.readiness().whyUnread().orElse("") + " "
                        + (read.hasP1() ? "" : RegistrationCommand.WHAT_P1_BUYS));
            }
            List<BulkTapUser> users = preflight.needPass().stream()
                    .map(user -> new BulkTapUser(user.id(), user.userPrincipalName(), null)).toList();
            long basis = session.desk().revision(session.procedure(), session.subject());
            Optional<ProcedureProgress> unfinished = session.unfinished();
            Answers base = session.savedAnswers().with(BulkTapStage.USERS, users.toArray(BulkTapUser[]::new));
            Answers answers = lifetime == null ? base : base.with(BulkTapStage.LIFETIME, lifetime);
            RegistrationProposal proposal = session.procedure().stage(BulkTapStage.ID).orElseThrow()
                    .propose(read, answers, unfinished);
            if (proposal.plan().isEmpty()) {
                return RegistrationApplyCommand.explain(context, root.tenantOptions.json, BulkTapStage.ID, proposal);
            }
            Plan plan = proposal.plan().get();
            PlanPreview preview = new PlanPreview(plan, proposal.message() + (csv == null ? "" : " Each pass is also "
                    + "written to " + csv + ". " + BulkTapCsv.WARNING), List.of());
            String actor = session.actor(read);
            return new PlanRun(context, write, root.tenantOptions.json).run(preview, false, csv != null,
                    (confirmed, cancellation, listener) -> {
                        StageRun run = new StageRun(session.procedure(), BulkTapStage.ID, session.subject(), actor,
                                confirmed, answers, RunOptions.CONTINUE.basedOn(basis));
                        if (csv == null) {
                            return session.desk().run(run, cancellation, listener);
                        }
                        try (BulkTapCsv file = BulkTapCsv.create(csv, handOut(plan, users, proposal))) {
                            context.err().println("Writing passes to " + csv + ". " + BulkTapCsv.WARNING);
                            return session.desk().run(run, cancellation, file.then(listener));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e.getMessage(), e);
                        }
                    });
        }
    }

    /** The stage's plan with the user each step passes, as the hand-out file names them. */
    private static BulkTapProposal handOut(Plan plan, List<BulkTapUser> users, RegistrationProposal proposal) {
        Map<String, BulkTapUser> byStep = new LinkedHashMap<>();
        Map<String, BulkTapUser> byId = new LinkedHashMap<>();
        users.forEach(user -> byId.put(user.id(), user));
        plan.steps().forEach(step -> Optional.ofNullable(byId.get(step.id().substring(BulkTapStage.STEP_PREFIX
                .length()))).ifPresent(user -> byStep.put(step.id(), user)));
        return new BulkTapProposal(BulkTapProposal.Kind.PLANNED, Optional.of(plan), proposal.message(),
                new ArrayList<>(proposal.warnings()), byStep, Set.of(), 0, true);
    }
}
