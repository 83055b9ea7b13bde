package dev.gatehouse.cli;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.registration.RegistrationChoices;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign;
import dev.gatehouse.domain.registration.RegistrationRead;
import dev.gatehouse.domain.registration.WhatIfComparison;
import dev.gatehouse.domain.registration.WhatIfSubjects;
import dev.gatehouse.domain.tenant.TenantException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "whatif",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse policy registration whatif",
                "  gatehouse policy registration whatif --user megan.bowen@tailspintoys.com"},
        mixinStandardHelpOptions = true,
        description = {"Graph's What If (POST /identity/conditionalAccess/evaluate, registering security information) "
                + "beside Gatehouse's own forecast, person by person: you, each emergency-access account, a pilot "
                + "user on a compliant and an unmanaged device (with and without a passkey), a guest, and anyone "
                + "named with --user. What If also evaluates report-only policies: the only way to see whom a "
                + "report-only policy on a user action would reach. Read-only.",
                "Exit code 0 when What If and the forecast agree for everyone, 1 when they do not."})
final class RegistrationWhatIfCommand implements Callable<Integer> {

    @ParentCommand
    RegistrationCommand registration;

    @Option(names = "--user", paramLabel = "UPN", description = "Also ask for this user (repeatable).")
    List<String> users = List.of();

    @Option(names = "--compliant-device", description = "The users named with --user are on a compliant device.")
    boolean compliantDevice;

    @Option(names = "--pilot-group", paramLabel = "ID|NAME",
            description = "The pilot group to take users from (default: the run's pilot group, if chosen).")
    String pilotGroup;

    record RowView(String who, String role, String device, List<String> whatIf, List<String> forecast,
                   List<String> dependOnLocation, boolean agrees, String outcome) {
        static RowView of(WhatIfComparison.Row row) {
            return new RowView(row.subject().label(), row.subject().role(), row.subject().device(), row.whatIf(),
                    row.forecast(), row.byLocation(), row.agrees(), row.outcome());
        }
    }

    record Report(String tenant, String policy, String policyId, String state, List<RowView> rows,
                  boolean allAgree) {
    }

    @Override
    public Integer call() {
        GatehouseCommand root = registration.root();
        CliContext context = root.context();
        try (RegistrationSession session = RegistrationSession.open(root)) {
            RegistrationRead read = session.read();
            Optional<RegistrationChoices> saved = session.savedChoices();
            RegistrationChoices choices = saved.orElseGet(() -> RegistrationChoices.of(RegistrationPolicyDesign
                    .defaults(session.emergencyGroupId(), read.strengths()), Optional.empty()));
            ConditionalAccessPolicy policy = RegistrationSession.target(read, choices)
                    .or(() -> read.registrationPolicies().size() == 1 ? Optional.of(read.registrationPolicies()
                            .get(0)) : Optional.empty())
                    .orElseThrow(() -> new TenantException(TenantException.Kind.NOT_FOUND, read.registrationPolicies()
                            .isEmpty() ? "No policy on \u201cRegister security information\u201d in "
                            + session.connection().label() + " yet: save it in report-only first (gatehouse policy "
                            + "registration apply), then ask What If." : read.registrationPolicies().size()
                            + " policies reach \u201cRegister security information\u201d and none is named \u201c"
                            + choices.displayName() + "\u201d: What If is asked about the policy this run saves."));
            Optional<String> pilot = pilotGroup != null ? Optional.of(session.groupId(pilotGroup))
                    : choices.pilotGroup();
            List<WhatIfComparison.Subject> subjects;
            try {
                subjects = new WhatIfSubjects(session.connection().directory()).standard(read, pilot, users,
                        compliantDevice);
            } catch (IllegalArgumentException e) {
                throw new TenantException(TenantException.Kind.NOT_FOUND, e.getMessage());
            }
            List<WhatIfComparison.Row> rows = WhatIfComparison.compare(read, policy, subjects,
                    session.connection().directory()::whatIf);
            boolean agree = rows.stream().allMatch(WhatIfComparison.Row::agrees);
            Report report = new Report(session.connection().label(), policy.displayName(), policy.id(),
                    policy.state().graphValue(), rows.stream().map(RowView::of).toList(), agree);
            if (root.tenantOptions.json) {
                Json.print(context.out(), report);
            } else {
                print(context.out(), report);
            }
            if (!agree) {
                rows.stream().filter(row -> !row.agrees()).forEach(row -> context.err().println("gatehouse: What If "
                        + "and Gatehouse's forecast disagree for " + row.subject().label() + ": What If lists "
                        + names(row.whatIf()) + ", Gatehouse expects " + names(row.forecast()) + ". One of the two "
                        + "is wrong about this tenant: check the policy's users and exclusions before turning it on."));
                return ExitCodes.FAILED;
            }
            return ExitCodes.OK;
        }
    }

    private static String names(List<String> policies) {
        return policies.isEmpty() ? "no policy" : "\u201c" + String.join("\u201d, \u201c", policies) + "\u201d";
    }

    private static void print(PrintWriter out, Report report) {
        out.println("What If for \u201cRegister security information\u201d on " + report.tenant() + ", with \u201c"
                + report.policy() + "\u201d (" + report.state() + ")");
        TextTable table = new TextTable("WHO", "DEVICE", "WHAT IF: POLICIES", "GATEHOUSE FORECAST", "AGREE",
                "ONCE ON");
        for (RowView row : report.rows()) {
            table.row(row.who(), row.device(), String.join("; ", row.whatIf()), String.join("; ", row.forecast()),
                    row.agrees() ? "yes" : "NO", row.outcome());
        }
        table.print(out, "  ");
        out.println();
        out.println(report.allAgree() ? "What If and Gatehouse's forecast agree for everyone."
                : "What If and Gatehouse's forecast DISAGREE: see the rows marked NO.");
        report.rows().stream().flatMap(row -> row.dependOnLocation().stream()).distinct().forEach(policy ->
                Wrap.print(out, "", "  ", "\u201c" + policy + "\u201d has a location condition: whether it applies "
                        + "depends on the network the person signs in from, which What If (asked without an IP "
                        + "address) cannot tell and Gatehouse does not simulate; it is left out of the comparison."));
    }
}
