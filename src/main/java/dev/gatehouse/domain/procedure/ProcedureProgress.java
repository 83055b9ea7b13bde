package dev.gatehouse.domain.procedure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A run of a procedure that has not finished: the answers given so far, which steps of which stages are done (and
 * when), which stages are complete. Holds no secret: a pass or password a done step issued was shown once and is
 * gone, and {@link Answers} store a secret only as "withheld".
 *
 * @param revision    how many times this run's record was saved; a plan remembers the revision it was made from, so
 *                    a run that changed since (another admin did a step, finished or discarded it) refuses the plan
 * @param doneSteps   stage id → step id → when it finished, in the order they finished
 * @param doneStages  stage id → when its last step finished
 * @param lastProblem why the last stage run stopped early, in the admin's words; null when it did not
 * @param finished    when the run ended — every stage done, or discarded; null while it is unfinished. A finished
 *                    record is kept (not deleted) so a plan made before it ended can tell.
 */
public record ProcedureProgress(RunKey key, long revision, Instant started, Answers answers,
                                Map<String, Map<String, Instant>> doneSteps, Map<String, Instant> doneStages,
                                String lastProblem, Instant finished) {

    @JsonCreator // the canonical constructor, not the shorter one below
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

    /** A record as the version without revisions wrote it (and as tests build one): revision 0, unfinished. */
    public ProcedureProgress(RunKey key, Instant started, Answers answers, Map<String, Map<String, Instant>> doneSteps,
                             Map<String, Instant> doneStages, String lastProblem) {
        this(key, 0, started, answers, doneSteps, doneStages, lastProblem, null);
    }

    public static ProcedureProgress start(RunKey key, Instant now, Answers answers) {
        return new ProcedureProgress(key, now, answers, Map.of(), Map.of(), null);
    }

    /** A new run replacing {@code previous} (finished, discarded or started over): it continues its revisions. */
    public static ProcedureProgress startAfter(Optional<ProcedureProgress> previous, RunKey key, Instant now,
                                               Answers answers) {
        return new ProcedureProgress(key, previous.map(ProcedureProgress::revision).orElse(0L), now, answers,
                Map.of(), Map.of(), null, null);
    }

    @JsonIgnore // not a property: "finished" is the moment, which Jackson would overwrite with this flag
    public boolean isFinished() {
        return finished != null;
    }

    /** The next revision of this record, as the desk saves it. */
    ProcedureProgress revised() {
        return new ProcedureProgress(key, revision + 1, started, answers, doneSteps, doneStages, lastProblem,
                finished);
    }

    /** The run ended at {@code at}: every stage done, or discarded ({@code why} then says so). */
    public ProcedureProgress finishedAt(Instant at, String why) {
        return new ProcedureProgress(key, revision, started, answers, doneSteps, doneStages, why, at);
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
        return new ProcedureProgress(key, revision, started, newAnswers, doneSteps, doneStages, lastProblem, finished);
    }

    public ProcedureProgress withStepDone(String stageId, String stepId, Instant at) {
        Map<String, Map<String, Instant>> steps = new LinkedHashMap<>(doneSteps);
        Map<String, Instant> stage = new LinkedHashMap<>(stepsDone(stageId));
        stage.put(stepId, at);
        steps.put(stageId, stage);
        return new ProcedureProgress(key, revision, started, answers, steps, doneStages, null, finished);
    }

    public ProcedureProgress withStageDone(String stageId, Instant at) {
        Map<String, Instant> stages = new LinkedHashMap<>(doneStages);
        stages.put(stageId, at);
        return new ProcedureProgress(key, revision, started, answers, doneSteps, stages, null, finished);
    }

    public ProcedureProgress withProblem(String problem) {
        return new ProcedureProgress(key, revision, started, answers, doneSteps, doneStages, problem, finished);
    }
}
