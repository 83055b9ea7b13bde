package dev.gatehouse.domain.plan;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The result of running a plan: one outcome per step, in plan order, and an honest summary. */
public record ExecutionReport(Plan plan, List<StepOutcome> outcomes) {

    public ExecutionReport {
        outcomes = List.copyOf(outcomes);
    }

    /** A confirmed plan that never started: every step not run, for {@code why} (another run holds the target). */
    public static ExecutionReport notRun(Plan plan, String why) {
        return new ExecutionReport(plan, plan.steps().stream().map(step -> StepOutcome.notRun(step, why)).toList());
    }

    public boolean completed() {
        return outcomes.stream().allMatch(o -> o.status() == StepStatus.DONE);
    }

    public long count(StepStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public Optional<StepOutcome> firstProblem() {
        return outcomes.stream()
                .filter(o -> o.status() == StepStatus.FAILED || o.status() == StepStatus.CANCELLED)
                .findFirst();
    }

    private static String describe(StepOutcome problem) {
        String step = "\"" + problem.step().title() + "\"";
        if (problem.status() == StepStatus.FAILED) {
            return "Step " + step + " failed: " + problem.message();
        }
        if (problem.started()) {
            return "Step " + step + " was cancelled while running: " + problem.message();
        }
        return "Cancelled before step " + step + ".";
    }

    /**
     * One paragraph that leaves nothing half-done unreported: what was done, what failed and why,
     * and what was not run.
     */
    public String summary() {
        long done = count(StepStatus.DONE);
        if (completed()) {
            return done == 1 ? "The one step of \"" + plan.title() + "\" is done."
                    : "All " + done + " steps of \"" + plan.title() + "\" done.";
        }
        StringBuilder text = new StringBuilder();
        text.append(done).append(" of ").append(outcomes.size()).append(" steps of \"").append(plan.title())
                .append("\" done.");
        firstProblem().ifPresent(problem -> text.append(' ').append(describe(problem)));
        List<String> notRun = outcomes.stream().filter(o -> o.status() == StepStatus.NOT_RUN)
                .map(o -> "\"" + o.step().title() + "\"").collect(Collectors.toList());
        if (!notRun.isEmpty()) {
            text.append(" Not run: ").append(String.join(", ", notRun));
            if (firstProblem().isEmpty()) {
                // every step that ran succeeded, so the reason lies outside them (journal, saved progress)
                outcomes.stream().filter(o -> o.status() == StepStatus.NOT_RUN).findFirst()
                        .ifPresent(o -> text.append(", because ").append(o.message()));
            }
            text.append('.');
        }
        if (done > 0) {
            text.append(" The steps that were done are not rolled back.");
        }
        return text.toString();
    }
}
