package dev.gatehouse.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "gatehouse", mixinStandardHelpOptions = true, versionProvider = GatehouseVersion.class,
        description = {"Gatehouse: the registration gate of Microsoft Entra ID, from the command line.",
                "Without a command, app/gatehouse opens the desktop app on the demo tenant."},
        subcommands = {UsersCommand.class, UserCommand.class, TenantPolicyCommand.class, BreakglassCommand.class},
        optionListHeading = "%nGlobal options, accepted before or after any command:%n",
        commandListHeading = "%nCommands:%n",
        footerHeading = HelpPages.EXAMPLES,
        footer = {"  gatehouse users list --search ad",
                "  gatehouse user show alex.wilber@tailspintoys.com --scenario compromised",
                "  gatehouse policy registration check --scenario new-hires",
                "  gatehouse breakglass status --json",
                "", "Exit codes: 0 ok, 1 failed (or a check failed), 2 bad usage, 3 not found, 4 not signed in / not allowed / "
                + "no licence, 5 tenant unavailable, throttled, too slow (--timeout) or not answering as Graph, "
                + "6 no Graph API for the action, 7 another run holds the user or the tenant's registration policy, "
                + "130 cancelled."})
public final class GatehouseCommand {

    @Mixin
    TenantOptions tenantOptions;

    private CliContext context;

    void bind(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }
}
