package dev.gatehouse.ui.users;

import dev.gatehouse.domain.plan.PlanForecast;
import dev.gatehouse.domain.recovery.Proposal;
import dev.gatehouse.domain.recovery.RecoveryContext;

import java.util.Optional;

/** A proposal with the sign-in simulator's before/after forecast of its plan, both computed off the UI thread. */
record ForecastedProposal(Proposal proposal, Optional<PlanForecast> forecast) {

    /** Runs the simulator only for a plan: a refusal or "nothing to do" changes nobody's sign-in. */
    static ForecastedProposal of(RecoveryContext context, Proposal proposal) {
        return new ForecastedProposal(proposal,
                proposal.ready() ? Optional.of(context.forecast(proposal)) : Optional.empty());
    }
}
