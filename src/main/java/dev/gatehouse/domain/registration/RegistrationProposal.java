package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.procedure.StageProposal;

import java.util.List;
import java.util.Optional;

/**
 * What a stage of the registration-policy procedure offers: a plan, or why there is none.
 *
 * @param forecast what the sign-in simulator says the stage changes for the admin, the emergency-access accounts and
 *                 the pilot, one line each; empty for stages that do not touch the policy
 */
public record RegistrationProposal(Optional<Plan> plan, String message, List<String> warnings,
                                   List<String> forecast) implements StageProposal {

    public RegistrationProposal {
        plan = plan == null ? Optional.empty() : plan;
        warnings = List.copyOf(warnings);
        forecast = List.copyOf(forecast);
    }

    public static RegistrationProposal refused(String why) {
        return new RegistrationProposal(Optional.empty(), why, List.of(), List.of());
    }

    /** The same proposal with the forecast under its message, for a front end that shows one text before Confirm. */
    public RegistrationProposal withForecastInMessage() {
        if (forecast.isEmpty()) {
            return this;
        }
        return new RegistrationProposal(plan, message + "\n\nForecast at Register security information, from "
                + "Gatehouse's sign-in simulator:\n\u2022 " + String.join("\n\u2022 ", forecast), warnings, List.of());
    }

    /** The bulk pass hand-out's proposal as one of this procedure's. */
    public static RegistrationProposal of(BulkTapProposal bulk) {
        return new RegistrationProposal(bulk.plan(), bulk.message(), bulk.warnings(), List.of());
    }
}
