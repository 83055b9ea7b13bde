package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.signin.SignInVerdict.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.gatehouse.domain.signin.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 003, "Require re-register multifactor authentication", and graph-facts §7: phone, Authenticator and software
 * OATH are deleted, passkeys and Windows Hello stay; a user who keeps one is not forced to re-register.
 */
class RequireReRegisterTest {

    private final SignInSimulator simulator = simulator(mfaForAllApps(State.ENABLED));

    @Test
    void seed003_aPasskeyKeepsWorkingAfterReRegisterAndTheUserIsNotPromptedToRegister() {
        UserSnapshot after = afterRequireReRegister(fullyEquipped());
        assertThat(after.methods()).extracting(m -> m.type().label()).containsExactly("Password", "Passkey (FIDO2)");

        SignInVerdict passkey = simulator.simulate(after, office(SignInMethod.PASSKEY));
        assertThat(passkey.outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(passkey.headline()).isEqualTo("Signs in with passkey (FIDO2)");
        assertThat(passkey.reasons()).anyMatch(r -> r.contains("'Require MFA for all users' requires MFA: met by a passkey"));

        SignInVerdict password = simulator.simulate(after, office(SignInMethod.PASSWORD_ONLY));
        assertThat(password.outcome()).isEqualTo(Outcome.MFA_REQUIRED);
        assertThat(password.reasons()).anyMatch(r -> r.contains("still has a usable MFA method (Passkey (FIDO2))")
                && r.contains("does not offer to register"));
        assertThat(password.reasons()).anyMatch(r -> r.equals("Signing in with passkey (FIDO2) would meet it."));

        SignInVerdict push = simulator.simulate(after, office(SignInMethod.PASSWORD_AND_PUSH));
        assertThat(push.outcome()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
        assertThat(push.headline()).contains("the user has no Microsoft Authenticator registered").contains("Passkey (FIDO2)");
    }

    @Test
    void seed003_windowsHelloCountsAsAPasskeyToo() {
        UserSnapshot after = afterRequireReRegister(member(PASSWORD, AUTHENTICATOR, HELLO));
        assertThat(simulator.simulate(after, office(SignInMethod.WINDOWS_HELLO)).outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(simulator.simulate(after, office(SignInMethod.PASSWORD_ONLY)).outcome())
                .isEqualTo(Outcome.MFA_REQUIRED);
        assertThat(simulator.forecast(after).summary()).startsWith("signs in with Windows Hello, not prompted to register");
    }

    @Test
    void seed003_withNoMfaMethodLeftAPasswordSignInIsInterruptedToRegister() {
        UserSnapshot after = afterRequireReRegister(member(PASSWORD, AUTHENTICATOR, PHONE, SOFTWARE_OATH));
        assertThat(after.methods()).containsExactly(PASSWORD);

        for (SignInMethod method : List.of(SignInMethod.PASSWORD_AND_PUSH, SignInMethod.PASSWORD_ONLY)) {
            SignInVerdict verdict = simulator.simulate(after, office(method));
            assertThat(verdict.outcome()).as(method.label()).isEqualTo(Outcome.PROMPTED_TO_REGISTER);
            assertThat(verdict.headline()).isEqualTo("Prompted to register an MFA method after the password");
            assertThat(verdict.reasons()).anyMatch(r -> r.contains("registration interrupt")
                    && r.contains("'Require MFA for all users'") && r.contains("Microsoft Authenticator"));
        }
        assertThat(simulator.simulate(after, office(SignInMethod.PASSWORD_AND_PUSH)).reasons())
                .anyMatch(r -> r.contains("no Microsoft Authenticator registered") && r.contains("only the password"));
    }

    @Test
    void seed003_beforeReRegisterALostPhoneLeavesTheUserStuckNotPrompted() {
        SignInVerdict lostPhone = simulator.simulate(member(PASSWORD, AUTHENTICATOR), office(SignInMethod.PASSWORD_ONLY));
        assertThat(lostPhone.outcome()).as("an MFA prompt, not a block").isEqualTo(Outcome.MFA_REQUIRED);
        assertThat(lostPhone.headline()).startsWith("MFA required").contains("(Microsoft Authenticator); without it at "
                + "hand the user cannot go on");
    }

    @Test
    void withoutAnyPolicyRequiringMfaThereIsNoInterrupt_statedAssumption() {
        UserSnapshot after = afterRequireReRegister(member(PASSWORD, AUTHENTICATOR));
        SignInVerdict verdict = simulator().simulate(after, office(SignInMethod.PASSWORD_AND_PUSH));
        assertThat(verdict.outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(verdict.headline()).isEqualTo("Signs in with the password alone (no policy asks for a second factor)");
        assertThat(verdict.reasons()).anyMatch(r -> r.startsWith("No enabled Conditional Access policy applies"));
    }

    @Test
    void graphFacts10_3_theInterruptIsItselfRegisterSecurityInfoSoTheRegistrationPolicyCanStopIt() {
        UserSnapshot after = afterRequireReRegister(member(PASSWORD, AUTHENTICATOR));
        SignInSimulator guarded = simulator(mfaForAllApps(State.ENABLED), registrationPolicy(State.ENABLED));

        SignInVerdict outside = guarded.simulate(after, office(SignInMethod.PASSWORD_ONLY));
        assertThat(outside.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(outside.headline()).contains("'Protect security info registration' on Register security information");
        assertThat(outside.reasons()).anyMatch(r -> r.contains("Issue a Temporary Access Pass"));

        assertThat(guarded.simulate(after, office(SignInMethod.PASSWORD_ONLY).onCompliantDevice()).outcome())
                .isEqualTo(Outcome.PROMPTED_TO_REGISTER);
    }

    @Test
    void seed003_goingStraightToMySecurityInfoWithNoMfaLeftRegistersThereUnlessTheRegistrationPolicyRefuses() {
        UserSnapshot after = afterRequireReRegister(member(PASSWORD, AUTHENTICATOR));
        SignInVerdict open = simulator.simulate(after, registerInfo(SignInMethod.PASSWORD_ONLY));
        assertThat(open.outcome()).isEqualTo(Outcome.PROMPTED_TO_REGISTER);

        SignInVerdict guarded = simulator(mfaForAllApps(State.ENABLED), registrationPolicy(State.ENABLED))
                .simulate(after, registerInfo(SignInMethod.PASSWORD_ONLY));
        assertThat(guarded.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(guarded.reasons()).anyMatch(r -> r.contains("Issue a Temporary Access Pass"));
    }

    @Test
    void aPhishingResistantRequirementCannotBeMetByRegisteringDuringSignIn() {
        UserSnapshot after = afterRequireReRegister(member(PASSWORD, AUTHENTICATOR));
        SignInSimulator strict = simulator(onApps("Admins need phishing-resistant MFA", State.ENABLED, allUsers(),
                java.util.Set.of("All"), strength(PHISHING_RESISTANT)));
        SignInVerdict verdict = strict.simulate(after, office(SignInMethod.PASSWORD_ONLY));
        assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(verdict.headline()).contains("no method the user can register during sign-in meets");
    }

    @Test
    void theInterruptCanOnlyOfferMethodsTheMethodsPolicyEnablesForTheUser() {
        UserSnapshot after = afterRequireReRegister(member(PASSWORD, AUTHENTICATOR));
        MethodConfiguration pilotOnly = new MethodConfiguration("MicrosoftAuthenticator", true,
                List.of(new PolicyTarget(PolicyTarget.Kind.GROUP, "some-other-group", "Pilot")), List.of());
        SignInSimulator noRegistrable = new SignInSimulator(List.of(mfaForAllApps(State.ENABLED)), Optional.of(
                openMethodsPolicy(pilotOnly, disabled("Sms"), disabled("Voice"), disabled("SoftwareOath"))), NOW);
        assertThat(noRegistrable.simulate(after, office(SignInMethod.PASSWORD_ONLY)).outcome()).isEqualTo(Outcome.BLOCKED);

        SignInSimulator smsOnly = new SignInSimulator(List.of(mfaForAllApps(State.ENABLED)), Optional.of(
                openMethodsPolicy(pilotOnly, disabled("Voice"), disabled("SoftwareOath"))), NOW);
        SignInVerdict sms = smsOnly.simulate(after, office(SignInMethod.PASSWORD_ONLY));
        assertThat(sms.outcome()).isEqualTo(Outcome.PROMPTED_TO_REGISTER);
        assertThat(sms.reasons()).anyMatch(r -> r.contains("for example a phone (SMS)"));
    }

    @Test
    void seed003_aTapGetsThePasskeyUserToRegistrationButKeepsTheirOldMethods() {
        UserSnapshot after = afterRequireReRegister(fullyEquipped());
        UserSnapshot withPass = after.withMethods(append(after, usableTap()));
        SignInVerdict verdict = simulator(registrationPolicy(State.ENABLED))
                .simulate(withPass, registerInfo(SignInMethod.TEMPORARY_ACCESS_PASS));
        assertThat(verdict.outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(verdict.headline()).isEqualTo("Reaches Register security information with Temporary Access Pass");
        assertThat(verdict.reasons()).anyMatch(r -> r.contains("does not remove the user's other methods")
                && r.contains("Passkey (FIDO2)"));
    }

    static List<dev.gatehouse.domain.method.AuthMethod> append(UserSnapshot user, dev.gatehouse.domain.method.AuthMethod m) {
        List<dev.gatehouse.domain.method.AuthMethod> all = new java.util.ArrayList<>(user.methods());
        all.add(m);
        return all;
    }

    private static MethodConfiguration disabled(String id) {
        return new MethodConfiguration(id, false, List.of(PolicyTarget.allUsers()), List.of());
    }
}
