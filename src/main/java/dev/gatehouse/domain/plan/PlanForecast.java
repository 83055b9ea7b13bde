package dev.gatehouse.domain.plan;

import dev.gatehouse.domain.signin.SignInForecast;

/**
 * What the user experiences today and after a plan, from the sign-in simulator: "after this plan: signs in with
 * passkey, not prompted to register".
 *
 * @param assumptions what the forecast could not take into account (policies the admin may not read)
 */
public record PlanForecast(SignInForecast before, SignInForecast after, String assumptions) {
}
