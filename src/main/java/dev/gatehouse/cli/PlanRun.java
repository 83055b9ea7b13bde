package dev.gatehouse.cli;

import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepOutcome;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.plan.StepStatus;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How every write command treats its plan: print it, then send nothing (--dry-run), or confirm (on the terminal, or
 * --yes) and execute with progress on stderr, Ctrl+C as cancellation, each secret shown once, and the executor's
 * summary and an exit code that says how it ended.
 */
final class PlanRun {

    static final String WITHHELD = "withheld: rerun with --show-secret to include it in the output";

    /** Runs a confirmed plan; the CLI hands it a plan whose actions it watches, to be run instead of the original. */
    @FunctionalInterface
    interface Execution {
        ExecutionReport execute(Plan plan, Cancellation cancellation, ExecutionListener listener);
    }

    private final CliContext context;
    private final WriteOptions options;
    private final boolean json;

    PlanRun(CliContext context, WriteOptions options, boolean json) {
        this.context = context;
        this.options = options;
        this.json = json;
    }

    /**
     * @param secretsInTwoParts show each secret as two halves for two people (ISM-1594)
     * @return the exit code
     */
    int run(PlanPreview preview, boolean secretsInTwoParts, Execution execution) {
        return run(preview, secretsInTwoParts, false, execution);
    }

    /**
     * @param secretsWrittenElsewhere each secret is also written where the admin chose (a hand-out file) before it is
     *                                shown: a run without a terminal then leaves them somewhere a person can read
     */
    int run(PlanPreview preview, boolean secretsInTwoParts, boolean secretsWrittenElsewhere, Execution execution) {
        Plan plan = preview.plan();
        Optional<Terminal> terminal = context.terminal();
        if (!options.dryRun()) {
            refuseWhatNobodyCouldSee(plan, terminal.isPresent(), secretsWrittenElsewhere);
        }
        PrintWriter out = context.out();
        if (!json) {
            PlanText.print(out, preview);
            out.println();
        }
        if (options.dryRun()) {
            if (json) {
                Json.print(out, new PlanJson.DryRun(true, PlanJson.plan(preview)));
            } else {
                out.println("Dry run: nothing was sent to " + plan.target() + ".");
            }
            return ExitCodes.OK;
        }
        if (!options.yes() && !confirmed(preview, terminal.orElseThrow())) {
            context.err().println("gatehouse: not confirmed; nothing was sent.");
            return ExitCodes.CANCELLED;
        }
        SecretHandOver secrets = new SecretHandOver(terminal, secretsInTwoParts);
        FailureKinds failures = new FailureKinds();
        Cancellation cancellation = new Cancellation();
        Thread running = Thread.currentThread();
        ExecutionReport report;
        try (InterruptSignal.Registration ignored = context.interrupts().watch(() -> {
            cancellation.cancel();
            context.err().println("Stopping: the step under way is cancelled, the rest are not run.");
            context.err().flush();
            running.interrupt();
        })) {
            report = execution.execute(failures.watch(plan), cancellation, new Progress(plan.steps().size(), secrets));
            Thread.interrupted();
            finish(preview, report, secrets);
        }
        return failures.exitCode(report);
    }

    /** Both refusals come before any write: a plan must not half-run because nobody could answer or see. */
    private void refuseWhatNobodyCouldSee(Plan plan, boolean hasTerminal, boolean secretsWrittenElsewhere) {
        if (hasTerminal) {
            return;
        }
        int steps = plan.steps().size();
        if (!options.yes()) {
            throw new UsageException("There is no terminal to confirm on: add --yes to run the " + steps + " step"
                    + (steps == 1 ? "" : "s") + " of \"" + plan.title() + "\" on " + plan.target()
                    + ", or --dry-run to only print the plan.");
        }
        Optional<String> secret = SecretSteps.describe(plan);
        if (secret.isPresent() && !options.showSecret && !secretsWrittenElsewhere) {
            throw new UsageException("\"" + plan.title() + "\" creates " + secret.get() + " that is shown only once, "
                    + "and there is no terminal to show it on: nobody would ever see it. Run it in a terminal, or "
                    + "add --show-secret to include it in the output. Nothing was sent.");
        }
    }

    private boolean confirmed(PlanPreview preview, Terminal terminal) {
        Plan plan = preview.plan();
        context.out().flush();
        if (json) {
            PlanText.print(terminal.writer(), preview);
            terminal.writer().println();
        }
        int steps = plan.steps().size();
        String answer = terminal.readLine("Run " + (steps == 1 ? "this step" : "these " + steps + " steps") + " on "
                + plan.target() + "? [y/N] ");
        return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
    }

    private void finish(PlanPreview preview, ExecutionReport report, SecretHandOver secrets) {
        PrintWriter out = context.out();
        if (json) {
            Json.print(out, PlanJson.run(preview, report, secrets.views(options.showSecret)));
            secrets.wipe();
        } else {
            secrets.printShownHere(out, options.showSecret);
            out.println(report.summary());
        }
        if (!report.completed()) {
            context.err().println("gatehouse: " + report.summary());
        }
    }

    /** Progress lines on stderr; a secret goes to the admin as soon as its step is done, whatever follows. */
    private final class Progress implements ExecutionListener {

        private final int count;
        private final SecretHandOver secrets;

        Progress(int count, SecretHandOver secrets) {
            this.count = count;
            this.secrets = secrets;
        }

        @Override
        public void stepStarted(int index, Step step) {
            PrintWriter err = context.err();
            err.println("[" + (index + 1) + "/" + count + "] " + step.title() + "…");
            err.flush();
        }

        @Override
        public void stepProgress(int index, Step step, String message) {
            context.err().println("      " + message);
            context.err().flush();
        }

        @Override
        public void stepFinished(int index, StepOutcome outcome) {
            PrintWriter err = context.err();
            String status = switch (outcome.status()) {
                case DONE -> "done";
                case FAILED -> "FAILED";
                case CANCELLED -> "cancelled";
                case NOT_RUN -> "not run";
            };
            if (outcome.status() == StepStatus.CANCELLED && !outcome.started()) {
                err.println("[" + (index + 1) + "/" + count + "] " + outcome.step().title() + ": cancelled before it "
                        + "started");
            } else {
                Wrap.print(err, "      " + status + ": ", "      ", outcome.message());
            }
            err.flush();
            outcome.result().flatMap(StepResult::secret).ifPresent(secret -> {
                context.out().flush();
                secrets.handOver(outcome.step(), secret, options.showSecret);
            });
        }
    }

    /**
     * Where each secret goes: to the terminal once and wiped (the normal case), kept for the output with
     * --show-secret, or withheld when neither is possible (the plan was expected to create none).
     */
    private final class SecretHandOver {

        private final Optional<Terminal> terminal;
        private final boolean twoParts;
        private final List<Handed> handed = new ArrayList<>();

        private record Handed(Step step, Secret secret, String shownOn) {
        }

        SecretHandOver(Optional<Terminal> terminal, boolean twoParts) {
            this.terminal = terminal;
            this.twoParts = twoParts;
        }

        void handOver(Step step, Secret secret, boolean intoOutput) {
            if (intoOutput) {
                handed.add(new Handed(step, secret, null));
                return;
            }
            if (terminal.isPresent()) {
                show(terminal.get().writer(), step, secret);
                terminal.get().writer().flush();
                secret.wipe();
                handed.add(new Handed(step, secret, "terminal"));
                return;
            }
            secret.wipe();
            context.err().println("gatehouse: the " + secret.label() + " from \"" + step.title() + "\" was " + WITHHELD
                    + ".");
            handed.add(new Handed(step, secret, WITHHELD));
        }

        void printShownHere(PrintWriter out, boolean intoOutput) {
            if (intoOutput) {
                handed.stream().filter(h -> h.shownOn() == null).forEach(h -> show(out, h.step(), h.secret()));
            }
            wipe();
        }

        List<PlanJson.SecretView> views(boolean intoOutput) {
            return handed.stream().map(h -> h.shownOn() != null || !intoOutput
                    ? new PlanJson.SecretView(h.step().id(), h.secret().label(), null, null, h.shownOn())
                    : twoParts
                    ? new PlanJson.SecretView(h.step().id(), h.secret().label(), null, parts(h.secret()), null)
                    : new PlanJson.SecretView(h.step().id(), h.secret().label(), h.secret().reveal(), null, null))
                    .toList();
        }

        void wipe() {
            handed.forEach(h -> h.secret().wipe());
        }

        private void show(PrintWriter to, Step step, Secret secret) {
            to.println();
            to.println("== " + secret.label() + ", shown once and saved nowhere (\"" + step.title() + "\")");
            if (twoParts) {
                List<String> parts = parts(secret);
                to.println("   In two parts, for two people to hand over separately (ISM-1594):");
                to.println("   Part 1 of 2: " + parts.get(0));
                to.println("   Part 2 of 2: " + parts.get(1));
            } else {
                to.println("   " + secret.reveal());
            }
            to.println();
        }

        private static List<String> parts(Secret secret) {
            String value = secret.reveal();
            int middle = (value.length() + 1) / 2;
            return List.of(value.substring(0, middle), value.substring(middle));
        }
    }
}
