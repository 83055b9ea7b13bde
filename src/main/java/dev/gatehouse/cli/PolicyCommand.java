package dev.gatehouse.cli;

import dev.gatehouse.domain.recovery.EffectiveMethodsPolicy;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.tenant.TenantException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "policy",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse user policy megan.bowen@tailspintoys.com",
                "  gatehouse user policy megan.bowen@tailspintoys.com --json"},
        mixinStandardHelpOptions = true,
        description = "The authentication methods policy as it applies to this user: each method, whether it is "
                + "enabled for them, and through which target (all users or a group). Read-only.")
final class PolicyCommand implements Callable<Integer> {

    /** @param unreadable what could not be read, by name ({@code groups}, {@code conditionalAccess}…), with why */
    record Report(String user, String userId, PolicyView policy, Map<String, String> unreadable) {
    }

    record PolicyView(List<RowView> rows) {
    }

    /**
     * @param method  the method's configuration id in the authentication methods policy ({@code Fido2},
     *                {@code MicrosoftAuthenticator}…), as Graph names it
     * @param through the target that enables it for the user ("All users" or a group's name), null when none
     */
    record RowView(String method, String label, boolean enabledForUser, String through, String reason) {
    }

    /** The names --json gives what the recovery context could not read, instead of its prose. */
    private static final Map<String, String> PARTS = Map.of(RecoveryContext.METHODS_POLICY, "methodsPolicy",
            RecoveryContext.CONDITIONAL_ACCESS, "conditionalAccess", RecoveryContext.GROUPS, "groups",
            RecoveryContext.REGISTRATIONS, "registrations");

    static Report report(RecoveryContext target, EffectiveMethodsPolicy policy) {
        List<RowView> rows = policy.rows().stream().map(row -> new RowView(row.method(), row.label(),
                row.enabledForUser(), row.through().orElse(null), row.reason())).toList();
        Map<String, String> unreadable = new TreeMap<>();
        target.unreadable().forEach((part, why) -> unreadable.put(PARTS.getOrDefault(part, part), why));
        return new Report(target.targetLabel(), target.targetId(), new PolicyView(rows), unreadable);
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
                Json.print(context.out(), report(target, policy));
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
