package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.signin.SignInVerdict.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.gatehouse.domain.signin.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A method must be registered and enabled for the user by the authentication methods policy (graph-facts §5.3, §9). */
class MethodAvailabilityTest {

    private static final PolicyTarget PILOT = new PolicyTarget(PolicyTarget.Kind.GROUP, PILOT_GROUP, "Passkey pilot");
    private static final PolicyTarget OTHERS = new PolicyTarget(PolicyTarget.Kind.GROUP, "cccccccc-0000-0000-0000-000000000003", null);

    private static SignInVerdict passkey(MethodConfiguration fido2, UserSnapshot user) {
        return new SignInSimulator(List.of(mfaForAllApps(State.ENABLED)), Optional.of(openMethodsPolicy(fido2)), NOW)
                .simulate(user, office(SignInMethod.PASSKEY));
    }

    @Test
    void aMethodTheUserHasNotRegisteredCannotBeUsed() {
        SignInVerdict verdict = simulator().simulate(member(PASSWORD, AUTHENTICATOR), office(SignInMethod.PASSKEY));
        assertThat(verdict.outcome()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
        assertThat(verdict.headline()).isEqualTo("Cannot use passkey (FIDO2): the user has no Passkey (FIDO2) registered");
        assertThat(simulator().simulate(member(PASSWORD), office(SignInMethod.WINDOWS_HELLO)).outcome())
                .isEqualTo(Outcome.METHOD_UNAVAILABLE);
    }

    @Test
    void aMethodTypeDisabledInTheMethodsPolicyCannotBeUsed() {
        SignInVerdict verdict = passkey(new MethodConfiguration("Fido2", false, List.of(PolicyTarget.allUsers()), List.of()),
                member(PASSWORD, FIDO2));
        assertThat(verdict.outcome()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
        assertThat(verdict.reasons()).contains("Passkey (FIDO2) is disabled in the tenant's authentication methods policy.");
    }

    @Test
    void aMethodTargetingOnlyAGroupWorksForItsMembersAndNobodyElse() {
        UserSnapshot inPilot = member(PASSWORD, FIDO2);
        assertThat(passkey(new MethodConfiguration("Fido2", true, List.of(PILOT), List.of()), inPilot).outcome())
                .isEqualTo(Outcome.SIGNS_IN);
        SignInVerdict outside = passkey(new MethodConfiguration("Fido2", true, List.of(OTHERS), List.of()), inPilot);
        assertThat(outside.outcome()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
        assertThat(outside.headline()).contains("enabled in the authentication methods policy, but not for this user");
    }

    @Test
    void anExcludeTargetWinsOverAllUsers() {
        SignInVerdict verdict = passkey(new MethodConfiguration("Fido2", true, List.of(PolicyTarget.allUsers()),
                List.of(PILOT)), member(PASSWORD, FIDO2));
        assertThat(verdict.outcome()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
    }

    @Test
    void aTargetNamingTheUserThemselvesCounts() {
        PolicyTarget self = new PolicyTarget(PolicyTarget.Kind.USER, USER_ID.toUpperCase(), null);
        assertThat(passkey(new MethodConfiguration("Fido2", true, List.of(self), List.of()), member(PASSWORD, FIDO2))
                .outcome()).isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void aConfigurationMissingFromAKnownPolicyMeansDisabled() {
        MethodsPolicy withoutFido2 = new MethodsPolicy(List.of(enabled("MicrosoftAuthenticator")), Optional.empty());
        SignInVerdict verdict = new SignInSimulator(List.of(), Optional.of(withoutFido2), NOW)
                .simulate(member(PASSWORD, FIDO2), office(SignInMethod.PASSKEY));
        assertThat(verdict.outcome()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
    }

    @Test
    void withNoMethodsPolicyKnownRegisteredMethodsAreUsable() {
        SignInVerdict verdict = new SignInSimulator(List.of(mfaForAllApps(State.ENABLED)), Optional.empty(), NOW)
                .simulate(member(PASSWORD, FIDO2), office(SignInMethod.PASSKEY));
        assertThat(verdict.outcome()).isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void windowsHelloIsNotGovernedByTheMethodsPolicy() {
        MethodsPolicy nothing = new MethodsPolicy(List.of(), Optional.empty());
        assertThat(new SignInSimulator(List.of(), Optional.of(nothing), NOW)
                .simulate(member(PASSWORD, HELLO), office(SignInMethod.WINDOWS_HELLO)).outcome()).isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void anAuthenticatorDisabledByPolicyIsNotAnMfaMethodLeft_soTheUserIsPromptedToRegister() {
        MethodConfiguration off = new MethodConfiguration("MicrosoftAuthenticator", false, List.of(PolicyTarget.allUsers()),
                List.of());
        SignInVerdict verdict = new SignInSimulator(List.of(mfaForAllApps(State.ENABLED)),
                Optional.of(openMethodsPolicy(off)), NOW).simulate(member(PASSWORD, AUTHENTICATOR),
                office(SignInMethod.PASSWORD_AND_PUSH));
        assertThat(verdict.outcome()).isEqualTo(Outcome.PROMPTED_TO_REGISTER);
        assertThat(verdict.reasons()).anyMatch(r -> r.startsWith("Microsoft Authenticator is disabled"));
    }
}
