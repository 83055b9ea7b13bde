package dev.gatehouse.cli;

import dev.gatehouse.domain.breakglass.AccountRoster;
import dev.gatehouse.domain.breakglass.BreakGlassSetup;
import dev.gatehouse.domain.breakglass.BreakGlassSetupProposal;
import dev.gatehouse.domain.breakglass.BreakGlassSetupRead;
import dev.gatehouse.domain.breakglass.CleanUpChoices;
import dev.gatehouse.domain.breakglass.KeyArrival;
import dev.gatehouse.domain.breakglass.KeyWatch;
import dev.gatehouse.domain.breakglass.SetupChoices;
import dev.gatehouse.domain.policy.KeyRestrictions;
import dev.gatehouse.domain.procedure.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "finish",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse breakglass finish --wait 600",
                "  gatehouse breakglass finish --dry-run"},
        mixinStandardHelpOptions = true,
        description = {"Finishes the emergency-access set-up, steps 7-8 of the wizard: checks that every account has "
                + "its FIDO2 key (with --wait, waits for the keys as you register them at https://aka.ms/mysecurityinfo "
                + "with each account's one-time pass), then cleans up: deletes each account's Temporary Access Pass "
                + "and any phone, Microsoft Authenticator, software OATH or email method, and removes its licences; "
                + "then verifies that each account has only phishing-resistant methods besides its password.",
                "Continues the run of 'breakglass setup' (steps 1-6 must be in place; they are checked, never "
                        + "changed here). Run again once all is clean, it changes nothing and says so (exit 0).",
                "Exit codes: 0 done (or nothing to change); 4 keys still missing, a step before is not in place, or "
                        + "you may not run it (nothing was deleted); 1 a step failed or the verification found "
                        + "something left; 130 stopped (Ctrl+C) or not confirmed. --json prints one JSON document "
                        + "per stage."})
final class BreakglassFinishCommand implements Callable<Integer> {

    @ParentCommand
    BreakglassCommand breakglass;

    @Option(names = "--wait", paramLabel = "SECONDS",
            description = "Wait up to SECONDS for the missing keys, checking each account at Graph's pace (every 5 s "
                    + "or more) and printing each key as it arrives (on standard error). Ctrl+C stops waiting.")
    Integer waitSeconds;

    @Option(names = "--keep-methods",
            description = "Leave phone, Microsoft Authenticator, software OATH and email methods in place (the "
                    + "health view keeps showing them). The passes are deleted regardless.")
    boolean keepMethods;

    @Option(names = "--keep-licences", description = "Leave the accounts' licences assigned (the health view keeps "
            + "showing them).")
    boolean keepLicences;

    @Mixin
    WriteOptions write;

    @Override
    public Integer call() {
        if (waitSeconds != null && waitSeconds < 0) {
            throw new UsageException("--wait needs a number of seconds, 0 or more, not " + waitSeconds + ".");
        }
        return BreakglassStageWalk.over(breakglass.root, write, saved -> saved.with(CleanUpChoices.ANSWER,
                new CleanUpChoices(keepMethods, keepLicences)), (connection, session, choices, walk) ->
                new Finish(breakglass.root.context(), session, walk, choices).run());
    }

    /** Steps 1-6 checked, then the keys, the clean-up and its verification. */
    private final class Finish {

        private final CliContext context;
        private final BreakglassSetupSession session;
        private final BreakglassStageWalk walk;
        private final SetupChoices choices;

        Finish(CliContext context, BreakglassSetupSession session, BreakglassStageWalk walk, SetupChoices choices) {
            this.context = context;
            this.session = session;
            this.walk = walk;
            this.choices = choices;
        }

        int run() {
            for (Stage<BreakGlassSetupRead, BreakGlassSetupProposal> stage : session.stagesThrough(BreakGlassSetup.TAP)) {
                int code = inPlace(stage);
                if (code != ExitCodes.OK) {
                    return code;
                }
            }
            Stage<BreakGlassSetupRead, BreakGlassSetupProposal> register = stage(BreakGlassSetup.REGISTER);
            Stage<BreakGlassSetupRead, BreakGlassSetupProposal> cleanUp = stage(BreakGlassSetup.CLEAN_UP);
            int code = keys(register);
            if (code != ExitCodes.OK) {
                return code;
            }
            code = walk.walk(cleanUp);
            if (code != ExitCodes.OK || walk.dryRun()) {
                if (walk.dryRun() && code == ExitCodes.OK && walk.planned() > 0) {
                    walk.note("Dry run: nothing was sent.");
                }
                return code;
            }
            return walk.planned() == 0 ? nothingToChange() : verify(cleanUp);
        }

        private Stage<BreakGlassSetupRead, BreakGlassSetupProposal> stage(String id) {
            return session.procedure().stage(id).orElseThrow();
        }

        /** A stage of steps 1-6: recorded when in place, else refused with where to do it. Never runs a plan. */
        private int inPlace(Stage<BreakGlassSetupRead, BreakGlassSetupProposal> stage) {
            BreakglassStageWalk.Planned planned = walk.propose(stage);
            if (planned.proposal().plan().isEmpty()) {
                return walk.explain(planned);
            }
            return walk.refuse(stage, "not in place", BreakGlassSetupProposal.refused("This part of the set-up is "
                    + "not in place yet: " + planned.proposal().message() + " Run 'gatehouse breakglass setup' first; "
                    + "'finish' changes nothing before the keys.", planned.proposal().warnings()));
        }

        /** Step 7: the keys, waited for with --wait; exit 4 while one is missing. */
        private int keys(Stage<BreakGlassSetupRead, BreakGlassSetupProposal> register) {
            BreakglassStageWalk.Planned planned = walk.propose(register);
            if (!planned.proposal().alreadyDone() && waitSeconds != null && waitSeconds > 0) {
                BreakGlassSetupRead read = session.read(choices);
                // unread restrictions count every key here; the register stage itself refuses without them
                KeyRestrictions restrictions = read.keyRestrictions().orElse(KeyRestrictions.NONE);
                List<KeyWatch.Account> waiting = KeyWatch.withoutKey(AccountRoster.of(read, choices), restrictions);
                if (!waiting.isEmpty()) {
                    KeyWatch.Outcome outcome = watch(waiting, Duration.ofSeconds(waitSeconds), restrictions);
                    if (outcome.end() == KeyWatch.Outcome.End.CANCELLED) {
                        context.err().println("gatehouse: stopped waiting; nothing was deleted. Still without a key it may use: "
                                + String.join(", ", outcome.stillWaiting().stream().map(KeyWatch.Account::label)
                                .toList()) + ".");
                        return ExitCodes.CANCELLED;
                    }
                    planned = walk.propose(register);
                }
            }
            if (planned.proposal().alreadyDone()) {
                return walk.explain(planned);
            }
            return walk.refuse(register, "waiting for keys", planned.proposal());
        }

        /**
         * Polls for the keys, printing each as it arrives, with a warning when the FIDO2 key restrictions refuse its
         * model; Ctrl+C ends the wait, not the process.
         */
        private KeyWatch.Outcome watch(List<KeyWatch.Account> waiting, Duration timeout,
                                       KeyRestrictions restrictions) {
            PrintWriter err = context.err();
            err.println("Waiting up to " + timeout.toSeconds() + " s for the keys of " + String.join(", ",
                    waiting.stream().map(KeyWatch.Account::label).toList()) + " (Ctrl+C stops waiting).");
            err.flush();
            AtomicBoolean cancelled = new AtomicBoolean();
            Thread watching = Thread.currentThread();
            try (InterruptSignal.Registration ignored = context.interrupts().watch(() -> {
                cancelled.set(true);
                watching.interrupt();
            })) {
                KeyWatch.Outcome outcome = new KeyWatch(session.directory()::fido2Methods, KeyWatch.Time.system())
                        .watch(waiting, restrictions, timeout, cancelled::get, new KeyWatch.Listener() {
                            @Override
                            public void arrived(KeyArrival key) {
                                err.println("Key registered: " + key.describe());
                                KeyArrival.refusedKeyWarnings(List.of(key), restrictions)
                                        .forEach(warning -> err.println("Warning: " + warning));
                                err.flush();
                            }

                            @Override
                            public void throttled(Duration wait) {
                                err.println("Graph is throttling the checks: waiting " + Math.max(1, wait.toSeconds())
                                        + " s.");
                                err.flush();
                            }
                        });
                Thread.interrupted(); // the interrupt was for the wait only
                return outcome;
            }
        }

        /** After the clean-up: a fresh read must find nothing left, else exit 1 with what is. */
        private int verify(Stage<BreakGlassSetupRead, BreakGlassSetupProposal> cleanUp) {
            BreakglassStageWalk.Planned again = walk.proposeFromTheTenant(cleanUp);
            if (again.proposal().alreadyDone()) {
                walk.say(cleanUp, "verified", again.proposal().message(), again.proposal().warnings());
                return ExitCodes.OK;
            }
            walk.say(cleanUp, "not clean", "After the clean-up the accounts still hold what it meant to remove. "
                    + again.proposal().message(), again.proposal().warnings());
            context.err().println("gatehouse: the verification after the clean-up failed: run 'gatehouse breakglass "
                    + "finish' again, or look at 'gatehouse breakglass status'.");
            return ExitCodes.FAILED;
        }

        private int nothingToChange() {
            walk.note("Nothing to change: every emergency-access account has its FIDO2 key and is clean (steps 7-8).");
            return ExitCodes.OK;
        }
    }
}
