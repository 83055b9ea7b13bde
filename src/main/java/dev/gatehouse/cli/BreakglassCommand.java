package dev.gatehouse.cli;

import dev.gatehouse.domain.emergency.Discovery;
import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.emergency.EmergencyGroupDiscovery;
import dev.gatehouse.domain.emergency.EmergencyGroupLookup;
import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "breakglass",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse breakglass status",
                "  gatehouse breakglass setup --dry-run"},
        mixinStandardHelpOptions = true,
        description = "The tenant's emergency-access (break-glass) accounts.",
        subcommands = {BreakglassCommand.Group.class, BreakglassStatusCommand.class, BreakglassSetupCommand.class,
                BreakglassFinishCommand.class, BreakglassExcludeCommand.class, BreakglassMfaPolicyCommand.class,
                BreakglassDrillCommand.class, BreakglassRecordCommand.class})
final class BreakglassCommand {

    @ParentCommand
    GatehouseCommand root;

    @Command(name = "group",
            footerHeading = HelpPages.EXAMPLES, footer = {
                    "  gatehouse breakglass group",
                    "  gatehouse breakglass group --set \"Emergency Access Accounts\""},
            mixinStandardHelpOptions = true,
            description = {"Show the group that holds the tenant's emergency-access accounts, with the evidence for it, "
                    + "and the groups discovery proposes; choose or forget the group.",
                    "The choice is kept on this machine (settings.properties in the data folder), per tenant; it "
                            + "changes nothing in the tenant. Nothing discovery proposes is used until you choose it."})
    static final class Group implements Callable<Integer> {

        @ParentCommand
        BreakglassCommand breakglass;

        @Option(names = "--set", paramLabel = "ID|NAME",
                description = "Choose this group (object id or exact display name) for this tenant on this machine.")
        String set;

        @Option(names = "--forget", description = "Forget the group chosen for this tenant on this machine.")
        boolean forget;

        @Override
        public Integer call() {
            GatehouseCommand root = breakglass.root;
            TenantOptions options = root.tenantOptions;
            if (set != null && forget) {
                throw new UsageException("Use --set or --forget, not both.");
            }
            if ((set != null || forget) && options.breakglassGroup != null) {
                throw new UsageException("--breakglass-group names a group for one command only; to keep a choice "
                        + "use --set alone.");
            }
            if (set != null && set.isBlank()) {
                throw new UsageException("--set needs the group's object id or its exact display name.");
            }
            CliContext context = root.context();
            try (TenantConnection connection = context.connect(options)) {
                TenantInfo tenant = connection.directory().tenant();
                EmergencyGroupSettings settings = context.emergencyGroups();
                String change = null;
                if (set != null) {
                    EmergencyGroup chosen = EmergencyGroup.of(EmergencyGroupLookup.resolve(connection.directory(), set));
                    settings.save(tenant.id(), chosen);
                    change = "Saved: " + chosen.label() + " is now this tenant's emergency-access group on this machine.";
                } else if (forget) {
                    change = settings.chosen(tenant.id()).map(old -> "Forgotten: " + old.label() + " is no longer "
                            + "this tenant's emergency-access group on this machine.")
                            .orElse("No emergency-access group was chosen for this tenant on this machine; nothing to "
                                    + "forget.");
                    settings.forget(tenant.id());
                }
                EmergencyAccess access = options.breakglassGroup != null ? context.emergencyAccess(connection).current()
                        : settings.chosen(tenant.id()).map(g -> EmergencyAccess.chosen(g, EmergencyAccess.Origin.SAVED))
                        .orElse(EmergencyAccess.notChosen());
                Discovery discovery = new EmergencyGroupDiscovery(connection.directory()).discover(access);
                EmergencyGroupReport report = EmergencyGroupReport.of(connection.label(), tenant, change,
                        discovery);
                if (options.json) {
                    Json.print(context.out(), report);
                } else {
                    report.print(context.out());
                }
            }
            return ExitCodes.OK;
        }
    }
}
