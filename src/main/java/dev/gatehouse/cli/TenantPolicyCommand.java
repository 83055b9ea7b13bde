package dev.gatehouse.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Tenant-wide policies; {@code user policy} is the methods policy as it applies to one user. */
@Command(name = "policy",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse policy registration status",
                "  gatehouse policy registration check --scenario new-hires"},
        mixinStandardHelpOptions = true,
        description = "The tenant's Conditional Access policies that guard the registration gate.",
        subcommands = RegistrationCommand.class)
final class TenantPolicyCommand {

    @ParentCommand
    GatehouseCommand root;
}
