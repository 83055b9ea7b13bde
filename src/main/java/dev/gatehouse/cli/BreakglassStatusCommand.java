package dev.gatehouse.cli;

import dev.gatehouse.domain.breakglass.AccountHealth;
import dev.gatehouse.domain.breakglass.BreakGlassHealth;
import dev.gatehouse.domain.breakglass.DrillLog;
import dev.gatehouse.domain.breakglass.DrillSchedule;
import dev.gatehouse.domain.breakglass.HealthCheck;
import dev.gatehouse.domain.breakglass.HealthReads;
import dev.gatehouse.domain.breakglass.Verdict;
import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.tenant.TenantConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "status",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse breakglass status",
                "  gatehouse breakglass status --json"},
        mixinStandardHelpOptions = true,
        description = {"The health of the tenant's emergency-access accounts: for each account whether it is enabled, "
                + "cloud-only, on the initial *.onmicrosoft.com domain and unlicensed, holds Global Administrator "
                + "permanently, has phishing-resistant methods only and a FIDO2 key, is excluded from Conditional "
                + "Access (or covered by one dedicated phishing-resistant policy), its last sign-in and recent "
                + "changes, and the drill; then the group: role-assignable, members, owners, exclusions. Read-only.",
                "Each fact is OK, CHECK or FIX with the reason. Exit code 0 when nothing needs fixing (OK or CHECK), "
                        + "1 when something does. With --json: one object per account with each check and its "
                        + "verdict (green, amber, red)."})
final class BreakglassStatusCommand implements Callable<Integer> {

    @ParentCommand
    BreakglassCommand breakglass;

    record CheckView(String id, String label, String verdict, String reason) {
        static List<CheckView> of(List<HealthCheck> checks) {
            return checks.stream().map(c -> new CheckView(c.id(), c.label(), name(c.verdict()), c.reason())).toList();
        }
    }

    record AccountView(String id, String userPrincipalName, String displayName, String verdict,
                       List<CheckView> checks) {
    }

    record GroupView(String id, String displayName, String verdict, List<CheckView> checks) {
    }

    record StatusReport(String tenant, String verdict, List<AccountView> accounts, GroupView group, LocalDate lastDrill,
                        LocalDate nextDrill) {

        static StatusReport of(String tenant, BreakGlassHealth health) {
            return new StatusReport(tenant, name(health.verdict()), health.accounts().stream()
                    .map(a -> new AccountView(a.id(), a.userPrincipalName(), a.displayName(), name(a.verdict()),
                            CheckView.of(a.checks()))).toList(),
                    new GroupView(health.group().id().orElse(null), health.group().displayName(),
                            name(health.group().verdict()), CheckView.of(health.group().checks())),
                    health.lastDrill().orElse(null), health.nextDrill());
        }
    }

    @Override
    public Integer call() {
        GatehouseCommand root = breakglass.root;
        CliContext context = root.context();
        try (TenantConnection connection = context.connect(root.tenantOptions)) {
            String tenantId = connection.directory().tenant().id();
            EmergencyAccess emergency = context.emergencyAccess(connection).current();
            Optional<LocalDate> drill = DrillLog.in(context.dataFolder(), connection).last(tenantId);
            BreakGlassHealth health = BreakGlassHealth.of(new HealthReads(connection.directory(), Clock.systemUTC(),
                    ZoneId.systemDefault()).read(emergency, drill));
            StatusReport report = StatusReport.of(connection.label(), health);
            return RegistrationCommand.show(root, report, health.verdict() == Verdict.RED,
                    BreakglassStatusCommand::print);
        }
    }

    private static void print(PrintWriter out, StatusReport report) {
        out.println("Emergency access on " + report.tenant() + ": " + word(report.verdict()));
        out.println();
        GroupView group = report.group();
        out.println("Group: " + group.displayName() + (group.id() == null ? "" : " (" + group.id() + ")"));
        checks(out, group.checks());
        for (AccountView account : report.accounts()) {
            out.println();
            out.println(account.displayName() + " (" + account.userPrincipalName() + ")");
            checks(out, account.checks());
        }
        out.println();
        Wrap.print(out, "", "", "Last drill: " + (report.lastDrill() == null ? "none recorded on this machine"
                : DrillSchedule.date(report.lastDrill())) + "; next due " + DrillSchedule.date(report.nextDrill())
                + ". The checklist: gatehouse breakglass drill; once held: gatehouse breakglass drill --done.");
    }

    private static void checks(PrintWriter out, List<CheckView> checks) {
        for (CheckView check : checks) {
            Wrap.print(out, String.format(Locale.ROOT, "  %-5s ", word(check.verdict())), "        ",
                    check.label() + ": " + check.reason());
        }
    }

    private static String name(Verdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT);
    }

    private static String word(String verdict) {
        return Verdict.valueOf(verdict.toUpperCase(Locale.ROOT)).word();
    }
}
