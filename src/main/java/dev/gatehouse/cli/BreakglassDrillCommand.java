package dev.gatehouse.cli;

import dev.gatehouse.domain.breakglass.DrillChecklist;
import dev.gatehouse.domain.breakglass.DrillLog;
import dev.gatehouse.domain.breakglass.DrillSchedule;
import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.TenantConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "drill",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse breakglass drill",
                "  gatehouse breakglass drill --done --date 2026-11-30"},
        mixinStandardHelpOptions = true,
        description = {"The drill of the emergency-access accounts: the checklist to work through (sign in with each "
                + "key, confirm the alert fired, review methods and who may use them), and with --done the date it "
                + "was held, kept per tenant on this machine (settings.properties). Microsoft advises a drill at "
                + "least every " + DrillSchedule.EVERY_DAYS + " days.",
                "Nothing is sent to the tenant; the checklist reads the group's members."})
final class BreakglassDrillCommand implements Callable<Integer> {

    @ParentCommand
    BreakglassCommand breakglass;

    @Option(names = "--done", description = "Record that the drill was held today (or on --date).")
    boolean done;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "With --done: the day the drill was held, when "
            + "not today.")
    String date;

    record DrillReport(String tenant, List<String> checklist, LocalDate lastDrill, LocalDate nextDrill,
                       String recorded) {
    }

    @Override
    public Integer call() {
        if (date != null && !done) {
            throw new UsageException("--date goes with --done: it is the day the drill was held.");
        }
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        LocalDate held = parse(date).orElse(today);
        GatehouseCommand root = breakglass.root;
        CliContext context = root.context();
        try (TenantConnection connection = context.connect(root.tenantOptions)) {
            String tenantId = connection.directory().tenant().id();
            DrillLog log = DrillLog.in(context.dataFolder(), connection);
            String recorded = null;
            if (done) {
                try {
                    log.record(tenantId, held, today);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                recorded = "Recorded: drill held " + DrillSchedule.date(held) + " on " + connection.label()
                        + ". Next due " + DrillSchedule.date(held.plusDays(DrillSchedule.EVERY_DAYS)) + ".";
            }
            EmergencyAccess emergency = context.emergencyAccess(connection).current();
            List<String> accounts = emergency.group().map(EmergencyGroup::id)
                    .map(id -> connection.directory().groupMembers(id).stream().filter(DirectoryPrincipal::isUser)
                            .map(DirectoryPrincipal::label).toList())
                    .orElse(List.of("each emergency-access account (no group is chosen: "
                            + EmergencyAccess.HOW_TO_CHOOSE + ")"));
            Optional<LocalDate> last = log.last(tenantId);
            DrillReport report = new DrillReport(connection.label(), DrillChecklist.items(accounts), last.orElse(null),
                    DrillSchedule.nextDue(last, today), recorded);
            return RegistrationCommand.show(root, report, false, BreakglassDrillCommand::print);
        }
    }

    private static Optional<LocalDate> parse(String date) {
        if (date == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(date.strip()));
        } catch (DateTimeParseException e) {
            throw new UsageException("--date expects a day as YYYY-MM-DD, such as 2026-12-06: '" + date + "'.");
        }
    }

    private static void print(PrintWriter out, DrillReport report) {
        if (report.recorded() != null) {
            Wrap.print(out, "", "", report.recorded());
            return;
        }
        out.println("Emergency-access drill on " + report.tenant());
        out.println("Last drill: " + (report.lastDrill() == null ? "none recorded on this machine"
                : DrillSchedule.date(report.lastDrill())) + "; next due " + DrillSchedule.date(report.nextDrill()));
        out.println();
        List<String> items = report.checklist();
        for (int i = 0; i < items.size(); i++) {
            Wrap.print(out, String.format("  %d. ", i + 1), "     ", items.get(i));
        }
        out.println();
        out.println("When every item is done: gatehouse breakglass drill --done");
    }
}
