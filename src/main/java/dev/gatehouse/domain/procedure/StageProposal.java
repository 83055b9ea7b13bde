package dev.gatehouse.domain.procedure;

import dev.gatehouse.domain.plan.Plan;

import java.util.List;
import java.util.Optional;

/**
 * What a stage offers after reading the tenant: a plan to confirm, or — without one — the reason in the admin's
 * words (refused, nothing left to do, blocked). A feature's own proposal type implements this and carries more.
 */
public interface StageProposal {

    Optional<Plan> plan();

    /** With a plan, its introduction; without one, why there is none. */
    String message();

    /** Read before confirming, shown above the plan. */
    List<String> warnings();

    /**
     * Without a plan: the tenant is already as this stage would leave it (nothing is wrong, nothing to send), so the
     * stage may be recorded done ({@link ProcedureDesk#recordAlreadyDone}) and the run go on.
     */
    default boolean alreadyDone() {
        return false;
    }
}
