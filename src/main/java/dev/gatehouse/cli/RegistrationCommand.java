package dev.gatehouse.cli;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.registration.ActionCoverage;
import dev.gatehouse.domain.registration.CheckPoint;
import dev.gatehouse.domain.registration.CheckerVerdict;
import dev.gatehouse.domain.registration.PreflightCheck;
import dev.gatehouse.domain.registration.RegistrationCheckers;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign;
import dev.gatehouse.domain.registration.Preflight;
import dev.gatehouse.domain.registration.RegistrationPreflight;
import dev.gatehouse.domain.registration.RegistrationRead;
import dev.gatehouse.domain.registration.RegistrationReadiness;
import dev.gatehouse.domain.tenant.TenantLicences;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

@Command(name = "registration",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse policy registration status",
                "  gatehouse policy registration check --scenario new-hires",
                "  gatehouse policy registration apply --dry-run"},
        mixinStandardHelpOptions = true,
        description = {"The Conditional Access policy on the user action \"Register security information\" "
                + "(urn:user:registersecurityinfo): its state, the pre-flight, saving it in report-only, What If, "
                + "a pilot group, then On.",
                "The run is the desktop app's: a run started in one continues in the other (same data folder)."},
        subcommands = {RegistrationCommand.Status.class, RegistrationCommand.Check.class,
                RegistrationApplyCommand.class, RegistrationWhatIfCommand.class, RegistrationExportCommand.class,
                RegistrationApplyCommand.Import.class, RegistrationTapCommand.class})
final class RegistrationCommand {

    /** Enforcing the policy needs P1: said wherever its absence stops something. */
    static final String WHAT_P1_BUYS = "Entra ID P1 is what buys Conditional Access, authentication strengths and the "
            + "registration report; without it Graph refuses the policy.";

    @ParentCommand
    TenantPolicyCommand policy;

    GatehouseCommand root() {
        return policy.root;
    }

    /** One policy that reaches the action, as --json gives it. */
    record PolicyView(String id, String displayName, String state, String route, String scope, String grant,
                      List<String> excludeGroups, List<String> excludeUsers, boolean excludeGuestsOrExternalUsers,
                      String described) {

        static PolicyView of(ActionCoverage.Reach reach) {
            ConditionalAccessPolicy p = reach.policy();
            return new PolicyView(p.id(), p.displayName(), p.state().graphValue(),
                    reach.route() == ActionCoverage.Route.USER_ACTION ? "userAction" : "allResources", reach.scope(),
                    reach.grant(), List.copyOf(p.users().excludeGroups()), List.copyOf(p.users().excludeUsers()),
                    p.users().excludeGuestsOrExternalUsers(), reach.describe());
        }
    }

    record StatusReport(String tenant, Boolean entraIdP1, List<String> licences, Boolean securityDefaultsEnabled,
                        String emergencyAccessGroup, List<PolicyView> policies, String combinedRequirement,
                        List<String> explanation, List<CheckerVerdict> checkers, boolean checkersPass,
                        List<String> unreadable) {
    }

    @Command(name = "status",
            footerHeading = HelpPages.EXAMPLES, footer = {
                    "  gatehouse policy registration status",
                    "  gatehouse policy registration status --json"},
            mixinStandardHelpOptions = true,
            description = {"The state of the gate: the policies that reach \"Register security information\" (their "
                    + "state, grant and exclusions, All-resources ones included) and what they require together, "
                    + "Entra ID P1 and security defaults, and the verdicts of Maester MT.1011, CISA ScubaGear "
                    + "MS.AAD.3.8 and the Zero Trust Assessment 21806, point by point. Read-only.",
                    "Exit code 0 when no checker fails, 1 when one does."})
    static final class Status implements Callable<Integer> {

        @ParentCommand
        RegistrationCommand registration;

        @Override
        public Integer call() {
            GatehouseCommand root = registration.root();
            try (RegistrationSession session = RegistrationSession.open(root)) {
                RegistrationRead read = session.read();
                ActionCoverage coverage = ActionCoverage.of(read.policies());
                List<CheckerVerdict> verdicts = RegistrationCheckers.all(read.policies());
                boolean pass = verdicts.stream().allMatch(CheckerVerdict::passes);
                StatusReport report = new StatusReport(session.connection().label(),
                        read.licences().map(TenantLicences::entraIdP1).orElse(null),
                        read.licences().map(TenantLicences::skuPartNumbers).orElse(List.of()),
                        read.securityDefaultsEnabled().orElse(null),
                        session.emergency().group().map(g -> g.label()).orElse(null),
                        coverage.reaches().stream().map(PolicyView::of).toList(),
                        coverage.combinedRequirement().orElse(null), coverage.explanation(), verdicts, pass,
                        read.unreadable());
                return show(root, report, !pass, Status::print);
            }
        }

        private static void print(PrintWriter out, StatusReport report) {
            out.println("Register security information on " + report.tenant());
            TextTable facts = TextTable.facts();
            facts.row("Entra ID P1", report.entraIdP1() == null ? "UNKNOWN (licences not read)"
                    : report.entraIdP1() ? "present" : "ABSENT (" + String.join(", ", report.licences()) + "). "
                    + WHAT_P1_BUYS);
            facts.row("Security defaults", report.securityDefaultsEnabled() == null ? "UNKNOWN"
                    : report.securityDefaultsEnabled() ? "ON: Conditional Access cannot be used while they are"
                    : "off");
            facts.row("Emergency-access group", report.emergencyAccessGroup() == null ? "none chosen (gatehouse "
                    + "breakglass group --set ID|NAME, or --breakglass-group)" : report.emergencyAccessGroup());
            facts.print(out, "  ");
            out.println();
            if (report.policies().isEmpty()) {
                out.println("Policies reaching the action: none");
            } else {
                out.println("Policies reaching the action (" + report.policies().size() + ")");
                report.policies().forEach(p -> Wrap.print(out, "  - ", "    ", p.described()));
            }
            report.explanation().forEach(line -> Wrap.print(out, "  ", "  ", line));
            out.println();
            out.println("Checkers");
            for (CheckerVerdict verdict : report.checkers()) {
                out.println("  " + verdict.outcome() + "  " + verdict.id() + ": " + verdict.title());
                for (CheckPoint point : verdict.points()) {
                    Wrap.print(out, "        " + (point.met() ? "[x] " : "[ ] "), "            ", point.text());
                }
                verdict.note().ifPresent(note -> Wrap.print(out, "        Note: ", "        ", note));
            }
            unreadable(out, report.unreadable());
        }
    }

    /** One pre-flight check as --json gives it: the verdict in lower case (pass, warn, fail, unknown). */
    record CheckView(String id, String title, String verdict, List<String> details, String remedy) {
        static CheckView of(PreflightCheck check) {
            return new CheckView(check.id(), check.title(), check.verdict().name().toLowerCase(Locale.ROOT),
                    check.details(), check.remedy().orElse(null));
        }
    }

    record ReportView(Long rowsRead, Long requests, String freshness, Boolean stale, Long needPass,
                      List<String> needPassUsers, Long adminsNeedingPass, boolean truncated, String whyUnread) {
    }

    record CheckReport(String tenant, List<CheckView> checks, boolean anyFailed, ReportView report,
                       List<String> unreadable) {
    }

    @Command(name = "check",
            footerHeading = HelpPages.EXAMPLES, footer = {
                    "  gatehouse policy registration check --scenario new-hires",
                    "  gatehouse policy registration check --json > preflight.json"},
            mixinStandardHelpOptions = true,
            description = {"The pre-flight, read-only: Entra ID P1 and security defaults, the Temporary Access Pass "
                    + "and passkey methods, the policies already reaching the action, the emergency-access group "
                    + "excluded, your own access, and the users who could not register once the policy is on "
                    + "(from the registration report, whose progress goes to standard error; Ctrl+C stops it).",
                    "Each check is pass, warn, fail or unknown with its fix. Exit code 0 when no check fails, 1 when one "
                            + "does or could not be made (unknown)."})
    static final class Check implements Callable<Integer> {

        @ParentCommand
        RegistrationCommand registration;

        @Override
        public Integer call() {
            GatehouseCommand root = registration.root();
            try (RegistrationSession session = RegistrationSession.open(root)) {
                RegistrationRead read = session.read();
                // the run's own design when one is under way (from either front end), else seed 000's
                ConditionalAccessPolicy draft = RegistrationSession.draft(session.savedChoices()
                        .map(saved -> saved.design(read.strengths(), ConditionalAccessPolicy.State.REPORT_ONLY))
                        .orElseGet(() -> RegistrationPolicyDesign.defaults(session.emergencyGroupId(),
                                read.strengths())));
                RegistrationPreflight.Outcome outcome = session.preflight(read, draft);
                CheckReport report = new CheckReport(session.connection().label(),
                        outcome.checks().stream().map(CheckView::of).toList(), outcome.anyFailed(),
                        report(outcome, read), read.unreadable());
                return show(root, report, Preflight.anyFailedOrUnknown(outcome.checks()), Check::print);
            }
        }

        private static ReportView report(RegistrationPreflight.Outcome outcome, RegistrationRead read) {
            Optional<RegistrationReadiness.Result> result = outcome.readiness().result();
            Long rows = outcome.report().map(r -> r.rows()).orElse(null);
            Long requests = outcome.report().map(r -> (long) r.requests()).orElse(null);
            return new ReportView(rows, requests, result.map(RegistrationReadiness.Result::freshness).orElse(null),
                    result.map(r -> r.stale(read.now())).orElse(null),
                    result.map(RegistrationReadiness.Result::needPassCount).orElse(null),
                    outcome.needPass().stream().map(RegistrationReadiness.UserRef::userPrincipalName).toList(),
                    result.map(RegistrationReadiness.Result::adminsNeedingPass).orElse(null),
                    result.map(RegistrationReadiness.Result::truncated).orElse(false),
                    outcome.readiness().whyUnread().orElse(null));
        }

        private static void print(PrintWriter out, CheckReport report) {
            out.println("Pre-flight for \"Register security information\" on " + report.tenant());
            for (CheckView check : report.checks()) {
                out.println();
                out.println("  " + check.verdict().toUpperCase(Locale.ROOT) + "  " + check.title());
                check.details().forEach(detail -> Wrap.print(out, "        ", "        ", detail));
                if (check.remedy() != null) {
                    Wrap.print(out, "        Fix: ", "             ", check.remedy());
                }
            }
            out.println();
            ReportView r = report.report();
            if (r.whyUnread() != null) {
                Wrap.print(out, "Registration report: not read. ", "  ", r.whyUnread());
            } else {
                Wrap.print(out, "Registration report: ", "  ", r.rowsRead() + " rows in " + r.requests()
                        + (r.requests() != null && r.requests() == 1 ? " request. " : " requests. ") + r.freshness()
                        + (Boolean.TRUE.equals(r.stale()) ? " It is STALE: it may miss methods registered since." : ""));
                Wrap.print(out, "", "  ", r.needPass() + (r.needPass() != null && r.needPass() == 1 ? " user needs"
                        : " users need") + " a Temporary Access Pass to register once the policy is on"
                        + (r.adminsNeedingPass() != null && r.adminsNeedingPass() > 0 ? " (" + r.adminsNeedingPass()
                        + " of them admins)" : "") + (r.needPass() != null && r.needPass() > 0
                        ? ": gatehouse policy registration tap-missing" : "") + ".");
            }
            unreadable(out, report.unreadable());
            out.println();
            boolean unknown = report.checks().stream().anyMatch(c -> "unknown".equalsIgnoreCase(c.verdict()));
            out.println(report.anyFailed() ? "A check FAILED: fix it before saving the policy."
                    : unknown ? "No check failed, but one could not be made (UNKNOWN): that counts as failed (exit 1)."
                    : "No check failed.");
        }
    }

    /** A read-only report, as --json or as text; exit code 1 when it found a failure scripts should stop on. */
    static <R> int show(GatehouseCommand root, R report, boolean failed, BiConsumer<PrintWriter, R> text) {
        if (root.tenantOptions.json) {
            Json.print(root.context().out(), report);
        } else {
            text.accept(root.context().out(), report);
        }
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    static void unreadable(PrintWriter out, List<String> unreadable) {
        if (!unreadable.isEmpty()) {
            out.println();
            unreadable.forEach(line -> Wrap.print(out, "!! ", "   ", line));
        }
    }
}
