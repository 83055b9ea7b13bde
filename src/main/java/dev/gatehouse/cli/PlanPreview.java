package dev.gatehouse.cli;

import dev.gatehouse.domain.plan.Plan;

import java.util.List;
import java.util.Objects;

/**
 * A plan with what the command says around it.
 *
 * @param intro    what the action is, above the warnings ("Emulates the portal's …"); may be blank
 * @param forecast what the user experiences today and after the plan, one line each; may be empty
 */
record PlanPreview(Plan plan, String intro, List<String> forecast) {

    PlanPreview {
        Objects.requireNonNull(plan, "plan");
        intro = intro == null ? "" : intro;
        forecast = List.copyOf(forecast);
    }

    static PlanPreview of(Plan plan) {
        return new PlanPreview(plan, "", List.of());
    }
}
