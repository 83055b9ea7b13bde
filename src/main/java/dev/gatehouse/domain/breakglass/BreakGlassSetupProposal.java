package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.procedure.StageProposal;

import java.util.List;
import java.util.Optional;

/**
 * What a stage of the break-glass set-up offers: a plan of only what is missing, or — without one — either "already
 * in place" (nothing to send, the run may go on) or why it cannot go on, in words that say what to do.
 */
public record BreakGlassSetupProposal(Optional<Plan> plan, String message, List<String> warnings,
                                      boolean nothingToDo) implements StageProposal {

    public BreakGlassSetupProposal {
        plan = plan == null ? Optional.empty() : plan;
        warnings = List.copyOf(warnings);
        if (nothingToDo && plan.isPresent()) {
            throw new IllegalArgumentException("A proposal with a plan has something to do");
        }
    }

    public static BreakGlassSetupProposal planned(Plan plan, String message, List<String> warnings) {
        return new BreakGlassSetupProposal(Optional.of(plan), message, warnings, false);
    }

    /** Cannot go on: {@code why} says what to do first. */
    public static BreakGlassSetupProposal refused(String why, List<String> warnings) {
        return new BreakGlassSetupProposal(Optional.empty(), why, warnings, false);
    }

    public static BreakGlassSetupProposal refused(String why) {
        return refused(why, List.of());
    }

    /** The tenant is already as the stage would leave it. */
    public static BreakGlassSetupProposal nothingToDo(String why, List<String> warnings) {
        return new BreakGlassSetupProposal(Optional.empty(), why, warnings, true);
    }

    @Override
    public boolean alreadyDone() {
        return plan.isEmpty() && nothingToDo;
    }
}
