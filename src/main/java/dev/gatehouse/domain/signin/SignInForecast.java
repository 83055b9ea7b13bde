package dev.gatehouse.domain.signin;

import java.util.List;

/**
 * The standard situations' verdicts and their one-line sum, as a plan shows it: "after this plan: signs in with
 * passkey, not prompted to register, …".
 */
public record SignInForecast(String summary, List<SignInVerdict> verdicts) {

    public SignInForecast {
        verdicts = List.copyOf(verdicts);
    }
}
