package dev.gatehouse.cli;

import dev.gatehouse.domain.recovery.EffectiveMethodsPolicy;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.tenant.TenantException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "policy",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse user policy megan.bowen@tailspintoys.com",
                "  gatehouse user policy megan.bowen@tailspintoys.com --json"},
        mixinStandardHelpOptions = true,
        description = "The authentication methods policy as it applies to this user: each method, whether it is "
                + "enabled for them, and through which target (all users or a group). Read-only.")
final class PolicyCommand implements Callable<Integer> {

    record Report(String user, String userId, EffectiveMethodsPolicy policy, Map<String, String> unreadable) {
    }

    @ParentCommand
    UserCommand user;

    @Parameters(index = "0", paramLabel = "UPN|ID", description = "User principal name or object id.")
    String who;

    @Override
    public Integer call() {
        GatehouseCommand root = user.root;
        CliContext context = root.context();
        return context.onUser(root.tenantOptions, who, (desk, target) -> {
            EffectiveMethodsPolicy policy = target.effectiveMethodsPolicy().orElseThrow(() -> new TenantException(
                    TenantException.Kind.MISSING_PERMISSION, "The authentication methods policy could not be read: "
                    + target.unreadable().get(RecoveryContext.METHODS_POLICY)));
            if (root.tenantOptions.json) {
                Json.print(context.out(), new Report(target.targetLabel(), target.targetId(), policy,
                        target.unreadable()));
            } else {
                print(context.out(), target, policy);
            }
            return ExitCodes.OK;
        });
    }

    private static void print(PrintWriter out, RecoveryContext target, EffectiveMethodsPolicy policy) {
        out.println("Authentication methods policy for " + target.targetLabel());
        TextTable table = new TextTable("METHOD", "FOR THIS USER", "THROUGH", "WHY");
        for (EffectiveMethodsPolicy.Row row : policy.rows()) {
            table.row(row.label(), row.enabledForUser() ? "enabled" : "not enabled", row.through().orElse(""),
                    row.reason());
        }
        table.print(out, "  ");
        String groups = target.unreadable().get(RecoveryContext.GROUPS);
        if (groups != null) {
            Wrap.print(out, "!! ", "   ", "Group memberships could not be read (" + groups + "); only the "
                    + "role-assignable groups were taken into account, so a method enabled through another group "
                    + "may show as not enabled.");
        }
    }
}
