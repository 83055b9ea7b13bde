package dev.gatehouse.ui.users;

import dev.gatehouse.domain.plan.PlanForecast;
import dev.gatehouse.domain.procedure.RunOptions;
import dev.gatehouse.domain.recovery.Proposal;
import dev.gatehouse.domain.recovery.RecoveryContext;

import java.util.Optional;

/**
 * A proposal with the sign-in simulator's before/after forecast of its plan, both computed off the UI thread.
 *
 * @param basis for the playbook, the revision of its run record read before planning: the run is refused if another
 *              admin moved it on since ({@link RunOptions#basedOn}); {@link RunOptions#UNCHECKED} for single actions
 */
record ForecastedProposal(Proposal proposal, Optional<PlanForecast> forecast, long basis) {

    /** Runs the simulator only for a plan: a refusal or "nothing to do" changes nobody's sign-in. */
    static ForecastedProposal of(RecoveryContext context, Proposal proposal) {
        return of(context, proposal, RunOptions.UNCHECKED);
    }

    static ForecastedProposal of(RecoveryContext context, Proposal proposal, long basis) {
        return new ForecastedProposal(proposal,
                proposal.ready() ? Optional.of(context.forecast(proposal)) : Optional.empty(), basis);
    }
}
