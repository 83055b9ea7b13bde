package dev.gatehouse.cli;

import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.PlanForecast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan with what the command says around it.
 *
 * @param intro    what the action is, above the warnings ("Emulates the portal's …"); may be blank
 * @param forecast what the user experiences today and after the plan, one line each; may be empty
 * @param signIns  the same forecast situation by situation, for --json; empty when the plan has none
 */
record PlanPreview(Plan plan, String intro, List<String> forecast, Optional<PlanForecast> signIns) {

    PlanPreview {
        Objects.requireNonNull(plan, "plan");
        intro = intro == null ? "" : intro;
        forecast = List.copyOf(forecast);
        Objects.requireNonNull(signIns, "signIns");
    }

    PlanPreview(Plan plan, String intro, List<String> forecast) {
        this(plan, intro, forecast, Optional.empty());
    }

    static PlanPreview of(Plan plan) {
        return new PlanPreview(plan, "", List.of());
    }
}
