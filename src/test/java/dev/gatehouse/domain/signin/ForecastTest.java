package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.signin.SignInVerdict.Outcome;
import org.junit.jupiter.api.Test;

import static dev.gatehouse.domain.signin.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The one-line "after this plan: …" a recovery plan shows, over the standard situations. */
class ForecastTest {

    private final SignInSimulator simulator = simulator(mfaForAllApps(State.ENABLED), registrationPolicy(State.ENABLED));

    @Test
    void seed003_afterReRegisterAPasskeyUserSignsInWithThePasskeyAndIsNotPromptedToRegister() {
        SignInForecast forecast = simulator.forecast(afterRequireReRegister(fullyEquipped()));
        assertThat(forecast.summary()).isEqualTo("signs in with passkey, not prompted to register,"
                + " reaches Register security information with passkey");
        assertThat(forecast.verdicts()).hasSameSizeAs(SignInSituation.standard());
        assertThat(forecast.verdicts()).extracting(SignInVerdict::situation).containsExactlyElementsOf(SignInSituation.standard());
    }

    @Test
    void seed003_beforeReRegisterTheSameUserAlsoSignsInWithPasswordAndPush() {
        assertThat(simulator.forecast(fullyEquipped()).summary()).isEqualTo("signs in with passkey or password + push,"
                + " not prompted to register, reaches Register security information with passkey");
    }

    @Test
    void seed003_aUserLeftWithOnlyAPasswordAndATapIsPromptedAndCanRegisterWithThePass() {
        UserSnapshot after = afterRequireReRegister(member(PASSWORD, AUTHENTICATOR, PHONE)).withMethods(
                java.util.List.of(PASSWORD, usableTap()));
        SignInForecast forecast = simulator(mfaForAllApps(State.ENABLED)).forecast(after);
        assertThat(forecast.summary()).isEqualTo("signs in with TAP, prompted to register at the next password sign-in,"
                + " reaches Register security information with password or TAP");
    }

    @Test
    void aResetUserMustChangeThePasswordAndIsThenPrompted() {
        SignInForecast forecast = simulator(mfaForAllApps(State.ENABLED)).forecast(member(PASSWORD).withMustChangePassword(true));
        assertThat(forecast.summary()).isEqualTo("must change the password at the next password sign-in,"
                + " prompted to register at the next password sign-in, reaches Register security information with"
                + " password");
        assertThat(forecast.verdicts()).extracting(SignInVerdict::outcome).contains(Outcome.MUST_CHANGE_PASSWORD);
    }

    @Test
    void aUserWithNothingThatWorksCannotSignIn() {
        SignInForecast forecast = simulator(mfaForAllApps(State.ENABLED), registrationPolicy(State.ENABLED))
                .forecast(member(PASSWORD, AUTHENTICATOR));
        assertThat(forecast.summary()).isEqualTo("signs in with password + push, not prompted to register,"
                + " cannot reach Register security information");
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        UserSnapshot user = fullyEquipped();
        SignInForecast forecast = simulator.forecast(user.withProfile(user.profile().withAccountEnabled(false)));
        assertThat(forecast.summary()).isEqualTo("cannot sign in: the account is disabled");
        assertThat(forecast.verdicts()).allMatch(v -> v.outcome() == Outcome.BLOCKED);
    }
}
