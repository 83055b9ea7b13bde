package dev.gatehouse.ui.plan;

import dev.gatehouse.domain.signin.SignInVerdict;

/** One sign-in situation of a plan's forecast: what the simulator says today and after the plan, and why. */
public record SituationForecast(SignInVerdict today, SignInVerdict afterPlan) {

    /** "passkey (FIDO2) → Office 365". */
    public String situation() {
        return today.situation().method().label() + " \u2192 " + today.situation().target().label();
    }

    /** True when the plan changes nothing the user experiences in this situation. */
    public boolean unchanged() {
        return today.outcome() == afterPlan.outcome() && today.headline().equals(afterPlan.headline());
    }
}
