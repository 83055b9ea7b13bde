package dev.gatehouse.cli;

import dev.gatehouse.domain.breakglass.AccountNames;
import dev.gatehouse.domain.breakglass.BreakGlassSetup;
import dev.gatehouse.domain.breakglass.BreakGlassSetupProposal;
import dev.gatehouse.domain.breakglass.BreakGlassSetupRead;
import dev.gatehouse.domain.breakglass.SetupChoices;
import dev.gatehouse.domain.procedure.Stage;
import dev.gatehouse.domain.tenant.TenantConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "setup",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse breakglass setup --dry-run",
                "  gatehouse breakglass setup --count 2 --key-aaguid AAGUID"},
        mixinStandardHelpOptions = true,
        description = {"Sets up the tenant's emergency-access (break-glass) accounts, steps 1-6 of the wizard: the plan, "
                + "2 to 4 cloud-only accounts on the initial *.onmicrosoft.com domain, a role-assignable group holding "
                + "them, permanent Global Administrator, passkeys (FIDO2) and the Temporary Access Pass enabled for the "
                + "group, and a one-time pass for each account without a key.",
                "Each stage reads the tenant first and plans only what is missing, then asks (or obeys --yes / "
                        + "--dry-run). A group that is not role-assignable is replaced by a new one, which becomes the "
                        + "tenant's emergency-access group. Resumable, and the same run as the window's wizard; run "
                        + "again once all is in place, it changes nothing and says so (exit 0).",
                "Passes are shown once, as by 'user issue-tap'. Needs a Privileged Role Administrator or Global "
                        + "Administrator: anyone else is refused before anything is sent (exit 4). --json prints one "
                        + "JSON document per stage."})
final class BreakglassSetupCommand implements Callable<Integer> {

    @ParentCommand
    BreakglassCommand breakglass;

    @Option(names = "--count", paramLabel = "N",
            description = "How many emergency-access accounts, 2 to 4 (default 2).")
    Integer count;

    @Option(names = "--prefix", paramLabel = "NAME",
            description = "Sign-in names NAME-01, NAME-02… on the initial domain (default: a neutral random name such "
                    + "as acct-kavo, which does not reveal what the accounts are).")
    String prefix;

    @Option(names = "--group-name", paramLabel = "NAME",
            description = "The new role-assignable group's name, when one is created (default: \""
                    + SetupChoices.DEFAULT_GROUP_NAME + "\").")
    String groupName;

    @Option(names = "--new-pass", description = "Replace a usable Temporary Access Pass an account already holds.")
    boolean newPass;

    @Option(names = "--lifetime", paramLabel = "MINUTES",
            description = "Minutes each pass is valid (default: the tenant's Temporary Access Pass default).")
    Integer lifetime;

    @Option(names = "--two-part-password",
            description = "Show each new account's password once, in two halves for two people to write down. "
                    + "Without it nobody ever sees the password: the accounts sign in with their FIDO2 keys.")
    boolean twoPartPassword;

    @Option(names = "--remove-other-members",
            description = "Remove members of the emergency-access group that are not emergency accounts.")
    boolean removeOtherMembers;

    @Option(names = "--key-aaguid", paramLabel = "AAGUID", split = ",",
            description = "The AAGUID of a key model you will register for the accounts (repeatable, or comma-"
                    + "separated; the key's vendor publishes it): the methods-policy step says, before anything is "
                    + "sent, whether the FIDO2 key restrictions would refuse it. Kept with the run.")
    List<String> keyAaGuids;

    @Mixin
    WriteOptions write;

    @Override
    public Integer call() {
        GatehouseCommand root = breakglass.root;
        CliContext context = root.context();
        Optional.ofNullable(count).flatMap(SetupChoices::countProblem).ifPresent(problem -> {
            throw new UsageException(problem);
        });
        try (TenantConnection connection = context.connect(root.tenantOptions)) {
            Optional<BreakglassSetupSession> opened = BreakglassSetupSession.open(context, connection);
            if (opened.isEmpty()) {
                return ExitCodes.NOT_ALLOWED;
            }
            BreakglassSetupSession session = opened.get();
            SetupChoices choices = choices(session);
            BreakglassStageWalk walk = new BreakglassStageWalk(context, root.tenantOptions.json, write, session,
                    choices, session.savedAnswers());
            return walk(walk, session);
        }
    }

    /** Steps 1-6 in order, each planned from a fresh read, shown, then run, recorded done, or refused. */
    private int walk(BreakglassStageWalk walk, BreakglassSetupSession session) {
        for (Stage<BreakGlassSetupRead, BreakGlassSetupProposal> stage : session.stagesThrough(BreakGlassSetup.TAP)) {
            int code = walk.walk(stage);
            if (code != ExitCodes.OK) {
                return code;
            }
        }
        if (walk.planned() == 0) {
            walk.note("Nothing to change: every part of the set-up (steps 1-6) is in place.");
        } else if (walk.dryRun()) {
            walk.note("Dry run: nothing was sent.");
        }
        return ExitCodes.OK;
    }

    /** The run's own accounts when it is continued and no name is given; else named from the options. */
    private SetupChoices choices(BreakglassSetupSession session) {
        String domain = session.tenant().initialDomain();
        Optional<SetupChoices> saved = session.savedChoices();
        SetupChoices named;
        if (saved.isPresent() && count == null && prefix == null && groupName == null) {
            named = saved.get();
        } else {
            String chosen = prefix == null ? AccountNames.suggestPrefix() : prefix;
            List<String> problems = AccountNames.prefixProblems(chosen, domain);
            if (!problems.isEmpty()) {
                throw new UsageException(String.join(" ", problems));
            }
            named = SetupChoices.of(count == null ? SetupChoices.DEFAULT_COUNT : count, chosen, domain)
                    .withGroupName(groupName);
        }
        SetupChoices flagged = named.withFlags(twoPartPassword, newPass, Optional.ofNullable(lifetime),
                removeOtherMembers);
        SetupChoices choices = keyAaGuids == null ? flagged : flagged.withKeyModels(keyAaGuids);
        List<String> problems = choices.problems(domain);
        if (!problems.isEmpty()) {
            throw new UsageException(String.join(" ", problems));
        }
        return choices;
    }
}
