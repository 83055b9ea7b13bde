package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.method.PhoneType;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.signin.SignInVerdict.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.gatehouse.domain.signin.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users with phones and code generators sign in with the password and a texted code, a voice call or an OATH code;
 * each is its own entry in the methods policy and its own combination in an authentication strength.
 */
class PhoneAndCodeSignInTest {

    private static final AuthMethod MOBILE = phone("mobile-1", PhoneType.MOBILE);
    private static final AuthMethod OFFICE = phone("office-1", PhoneType.OFFICE);

    private static AuthMethod phone(String id, PhoneType type) {
        return new AuthMethod(id, MethodType.PHONE, "+1 555 0100", null, Map.of(PhoneType.DETAIL, type.label()));
    }

    @Test
    void aMobilePhoneMeetsAnMfaPolicyWithATextedCodeOrACall() {
        SignInSimulator simulator = simulator(mfaForAllApps(State.ENABLED));

        SignInVerdict sms = simulator.simulate(member(PASSWORD, MOBILE), office(SignInMethod.PASSWORD_AND_SMS));
        SignInVerdict voice = simulator.simulate(member(PASSWORD, MOBILE), office(SignInMethod.PASSWORD_AND_VOICE));

        assertThat(sms.outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(sms.headline()).isEqualTo("Signs in with password + SMS code");
        assertThat(voice.outcome()).isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void anOfficePhoneTakesCallsButNoTexts() {
        SignInSimulator simulator = simulator(mfaForAllApps(State.ENABLED));

        SignInVerdict sms = simulator.simulate(member(PASSWORD, OFFICE), office(SignInMethod.PASSWORD_AND_SMS));

        assertThat(sms.outcome()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
        assertThat(sms.headline()).startsWith("Cannot use password + SMS code: the user has no mobile phone registered")
                .endsWith("the user must use Phone");
        assertThat(simulator.simulate(member(PASSWORD, OFFICE), office(SignInMethod.PASSWORD_AND_VOICE)).outcome())
                .isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void smsAndVoiceAreEnabledEachOnItsOwnInTheMethodsPolicy() {
        MethodConfiguration smsOff = new MethodConfiguration("Sms", false, List.of(PolicyTarget.allUsers()), List.of());
        SignInSimulator simulator = new SignInSimulator(List.of(), Optional.of(openMethodsPolicy(smsOff)), NOW);

        SignInVerdict sms = simulator.simulate(member(PASSWORD, MOBILE), office(SignInMethod.PASSWORD_AND_SMS));

        assertThat(sms.outcome()).as("no policy asks for MFA: the password alone gets in").isEqualTo(Outcome.SIGNS_IN);
        assertThat(sms.headline()).endsWith("the password alone (no policy asks for a second factor)");
        assertThat(sms.reasons()).anySatisfy(r -> assertThat(r).startsWith(
                "SMS is disabled in the tenant's authentication methods policy."));
        assertThat(simulator.simulate(member(PASSWORD, MOBILE), office(SignInMethod.PASSWORD_AND_VOICE)).headline())
                .isEqualTo("Signs in with password + voice call");
    }

    @Test
    void anOathCodeCountsAsMfaButNotAsPhishingResistant() {
        SignInSimulator simulator = simulator(mfaForAllApps(State.ENABLED), onApps("Admins phishing-resistant",
                State.ENABLED, allUsers(), Set.of("797f4846-ba00-4fd7-ba43-dac1f8f63013"), strength(PHISHING_RESISTANT)));

        SignInVerdict office = simulator.simulate(member(PASSWORD, SOFTWARE_OATH),
                office(SignInMethod.PASSWORD_AND_OATH_CODE));
        SignInVerdict azure = simulator.simulate(member(PASSWORD, SOFTWARE_OATH), SignInSituation.of(
                SignInMethod.PASSWORD_AND_OATH_CODE, SignInTarget.AZURE_MANAGEMENT));

        assertThat(office.outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(azure.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(azure.headline()).startsWith("Blocked: password + OATH code (authenticator app or token) does not"
                + " meet policy 'Admins phishing-resistant'");
    }

    @Test
    void aStrengthThatNamesOnlyThePushRefusesATextedCode() {
        AuthenticationStrength pushOnly = new AuthenticationStrength("c0ffee00-0000-0000-0000-000000000009",
                "Push only", Set.of("password,microsoftAuthenticatorPush"));
        SignInSimulator simulator = simulator(onApps("Push only", State.ENABLED, allUsers(), Set.of("All"),
                strength(pushOnly)));

        assertThat(simulator.simulate(member(PASSWORD, MOBILE, AUTHENTICATOR), office(SignInMethod.PASSWORD_AND_SMS))
                .outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(simulator.simulate(member(PASSWORD, MOBILE, AUTHENTICATOR), office(SignInMethod.PASSWORD_AND_PUSH))
                .outcome()).isEqualTo(Outcome.SIGNS_IN);
    }
}
