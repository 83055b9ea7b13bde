package dev.gatehouse.cli;

import dev.gatehouse.domain.breakglass.BreakGlassSetup;
import dev.gatehouse.domain.breakglass.BreakGlassSetupRead;
import dev.gatehouse.domain.breakglass.ExclusionOverview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "exclude",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse breakglass exclude --dry-run",
                "  gatehouse breakglass exclude --yes"},
        mixinStandardHelpOptions = true,
        description = {"Step 9 of the emergency-access set-up: shows, for every Conditional Access policy, whether the "
                + "emergency-access group is excluded, then adds the group to the exclusions of each policy that "
                + "would reach the accounts. Only conditions.users.excludeGroups changes: each policy is read and its "
                + "users condition sent back as read, with the group added.",
                "After a repair that replaced a group that was not role-assignable, the old group is retired in "
                        + "order: the new group is excluded everywhere first, then the old group's exclusions go, then "
                        + "the accounts leave it, so no moment leaves them unexcluded.",
                "Needs a role that writes Conditional Access (Conditional Access Administrator, Security "
                        + "Administrator or Global Administrator) besides the set-up's Privileged Role Administrator "
                        + "or Global Administrator. Exit codes: 0 done or nothing to change; 4 not allowed or not "
                        + "possible yet (nothing was sent); 1 a step failed; 130 stopped or not confirmed."})
final class BreakglassExcludeCommand implements Callable<Integer> {

    @ParentCommand
    BreakglassCommand breakglass;

    @Mixin
    WriteOptions write;

    /** Every policy's standing towards the group, as --json gives it before the stage. */
    record Overview(String group, List<ExclusionOverview.Row> policies) {
    }

    @Override
    public Integer call() {
        GatehouseCommand root = breakglass.root;
        CliContext context = root.context();
        return BreakglassStageWalk.over(root, write, saved -> saved, (connection, session, choices, walk) -> {
            BreakGlassSetupRead read = session.read(choices);
            read.group().ifPresent(group -> ExclusionOverview.of(read).ifPresent(rows -> {
                if (root.tenantOptions.json) {
                    Json.print(context.out(), new Overview(group.displayName(), rows));
                } else {
                    print(context.out(), group.displayName(), rows);
                }
            }));
            int code = walk.walk(session.procedure().stage(BreakGlassSetup.EXCLUSIONS).orElseThrow());
            if (code == ExitCodes.OK && walk.dryRun() && walk.planned() > 0) {
                walk.note("Dry run: nothing was sent.");
            }
            return code;
        });
    }

    private static void print(PrintWriter out, String group, List<ExclusionOverview.Row> rows) {
        out.println("Conditional Access policies and " + group + " (" + rows.size() + ")");
        for (ExclusionOverview.Row row : rows) {
            Wrap.print(out, "  - ", "    ", "\u201c" + row.displayName() + "\u201d (" + row.state().words()
                    + "): " + row.standing().words());
        }
        out.println();
    }
}
