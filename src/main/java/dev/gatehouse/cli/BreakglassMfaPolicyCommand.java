package dev.gatehouse.cli;

import dev.gatehouse.domain.breakglass.BreakGlassSetup;
import dev.gatehouse.domain.breakglass.DedicatedPolicyWhatIf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "mfa-policy",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse breakglass mfa-policy --dry-run",
                "  gatehouse breakglass mfa-policy --on"},
        mixinStandardHelpOptions = true,
        description = {"The optional end of step 9 of the emergency-access set-up: saves \u201cEmergency access: "
                + "phishing-resistant MFA\u201d (the group included, every resource, the built-in strength "
                + "Phishing-resistant MFA as its only grant) in report-only.",
                "With --on, asks Graph's What If for each account signing in to the Azure portal and the Azure management "
                        + "API it calls, shows it beside "
                        + "Gatehouse's own reading of the policies, then turns the policy on \u2014 refused, before "
                        + "any request, while an account has no FIDO2 key the methods policy lets it use.",
                "Needs a role that writes Conditional Access besides the set-up's Privileged Role Administrator or "
                        + "Global Administrator. Exit codes: 0 done or nothing to change; 4 not allowed or not "
                        + "possible yet (nothing was sent); 1 a step failed; 130 stopped or not confirmed."})
final class BreakglassMfaPolicyCommand implements Callable<Integer> {

    @ParentCommand
    BreakglassCommand breakglass;

    @Mixin
    WriteOptions write;

    @Option(names = "--on", description = "Turn the saved policy on, after What If.")
    boolean on;

    /** What If's rows, as --json gives them before the stage. */
    record WhatIf(List<DedicatedPolicyWhatIf.Row> accounts) {
    }

    @Override
    public Integer call() {
        GatehouseCommand root = breakglass.root;
        return BreakglassStageWalk.over(root, write, saved -> saved, (connection, session, choices, walk) -> {
            if (!on) {
                return walk.walk(session.procedure().stage(BreakGlassSetup.DEDICATED_REPORT_ONLY).orElseThrow());
            }
            List<DedicatedPolicyWhatIf.Row> rows;
            try {
                rows = DedicatedPolicyWhatIf.ask(session.read(choices), connection.directory()::whatIf);
            } catch (IllegalStateException nothingToAsk) {
                // the stage says why it cannot turn anything on
                rows = List.of();
            }
            if (root.tenantOptions.json) {
                Json.print(root.context().out(), new WhatIf(rows));
            } else {
                print(root.context().out(), rows);
            }
            return walk.walk(session.procedure().stage(BreakGlassSetup.DEDICATED_ON).orElseThrow());
        });
    }

    private static void print(PrintWriter out, List<DedicatedPolicyWhatIf.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.println("What If: each account signing in to the Azure portal (" + rows.size() + ")");
        for (DedicatedPolicyWhatIf.Row row : rows) {
            out.println("  " + (row.agrees() ? "AGREE" : "DISAGREE") + "  " + (row.ready() ? "READY" : "NOT READY")
                    + "  " + row.account());
            Wrap.print(out, "    What If:   ", "               ", names(row.whatIf()));
            Wrap.print(out, "    Gatehouse: ", "               ", names(row.forecast()));
            if (!row.byLocation().isEmpty()) {
                Wrap.print(out, "    Depends on the network (not compared): ", "      ",
                        String.join(", ", row.byLocation()));
            }
            Wrap.print(out, "    Once on:   ", "               ", row.outcome());
        }
        if (rows.stream().anyMatch(r -> !r.agrees())) {
            Wrap.print(out, "", "", "Graph and Gatehouse read this tenant's policies differently for the accounts "
                    + "marked DISAGREE: read them before turning anything on.");
        }
        out.println();
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "no policy reaches the account" : String.join(", ", names);
    }
}
