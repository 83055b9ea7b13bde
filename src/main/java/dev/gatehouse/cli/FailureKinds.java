package dev.gatehouse.cli;

import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepOutcome;
import dev.gatehouse.domain.plan.StepStatus;
import dev.gatehouse.domain.tenant.TenantException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers why steps failed, so a run's exit code says "not allowed" or "unavailable" rather than just "failed":
 * the executor's outcome keeps the message for the admin, this keeps the kind for the shell.
 */
final class FailureKinds {

    private final Map<String, TenantException.Kind> kinds = new ConcurrentHashMap<>();

    /** The same plan, its steps' actions noting the kind of any tenant failure before passing it on. */
    Plan watch(Plan plan) {
        return new Plan(plan.title(), plan.target(), plan.targetId(),
                plan.steps().stream().map(this::watch).toList(), plan.warnings());
    }

    /** The step's read-back after a stop is kept: only its work is watched. */
    private Step watch(Step step) {
        return step.withAction(context -> {
            try {
                return step.action().run(context);
            } catch (TenantException e) {
                kinds.put(step.id(), e.kind());
                throw e;
            }
        });
    }

    int exitCode(ExecutionReport report) {
        if (report.completed()) {
            return ExitCodes.OK;
        }
        StepOutcome problem = report.firstProblem().orElse(null);
        if (problem == null) {
            return ExitCodes.FAILED;
        }
        if (problem.status() == StepStatus.CANCELLED) {
            return ExitCodes.CANCELLED;
        }
        TenantException.Kind kind = kinds.get(problem.step().id());
        return kind == null ? ExitCodes.FAILED : ExitCodes.of(kind);
    }
}
