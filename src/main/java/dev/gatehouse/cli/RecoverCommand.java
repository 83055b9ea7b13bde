package dev.gatehouse.cli;

import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.RunInProgressException;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.recovery.CompromisedAccountPlaybook;
import dev.gatehouse.domain.recovery.PlaybookChoices;
import dev.gatehouse.domain.recovery.Proposal;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.tenant.TenantWriter.TapRequest;
import dev.gatehouse.domain.text.Moments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "recover",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse user recover alex.wilber@tailspintoys.com --dry-run",
                "  gatehouse user recover alex.wilber@tailspintoys.com --keep METHOD-ID",
                "  gatehouse user recover lee.gu@tailspintoys.com --lifetime 120 --multi-use",
                "  gatehouse user recover alex.wilber@tailspintoys.com --start-over"},
        mixinStandardHelpOptions = true,
        description = {"The compromised-account playbook: disable, revoke sessions, delete the methods that are not "
                + "the user's (recently added ones preselected), require re-registration, reset the password, issue "
                + "a Temporary Access Pass for hand-over after identity verification, enable.",
                "Resumable: if a run stops, running the command again continues where it stopped.",
                "One run per user at a time: a second one, from this or another terminal or the window, is refused "
                        + "with who runs it (exit code 7)."})
final class RecoverCommand implements Callable<Integer> {

    @ParentCommand
    UserCommand user;

    @Parameters(index = "0", paramLabel = "UPN|ID", description = "User principal name or object id.")
    String who;

    @Option(names = "--delete", paramLabel = "METHOD-ID", split = ",",
            description = "Also delete these methods as not the user's (ids from 'user show').")
    List<String> delete = List.of();

    @Option(names = "--keep", paramLabel = "METHOD-ID", split = ",",
            description = "Keep these methods although they were added recently.")
    List<String> keep = List.of();

    @Option(names = "--lifetime", paramLabel = "MIN",
            description = "Lifetime of the Temporary Access Pass in minutes, within the tenant's TAP policy "
                    + "(default: the policy's default).")
    Integer lifetime;

    @Option(names = "--multi-use",
            description = "Make the Temporary Access Pass usable more than once until it expires (default: one-time).")
    boolean multiUse;

    @Option(names = "--skip-password-reset",
            description = "Leave the password as it is (the default only for a user who signs in without one; the "
                    + "attacker may know it).")
    boolean skipPasswordReset;

    @Option(names = "--reset-password",
            description = "Reset the password although the user signs in without one (not done by default for them).")
    boolean resetPassword;

    @Option(names = "--leave-disabled",
            description = "Do not enable the account at the end; it stays disabled until you enable it.")
    boolean leaveDisabled;

    @Option(names = "--start-over",
            description = "Forget an unfinished run of the playbook for this user and plan a new one.")
    boolean startOver;

    @Option(names = "--take-over",
            description = {"Continue a run whose process ended mid-run (closed, killed, crashed), after you checked "
                    + "the user's methods and the journal. A run that is still going is never taken over."})
    boolean takeOver;

    @Mixin
    WriteOptions write;

    @Override
    public Integer call() {
        if (startOver && write.dryRun()) {
            throw new UsageException("--start-over forgets the unfinished run, which a dry run must not do; run "
                    + "--dry-run without it to see what continuing would do.");
        }
        GatehouseCommand root = user.root;
        CliContext context = root.context();
        return context.onUser(root.tenantOptions, who, (desk, target) -> {
            // a run going on elsewhere refuses now; one left by a dead process only refuses to run, not to be shown
            desk.playbookHolder(target.targetId()).filter(held -> !held.stale() || !(takeOver || write.dryRun()))
                    .ifPresent(held -> {
                        throw new RunInProgressException("\u201c" + CompromisedAccountPlaybook.TITLE + "\u201d on "
                                + target.targetLabel(), held.holder(), held.stale());
                    });
            // read before planning: if another admin moves the run on before this one is confirmed, it is refused
            long basis = desk.playbookRevision(target.targetId());
            // --start-over plans over the unfinished run; its record is replaced only when the new run is confirmed
            Optional<ProcedureProgress> unfinished = startOver ? Optional.empty()
                    : desk.unfinishedPlaybook(target.targetId());
            List<String> chosen = choicesGiven();
            if (unfinished.isPresent() && !chosen.isEmpty()) {
                throw new UsageException("A run of the playbook for " + target.targetLabel() + " started "
                        + Moments.of(unfinished.get().started()) + " is unfinished; running again continues it with "
                        + "the choices confirmed then. Leave out " + String.join(", ", chosen) + ", or add "
                        + "--start-over to plan a new run.");
            }
            PlaybookChoices choices = choices(target);
            Proposal proposal = desk.proposePlaybook(target, choices, startOver);
            RunOptions options = RunOptions.startingOver(startOver).takingOver(takeOver).basedOn(basis);
            return new ProposalRun(context, write, root.tenantOptions.json, who).run(target, proposal, false,
                    desk.handOversByOthers(target), (confirmed, cancellation, listener) -> desk.executePlaybook(target, choices, confirmed, options,
                            cancellation, listener));
        });
    }

    /** The options that choose what a new run does, as typed; a run being continued keeps the ones confirmed then. */
    private List<String> choicesGiven() {
        List<String> given = new ArrayList<>();
        if (!delete.isEmpty()) {
            given.add("--delete");
        }
        if (!keep.isEmpty()) {
            given.add("--keep");
        }
        if (lifetime != null) {
            given.add("--lifetime");
        }
        if (multiUse) {
            given.add("--multi-use");
        }
        if (skipPasswordReset) {
            given.add("--skip-password-reset");
        }
        if (resetPassword) {
            given.add("--reset-password");
        }
        if (leaveDisabled) {
            given.add("--leave-disabled");
        }
        return given;
    }

    /**
     * The window's choices from the options: the preselection (recent methods), plus --delete, minus --keep, every id
     * one of the user's methods; the pass, the password reset and the final enable as the window's checkboxes set
     * them. A pass outside the tenant's TAP policy is refused by the playbook's plan, before anything is sent.
     */
    private PlaybookChoices choices(RecoveryContext target) {
        if (skipPasswordReset && resetPassword) {
            throw new UsageException("--skip-password-reset and --reset-password contradict each other; give one.");
        }
        Set<String> both = delete.stream().filter(id -> keep.stream().anyMatch(id::equalsIgnoreCase))
                .collect(Collectors.toSet());
        if (!both.isEmpty()) {
            throw new UsageException("Method " + String.join(", ", both) + " is given to both --delete and --keep.");
        }
        List<String> unknown = java.util.stream.Stream.concat(delete.stream(), keep.stream())
                .filter(id -> target.method(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new UsageException(target.targetName() + " has no method " + String.join(", ", unknown)
                    + ". Their methods: " + target.methods().stream().map(m -> m.id() + " (" + m.type().label() + ")")
                    .collect(Collectors.joining(", ")) + ".");
        }
        PlaybookChoices defaults = CompromisedAccountPlaybook.defaults(target);
        Set<String> marked = new LinkedHashSet<>(defaults.deleteMethodIds());
        delete.forEach(id -> marked.add(target.method(id).orElseThrow().id()));
        keep.forEach(id -> marked.remove(target.method(id).orElseThrow().id()));
        boolean reset = resetPassword || (!skipPasswordReset && defaults.resetPassword());
        TapRequest tap = new TapRequest(lifetime == null ? defaults.tap().lifetimeMinutes() : lifetime, !multiUse);
        return new PlaybookChoices(marked, reset, tap, !leaveDisabled);
    }
}
