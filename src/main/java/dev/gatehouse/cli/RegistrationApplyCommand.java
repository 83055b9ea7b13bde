package dev.gatehouse.cli;

import dev.gatehouse.cli.RegistrationDesignOptions.TargetState;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.procedure.StageRun;
import dev.gatehouse.domain.registration.DerivedDesign;
import dev.gatehouse.domain.registration.PolicyDiff;
import dev.gatehouse.domain.registration.PolicyExport;
import dev.gatehouse.domain.registration.PolicyImport;
import dev.gatehouse.domain.registration.RegistrationChoices;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign;
import dev.gatehouse.domain.registration.RegistrationProcedure;
import dev.gatehouse.domain.registration.RegistrationProposal;
import dev.gatehouse.domain.registration.RegistrationRead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "apply",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse policy registration apply --dry-run",
                "  gatehouse policy registration apply --state on --pilot-group GROUP --dry-run",
                "  gatehouse policy registration apply --state on"},
        mixinStandardHelpOptions = true,
        description = {"Saves the registration policy as designed (All users but guests and the "
                + "emergency-access group; a passkey or a one-time Temporary Access Pass, or a compliant device; sign "
                + "in again after an hour), creating the authentication strength once if the tenant has none that "
                + "fits, or changes the existing policy field by field.",
                "--state report-only (default) saves it unenforced: Entra does not evaluate report-only policies on "
                        + "user actions, so check it with 'whatif'. --state on --pilot-group turns it on for the "
                        + "pilot, then --state on for everyone; turning on is refused, before any request, when it "
                        + "would lock out every emergency-access account or you (exit 4). --state off turns it off.",
                "Running it again with the same options changes nothing and says so (exit 0)."})
final class RegistrationApplyCommand implements Callable<Integer> {

    @ParentCommand
    RegistrationCommand registration;

    @Mixin
    RegistrationDesignOptions design;

    @Mixin
    WriteOptions write;

    /** A proposal without a plan, as --json gives it. */
    record Explanation(String status, String stage, String message, List<String> warnings, List<String> forecast) {
    }

    @Override
    public Integer call() {
        GatehouseCommand root = registration.root();
        try (RegistrationSession session = RegistrationSession.open(root)) {
            RegistrationRead read = session.read();
            // a run continued from the window keeps the choices made there; only the options given change them
            RegistrationPolicyDesign base = session.savedChoices()
                    .map(saved -> saved.design(read.strengths(), ConditionalAccessPolicy.State.REPORT_ONLY))
                    .orElseGet(() -> RegistrationPolicyDesign.defaults(session.emergencyGroupId(), read.strengths()));
            RegistrationPolicyDesign wanted = design.over(base);
            TargetState state = design.state != null ? design.state
                    : defaultState(read, choices(session, read, wanted, design, TargetState.ON));
            // made again for the state decided: --pilot-group without --state on is refused with why
            return apply(root, write, session, read, choices(session, read, wanted, design, state), state);
        }
    }

    /**
     * Without --state: report-only for a policy not yet On. A policy already On is never taken back to report-only
     * unasked (it would stop protecting registration), nor widened or narrowed unasked: the admin must say which.
     */
    static TargetState defaultState(RegistrationRead read, RegistrationChoices choices) {
        Optional<ConditionalAccessPolicy> current = RegistrationProcedure.target(read, choices);
        if (current.isPresent() && current.get().state() == ConditionalAccessPolicy.State.ENABLED) {
            throw new UsageException("\u201c" + current.get().displayName() + "\u201d is On. Say what to do with it: "
                    + "--state on (with --pilot-group ID|NAME for a pilot) changes it and keeps it on; --state "
                    + "report-only takes it back to report-only, where it protects nothing.");
        }
        return TargetState.REPORT_ONLY;
    }

    /**
     * The design as a run's answer: the run's own policy kept (else the tenant's only policy on the action, which is
     * changed rather than joined by a second), the pilot group resolved; refused when invalid.
     */
    static RegistrationChoices choices(RegistrationSession session, RegistrationRead read,
                                       RegistrationPolicyDesign wanted, RegistrationDesignOptions options,
                                       TargetState state) {
        if (options.pilotGroup != null && state != TargetState.ON) {
            throw new UsageException("--pilot-group applies with --state on: report-only saves the policy for All "
                    + "users (What If shows whom it would reach), and --state on --pilot-group then turns it on for "
                    + "the pilot group first.");
        }
        String pilot = options.pilotGroup == null ? null : session.groupId(options.pilotGroup);
        RegistrationDesignOptions.refuseProblems(pilot == null ? wanted : wanted.withPilotGroup(pilot));
        Optional<String> continueFrom = session.savedChoices().flatMap(RegistrationChoices::continuing)
                .or(() -> RegistrationProcedure.soleExisting(read).filter(existing -> !existing.displayName()
                        .equalsIgnoreCase(wanted.displayName())).map(ConditionalAccessPolicy::id));
        return RegistrationChoices.of(wanted, continueFrom).withPilotGroup(pilot);
    }

    /**
     * Plans the stage {@code state} asks for (report-only, the pilot, everyone) on the run the window shares, or the
     * turn-off plan, and runs it like every write: printed, then --dry-run, or confirmed, with progress and Ctrl+C.
     */
    static int apply(GatehouseCommand root, WriteOptions write, RegistrationSession session, RegistrationRead read,
                     RegistrationChoices choices, TargetState state) {
        CliContext context = root.context();
        boolean json = root.tenantOptions.json;
        session.refuseWhileRunElsewhere();
        long basis = session.desk().revision(session.procedure(), session.subject());
        Optional<ProcedureProgress> unfinished = session.unfinished();
        Answers answers = session.savedAnswers().with(RegistrationChoices.ANSWER, choices);
        String stage = switch (state) {
            case REPORT_ONLY -> RegistrationProcedure.REPORT_ONLY;
            case ON -> choices.pilotGroup().isPresent() ? RegistrationProcedure.PILOT : RegistrationProcedure.EVERYONE;
            case OFF -> null;
        };
        RegistrationProposal proposal = stage == null ? session.registration().turnOff(read, choices)
                : session.procedure().stage(stage).orElseThrow().propose(read, answers, unfinished);
        if (proposal.plan().isEmpty()) {
            if (stage != null && proposal.alreadyDone() && !write.dryRun()) {
                // the tenant is already as the stage leaves it (a run stopped after Graph made the change, or the
                // window did it): recorded, so the run can go on
                session.desk().recordAlreadyDone(session.procedure(), stage, session.subject(), session.actor(read),
                        answers, proposal.message(), RunOptions.CONTINUE.basedOn(basis));
            }
            return explain(context, json, stage, proposal);
        }
        if (stage != null) {
            List<String> missing = session.procedure().missingBefore(stage, unfinished).stream()
                    .map(s -> "\u201c" + s.title() + "\u201d").toList();
            if (!missing.isEmpty()) {
                String message = "\u201c" + session.procedure().stage(stage).orElseThrow().title() + "\u201d comes "
                        + "after " + String.join(" and ", missing) + " in this run: " + (missing.size() == 1
                        && stage.equals(RegistrationProcedure.EVERYONE) ? "turn it on for a pilot group first "
                        + "(--state on --pilot-group ID|NAME), check it with What If, then for everyone."
                        : "save it in report-only first (--state report-only), check it with What If, then turn it "
                        + "on for a pilot group (--state on --pilot-group ID|NAME).");
                return explain(context, json, stage, RegistrationProposal.refused(message));
            }
        }
        Plan plan = proposal.plan().get();
        List<String> warnings = new ArrayList<>(proposal.warnings());
        warnings.addAll(plan.warnings());
        PlanPreview preview = new PlanPreview(new Plan(plan.title(), plan.target(), plan.targetId(), plan.steps(),
                warnings), proposal.message(), proposal.forecast());
        String actor = session.actor(read);
        return new PlanRun(context, write, json).run(preview, false, (confirmed, cancellation, listener) ->
                stage == null ? session.execute(read, confirmed, cancellation, listener)
                        : session.desk().run(new StageRun(session.procedure(), stage, session.subject(), actor,
                        confirmed, answers, RunOptions.CONTINUE.basedOn(basis)), cancellation, listener));
    }

    /** Nothing to send: the tenant is as asked (exit 0), or the stage refuses with why (exit 4). */
    static int explain(CliContext context, boolean json, String stage, RegistrationProposal proposal) {
        PrintWriter out = context.out();
        if (json) {
            Json.print(out, new Explanation(proposal.nothingToDo() ? "nothing to do" : "refused", stage,
                    proposal.message(), proposal.warnings(), proposal.forecast()));
        } else {
            if (proposal.nothingToDo()) {
                Wrap.print(out, "Nothing changes: ", "  ", proposal.message());
            } else {
                out.println("Not possible."); // why is the error line's
            }
            proposal.warnings().forEach(warning -> Wrap.print(out, "!! WARNING: ", "   ", warning));
            if (!proposal.forecast().isEmpty()) {
                out.println();
                proposal.forecast().forEach(line -> Wrap.print(out, "", "  ", line));
            }
        }
        if (proposal.nothingToDo()) {
            return ExitCodes.OK;
        }
        return Refusal.report(context, proposal.message(), ExitCodes.NOT_ALLOWED);
    }

    @Command(name = "import",
            footerHeading = HelpPages.EXAMPLES, footer = {
                    "  gatehouse policy registration import --file policy.json --dry-run"},
            mixinStandardHelpOptions = true,
            description = {"Reads a Conditional Access policy from FILE (a Graph conditionalAccessPolicy body, a GET "
                    + "response, or 'export --format json'), shows how it differs from the tenant's policy field by "
                    + "field, then plans it like 'apply'. The options override the file, --state included.",
                    "A file that is not valid JSON is refused with the line and column; a field Graph does not know, "
                            + "a wrong type or value with its path (exit 2). Nothing is sent before you confirm."})
    static final class Import implements Callable<Integer> {

        @ParentCommand
        RegistrationCommand registration;

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "The policy JSON to import.")
        Path file;

        @Mixin
        RegistrationDesignOptions design;

        @Mixin
        WriteOptions write;

        @Override
        public Integer call() {
            GatehouseCommand root = registration.root();
            CliContext context = root.context();
            PolicyImport.Result imported = PolicyImport.parse(text(file));
            if (!imported.imported()) {
                imported.errors().forEach(error -> context.err().println("gatehouse: " + file + ": "
                        + (error.message().contains(error.path()) ? "" : error.path() + ": ") + error.message()));
                context.err().println("gatehouse: nothing was imported and nothing was sent.");
                return ExitCodes.USAGE;
            }
            try (RegistrationSession session = RegistrationSession.open(root)) {
                RegistrationRead read = session.read();
                ConditionalAccessPolicy policy = imported.policy().orElseThrow();
                DerivedDesign derived = RegistrationPolicyDesign.fromPolicy(policy, session.emergencyGroupId());
                RegistrationPolicyDesign fromFile = withTenantStrength(derived.design(), read);
                if (design.state == null && policy.state() == ConditionalAccessPolicy.State.DISABLED) {
                    throw new UsageException(file + " holds the policy turned off (state disabled). Importing it "
                            + "saves it: add --state report-only to save it unenforced, or --state off to turn the "
                            + "tenant's policy off.");
                }
                TargetState state = design.stateOr(TargetState.of(policy.state()));
                RegistrationPolicyDesign wanted = design.over(fromFile);
                RegistrationChoices choices = choices(session, read, wanted, design, state);
                List<String> notices = new ArrayList<>(imported.notices());
                notices.addAll(imported.notImported());
                notices.addAll(derived.notCarried());
                showDiff(root, session, read, choices, wanted, state, notices);
                return apply(root, write, session, read, choices, state);
            }
        }

        private void showDiff(GatehouseCommand root, RegistrationSession session, RegistrationRead read,
                              RegistrationChoices choices, RegistrationPolicyDesign wanted, TargetState state,
                              List<String> notices) {
            Optional<ConditionalAccessPolicy> existing = RegistrationSession.target(read, choices);
            State target = switch (state) {
                case REPORT_ONLY -> State.REPORT_ONLY;
                case ON -> State.ENABLED;
                case OFF -> State.DISABLED;
            };
            RegistrationPolicyDesign inState = wanted.withState(target);
            RegistrationPolicyDesign staged = choices.pilotGroup().map(inState::withPilotGroup).orElse(inState);
            List<PolicyDiff.FieldChange> changes = existing.map(current -> PolicyDiff.between(current,
                    RegistrationSession.draft(staged))).orElse(List.of());
            // with --json the document on stdout is the plan's, and the diff goes to stderr
            PrintWriter out = root.tenantOptions.json ? root.context().err() : root.context().out();
            notices.forEach(notice -> Wrap.print(out, "Note: ", "      ", notice));
            if (existing.isEmpty()) {
                Wrap.print(out, "", "  ", "The tenant has no policy \u201c" + choices.displayName() + "\u201d on "
                        + "\u201cRegister security information\u201d: it would be created.");
            } else if (changes.isEmpty()) {
                Wrap.print(out, "", "  ", "\u201c" + existing.get().displayName() + "\u201d (" + existing.get().id()
                        + ") is already as the file says: no field differs.");
            } else {
                out.println("Differences from \u201c" + existing.get().displayName() + "\u201d ("
                        + existing.get().id() + "), field by field:");
                changes.forEach(change -> Wrap.print(out, "  ", "    ", change.describe()));
            }
            out.println();
        }

        /** An export names a strength still to create as a placeholder: the tenant's fitting one, else create it. */
        private static RegistrationPolicyDesign withTenantStrength(RegistrationPolicyDesign design,
                                                                   RegistrationRead read) {
            boolean placeholder = design.reusedStrength().map(AuthenticationStrength::id)
                    .filter(PolicyExport.NEW_STRENGTH_ID::equals).isPresent();
            if (!placeholder) {
                return design;
            }
            return RegistrationPolicyDesign.passkeyOrOneTimeTap(read.strengths()).map(design::withStrength)
                    .orElseGet(() -> design.withNewStrength(RegistrationPolicyDesign.DEFAULT_STRENGTH));
        }

        static String text(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UsageException("No file " + file + ".");
            } catch (IOException e) {
                throw new UsageException("Could not read " + file + ": " + e.getMessage());
            }
        }
    }
}
