package dev.gatehouse.ui.plan;

import java.util.Objects;

/**
 * What the user will experience at sign-in before and after the plan, as the sign-in simulator words it
 * ("signs in with password + Authenticator push" → "signs in with passkey, not prompted to register").
 */
public record SignInForecast(String before, String after) {

    public SignInForecast {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
