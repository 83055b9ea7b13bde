package dev.gatehouse.domain.procedure;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A run of a procedure that has not finished: the answers given so far, which steps of which stages are done (and
 * when), which stages are complete. Holds no secret: a pass or password a done step issued was shown once and is
 * gone, and {@link Answers} store a secret only as "withheld".
 *
 * @param doneSteps   stage id → step id → when it finished, in the order they finished
 * @param doneStages  stage id → when its last step finished
 * @param lastProblem why the last stage run stopped early, in the admin's words; null when it did not
 */
public record ProcedureProgress(RunKey key, Instant started, Answers answers,
                                Map<String, Map<String, Instant>> doneSteps, Map<String, Instant> doneStages,
                                String lastProblem) {

    public ProcedureProgress {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(started, "started");
        answers = answers == null ? Answers.none() : answers;
        Map<String, Map<String, Instant>> steps = new LinkedHashMap<>();
        (doneSteps == null ? Map.<String, Map<String, Instant>>of() : doneSteps)
                .forEach((stage, done) -> steps.put(stage, Collections.unmodifiableMap(new LinkedHashMap<>(done))));
        doneSteps = Collections.unmodifiableMap(steps);
        doneStages = Collections.unmodifiableMap(new LinkedHashMap<>(doneStages == null ? Map.of() : doneStages));
    }

    public static ProcedureProgress start(RunKey key, Instant now, Answers answers) {
        return new ProcedureProgress(key, now, answers, Map.of(), Map.of(), null);
    }

    public boolean isDone(String stageId, String stepId) {
        return stepsDone(stageId).containsKey(stepId);
    }

    /** The done steps of one stage, step id → when, in the order they finished. */
    public Map<String, Instant> stepsDone(String stageId) {
        return doneSteps.getOrDefault(stageId, Map.of());
    }

    public boolean stageDone(String stageId) {
        return doneStages.containsKey(stageId);
    }

    /** Whether anything was changed in the tenant yet: a run with no done step can be forgotten without a trace. */
    public boolean anythingDone() {
        return doneSteps.values().stream().anyMatch(steps -> !steps.isEmpty());
    }

    public Set<String> stepIdsDone(String stageId) {
        return stepsDone(stageId).keySet();
    }

    public ProcedureProgress withAnswers(Answers newAnswers) {
        return new ProcedureProgress(key, started, newAnswers, doneSteps, doneStages, lastProblem);
    }

    public ProcedureProgress withStepDone(String stageId, String stepId, Instant at) {
        Map<String, Map<String, Instant>> steps = new LinkedHashMap<>(doneSteps);
        Map<String, Instant> stage = new LinkedHashMap<>(stepsDone(stageId));
        stage.put(stepId, at);
        steps.put(stageId, stage);
        return new ProcedureProgress(key, started, answers, steps, doneStages, null);
    }

    public ProcedureProgress withStageDone(String stageId, Instant at) {
        Map<String, Instant> stages = new LinkedHashMap<>(doneStages);
        stages.put(stageId, at);
        return new ProcedureProgress(key, started, answers, doneSteps, stages, null);
    }

    public ProcedureProgress withProblem(String problem) {
        return new ProcedureProgress(key, started, answers, doneSteps, doneStages, problem);
    }
}
