package dev.gatehouse.domain.procedure;

import dev.gatehouse.domain.plan.Plan;

import java.util.Objects;

/**
 * One confirmed stage, ready to run.
 *
 * @param actor    the signed-in admin, for the journal and the run lock ("admin@contoso.com")
 * @param plan     the stage's plan as the admin confirmed it
 * @param answers  the answers it was planned from; saved with the progress so a later stage and a resume use them
 */
public record StageRun(Procedure<?, ?> procedure, String stageId, Subject subject, String actor, Plan plan,
                       Answers answers, RunOptions options) {

    public StageRun {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(plan, "plan");
        answers = answers == null ? Answers.none() : answers;
        options = options == null ? RunOptions.CONTINUE : options;
        procedure.indexOf(stageId);
    }
}
