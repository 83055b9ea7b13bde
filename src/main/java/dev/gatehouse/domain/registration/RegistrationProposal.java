package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.procedure.StageProposal;

import java.util.List;
import java.util.Optional;

/**
 * What a stage of the registration-policy procedure offers: a plan, or why there is none.
 *
 * @param forecast    what the sign-in simulator says the stage changes for the admin, the emergency-access accounts
 *                    and the pilot, one line each; empty for stages that do not touch the policy
 * @param nothingToDo without a plan: the tenant is already as the stage would leave it (not a refusal), so a
 *                    front end says so and a script may go on
 */
public record RegistrationProposal(Optional<Plan> plan, String message, List<String> warnings,
                                   List<String> forecast, boolean nothingToDo) implements StageProposal {

    public RegistrationProposal {
        plan = plan == null ? Optional.empty() : plan;
        warnings = List.copyOf(warnings);
        forecast = List.copyOf(forecast);
        if (nothingToDo && plan.isPresent()) {
            throw new IllegalArgumentException("A proposal with a plan has something to do");
        }
    }

    public RegistrationProposal(Optional<Plan> plan, String message, List<String> warnings, List<String> forecast) {
        this(plan, message, warnings, forecast, false);
    }

    public static RegistrationProposal refused(String why) {
        return new RegistrationProposal(Optional.empty(), why, List.of(), List.of());
    }

    @Override
    public boolean alreadyDone() {
        return plan.isEmpty() && nothingToDo;
    }

    /** The tenant is already as the stage would leave it: nothing to send, and nothing wrong. */
    public static RegistrationProposal nothingToDo(String why) {
        return new RegistrationProposal(Optional.empty(), why, List.of(), List.of(), true);
    }

    /** The same proposal with the forecast under its message, for a front end that shows one text before Confirm. */
    public RegistrationProposal withForecastInMessage() {
        if (forecast.isEmpty()) {
            return this;
        }
        // one paragraph: a plan's introduction is shown as one line of text, control characters made visible
        return new RegistrationProposal(plan, message + " Forecast at Register security information, from "
                + "Gatehouse's sign-in simulator: " + String.join(" \u2014 ", forecast), warnings, List.of(),
                nothingToDo);
    }

    /** The bulk pass hand-out's proposal as one of this procedure's. */
    public static RegistrationProposal of(BulkTapProposal bulk) {
        return new RegistrationProposal(bulk.plan(), bulk.message(), bulk.warnings(), List.of(),
                bulk.kind() == BulkTapProposal.Kind.NOTHING_TO_DO);
    }
}
