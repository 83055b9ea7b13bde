package dev.gatehouse.domain.plan;

import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.journal.ActionJournal;
import dev.gatehouse.domain.journal.JournalEntry;
import dev.gatehouse.domain.tenant.TenantException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a confirmed plan step by step: reports progress, honours cancellation between and within steps,
 * stops at the first failure, and journals every step that ran. Steps already done are not rolled back;
 * the report says exactly what was and was not done.
 */
public final class PlanExecutor {

    /**
     * A request cancelled on our side may still be on its way through the service: the read-back waits this long
     * before it looks, and once more, twice as long, when what it sees is not (all) done yet. The state only moves
     * forward, so the second look can only find more done.
     */
    static final Duration SETTLE = Duration.ofSeconds(1);

    private final ActionJournal journal;
    private final String tenant;
    private final String actor;
    private final Clock clock;
    private final Duration settle;

    public PlanExecutor(ActionJournal journal, String tenant, String actor, Clock clock) {
        this(journal, tenant, actor, clock, SETTLE);
    }

    /** @param settle how long a read-back after a stop waits for requests still in flight (tests shorten it) */
    public PlanExecutor(ActionJournal journal, String tenant, String actor, Clock clock, Duration settle) {
        this.journal = journal;
        this.tenant = tenant;
        this.actor = actor;
        this.clock = clock;
        this.settle = settle;
    }

    public ExecutionReport execute(Plan plan, Cancellation cancellation, ExecutionListener listener) {
        List<StepOutcome> outcomes = new ArrayList<>();
        List<Secret> secrets = new ArrayList<>();
        String stopReason = null;
        for (int i = 0; i < plan.steps().size(); i++) {
            Step step = plan.steps().get(i);
            if (stopReason != null) {
                outcomes.add(StepOutcome.notRun(step, stopReason));
                continue;
            }
            if (cancellation.isRequested()) {
                StepOutcome cancelled = new StepOutcome(step, StepStatus.CANCELLED, "Cancelled before it started.",
                        null, Duration.ZERO, Optional.empty());
                outcomes.add(cancelled);
                tellFinished(listener, i, cancelled);
                stopReason = "the plan was cancelled";
                continue;
            }
            Ran ran = runStep(plan, i, step, cancellation, listener);
            StepOutcome outcome = ran.outcome();
            outcome.result().flatMap(StepResult::secret).ifPresent(secrets::add);
            String journalProblem = journal(plan, outcome, secrets);
            if (ran.uncertain() && step.check() != StepCheck.NONE && journalProblem == null) {
                // "may or may not" is on record first, so a read-back that never ends loses nothing; what it finds
                // becomes a second entry for the same step
                StepOutcome found = readBack(step, outcome);
                if (found != outcome) {
                    outcome = found;
                    journalProblem = journal(plan, outcome, secrets);
                }
            }
            if (journalProblem != null) {
                outcome = new StepOutcome(step, outcome.status(), outcome.message()
                        + " It could not be written to the action journal: " + journalProblem,
                        outcome.startedAt(), outcome.duration(), outcome.result());
                stopReason = "the action journal could not be written";
            }
            outcomes.add(outcome);
            String followerProblem = tellFinished(listener, i, outcome);
            if (followerProblem != null && stopReason == null) {
                stopReason = "the run's progress could not be recorded: " + followerProblem;
            }
            if (outcome.status() == StepStatus.FAILED) {
                stopReason = "step \"" + step.title() + "\" failed";
            } else if (outcome.status() == StepStatus.CANCELLED) {
                stopReason = "the plan was cancelled";
            }
        }
        return new ExecutionReport(plan, outcomes);
    }

    /**
     * A follower that fails (the playbook cannot save its progress, a view throws) must not lose the report, or the
     * secrets in it: the run stops before the next step instead, and the summary says why.
     */
    private static String tellFinished(ExecutionListener listener, int index, StepOutcome outcome) {
        try {
            listener.stepFinished(index, outcome);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** How a step's action ended, and whether its change may have reached the tenant without an answer saying so. */
    private record Ran(StepOutcome outcome, boolean uncertain) {
    }

    private Ran runStep(Plan plan, int index, Step step, Cancellation cancellation, ExecutionListener listener) {
        Instant started = clock.instant();
        listener.stepStarted(index, step);
        StepContext context = new StepContext() {
            @Override
            public boolean isCancelled() {
                return cancellation.isRequested();
            }

            @Override
            public void progress(String message) {
                listener.stepProgress(index, step, message);
            }
        };
        try {
            StepResult result = step.action().run(context);
            return new Ran(new StepOutcome(step, StepStatus.DONE, result.summary(), started,
                    Duration.between(started, clock.instant()), Optional.of(result)), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ran(cancelledDuring(step, started), true);
        } catch (UncertainStepException e) {
            // the step read back what it could itself and still cannot tell: it stops the run, its secret is shown
            StepStatus status = cancellation.isRequested() ? StepStatus.CANCELLED : StepStatus.FAILED;
            return new Ran(new StepOutcome(step, status, e.getMessage(), started,
                    Duration.between(started, clock.instant()), Optional.of(e.result())), false);
        } catch (TenantException e) {
            if (e.kind() == TenantException.Kind.CANCELLED) {
                return new Ran(cancelledDuring(step, started), true);
            }
            // 503, 504, a lost connection: Graph neither confirmed nor refused the change
            return new Ran(failed(step, started, e.getMessage()), e.kind() == TenantException.Kind.UNAVAILABLE);
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Ran(failed(step, started, message), false);
        }
    }

    /**
     * A step that may or may not have reached the tenant is read back on the spot, so the journal records what the
     * tenant holds rather than "unknown": done before the stop, done in part (which part), or not done. The read runs
     * on its own thread within {@link BoundedRead#LIMIT}, even after Stop or Ctrl+C; when it fails or takes too long,
     * the outcome stays as it was, saying the change may or may not have been applied, and why it could not be read.
     */
    private StepOutcome readBack(Step step, StepOutcome uncertain) {
        Instant started = uncertain.startedAt();
        boolean interrupted = Thread.interrupted(); // the stop that got us here must not end the read-back as well
        BoundedRead.Attempt<Reconciliation> attempt;
        try {
            attempt = BoundedRead.within(BoundedRead.LIMIT, () -> {
                Thread.sleep(settle.toMillis());
                Reconciliation found = step.check().check(started);
                if (found.kind() != Reconciliation.Kind.APPLIED) {
                    Thread.sleep(settle.toMillis() * 2);
                    found = step.check().check(started);
                }
                return found;
            });
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (attempt.answer().isEmpty()) {
            return new StepOutcome(step, uncertain.status(), uncertain.message() + " (Reading the tenant back to find "
                    + "out failed too: " + attempt.problem() + ")", started, uncertain.duration(), Optional.empty());
        }
        Reconciliation found = attempt.value();
        Duration took = Duration.between(started, clock.instant());
        StepResult record = StepResult.changed(found.found(), Map.of(), found.after());
        return switch (found.kind()) {
            case APPLIED -> new StepOutcome(step, StepStatus.DONE, "Done before the stop: " + found.found(),
                    started, took, Optional.of(record));
            case PARTLY -> new StepOutcome(step, uncertain.status(), "Stopped part way: " + found.found(),
                    started, took, Optional.of(record));
            case NOT_APPLIED -> new StepOutcome(step, uncertain.status(), (uncertain.status() == StepStatus.CANCELLED
                    ? "Stopped before it took effect: " : uncertain.message() + " The tenant shows it was not applied: ")
                    + found.found() + " (read back " + dev.gatehouse.domain.text.Moments.of(clock.instant()) + ")",
                    started, took, Optional.empty());
        };
    }

    private StepOutcome cancelledDuring(Step step, Instant started) {
        return new StepOutcome(step, StepStatus.CANCELLED,
                "Cancelled while running; the change may or may not have reached the tenant — check before retrying.",
                started, Duration.between(started, clock.instant()), Optional.empty());
    }

    private StepOutcome failed(Step step, Instant started, String message) {
        return new StepOutcome(step, StepStatus.FAILED, message, started, Duration.between(started, clock.instant()),
                Optional.empty());
    }

    private String journal(Plan plan, StepOutcome outcome, List<Secret> secrets) {
        Optional<StepResult> result = outcome.result();
        JournalEntry entry = new JournalEntry(
                outcome.startedAt(), tenant, actor, plan.title(), plan.target(), plan.targetId(),
                outcome.step().id(), outcome.step().title(), outcome.status().name(), outcome.message(),
                outcome.step().requests().stream().map(r -> r.method() + " " + r.path()).toList(),
                result.map(StepResult::before).orElse(null),
                result.map(StepResult::after).orElse(null),
                result.flatMap(StepResult::secret).map(s -> List.of(s.label() + " shown once, not recorded"))
                        .orElse(List.of()));
        try {
            journal.append(entry, secrets);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
