package dev.gatehouse.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options of every command that changes a tenant: how the plan is confirmed, and where a secret may go. */
public final class WriteOptions {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Confirmation confirmation = new Confirmation();

    @Option(names = "--show-secret",
            description = "Include a temporary password or Temporary Access Pass in the output (and in --json), "
                    + "for runs without a terminal. Without it the secret is shown on the terminal only.")
    boolean showSecret;

    @Option(names = "--despite-recent-changes",
            description = "With --yes: go on although another admin changed the password or issued a Temporary Access "
                    + "Pass to this user in the last 15 minutes (a new one would make theirs stop working).")
    boolean despiteRecentChanges;

    static final class Confirmation {
        @Option(names = "--dry-run", required = true, description = "Print the plan and send nothing.")
        boolean dryRun;

        @Option(names = "--yes", required = true, description = "Run the plan without asking.")
        boolean yes;
    }

    boolean dryRun() {
        return confirmation != null && confirmation.dryRun;
    }

    boolean yes() {
        return confirmation != null && confirmation.yes;
    }

    boolean despiteRecentChanges() {
        return despiteRecentChanges;
    }
}
