package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.signin.SignInVerdict.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.gatehouse.domain.signin.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** When a Temporary Access Pass can be used and what it gives: graph-facts §0.4, §6.2, §10.3; seed 003. */
class TemporaryAccessPassTest {

    private final SignInSimulator simulator = simulator(mfaForAllApps(State.ENABLED), registrationPolicy(State.ENABLED));

    private SignInVerdict withPass(AuthMethod pass) {
        return simulator.simulate(member(PASSWORD, pass), registerInfo(SignInMethod.TEMPORARY_ACCESS_PASS));
    }

    @Test
    void graphFacts10_3_aUsableOneTimePassSatisfiesMfaAndReachesRegisterSecurityInfo() {
        SignInVerdict register = withPass(usableTap());
        assertThat(register.outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(register.reasons()).anyMatch(r -> r.contains("'Protect security info registration'")
                && r.contains("met by a one-time Temporary Access Pass"));
        SignInVerdict app = simulator.simulate(member(PASSWORD, usableTap()), office(SignInMethod.TEMPORARY_ACCESS_PASS));
        assertThat(app.outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(app.reasons()).anyMatch(r -> r.contains("'Require MFA for all users' requires MFA: met by"));
    }

    @Test
    void graphFacts6_2_aTapNeverWorksForGuests() {
        SignInVerdict verdict = simulator().simulate(guest(PASSWORD, usableTap()), office(SignInMethod.TEMPORARY_ACCESS_PASS));
        assertThat(verdict.outcome()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
        assertThat(verdict.headline()).contains("never works for guest users");
    }

    @Test
    void aUserWithoutAPassCannotUseOne() {
        assertThat(withPass(FIDO2).headline()).contains("the user has no Temporary Access Pass registered");
    }

    @Test
    void graphFacts6_2_aPassIsUsableOnlyBetweenItsStartAndItsExpiry() {
        SignInVerdict early = withPass(tap(NOW.plusSeconds(3600), 60, true, false, "NotYetValid"));
        assertThat(early.outcome()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
        assertThat(early.headline()).contains("not valid before 2025-06-02T10:00:00Z");

        SignInVerdict expired = withPass(tap(NOW.minusSeconds(7200), 60, true, true, "EnabledByPolicy"));
        assertThat(expired.outcome()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
        assertThat(expired.headline()).contains("expired at 2 Jun 2025, 08:00 UTC");
    }

    @Test
    void aPassReadAsNotYetValidThatHasStartedSinceIsUsableNow() {
        assertThat(withPass(tap(NOW.minusSeconds(60), 60, true, false, "NotYetValid")).outcome()).isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void graphFacts6_2_aUsedOneTimePassCannotBeUsedAgain() {
        SignInVerdict verdict = withPass(tap(NOW.minusSeconds(300), 60, true, false, "OneTimeUsed"));
        assertThat(verdict.outcome()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
        assertThat(verdict.headline()).contains("has already been used");
    }

    @Test
    void aPassGraphReportsAsUnusableForAnotherReasonIsUnusable() {
        assertThat(withPass(tap(NOW.minusSeconds(300), 60, true, false, "DisabledByPolicy")).headline())
                .contains("disabled by the authentication methods policy");
        assertThat(withPass(tap(NOW.minusSeconds(300), 60, true, false, null)).headline())
                .contains("Graph reports the Temporary Access Pass as not usable");
        assertThat(withPass(new AuthMethod("tap-x", dev.gatehouse.domain.method.MethodType.TEMPORARY_ACCESS_PASS,
                "", null, null)).headline()).contains("did not report whether");
    }

    @Test
    void graphFacts0_4_thePassNeedsTheTapPolicyEnabledAndTargetingTheUser() {
        MethodConfiguration off = new MethodConfiguration("TemporaryAccessPass", false, List.of(PolicyTarget.allUsers()),
                List.of());
        SignInVerdict disabled = new SignInSimulator(List.of(), Optional.of(openMethodsPolicy(off)), NOW)
                .simulate(member(PASSWORD, usableTap()), registerInfo(SignInMethod.TEMPORARY_ACCESS_PASS));
        assertThat(disabled.outcome()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
        assertThat(disabled.headline()).contains("Temporary Access Pass is disabled in the tenant's authentication methods policy");

        MethodConfiguration others = new MethodConfiguration("TemporaryAccessPass", true,
                List.of(new PolicyTarget(PolicyTarget.Kind.GROUP, "dddddddd-0000-0000-0000-000000000004", "Helpdesk")), List.of());
        assertThat(new SignInSimulator(List.of(), Optional.of(openMethodsPolicy(others)), NOW)
                .simulate(member(PASSWORD, usableTap()), registerInfo(SignInMethod.TEMPORARY_ACCESS_PASS)).headline())
                .contains("not for this user");
    }

    @Test
    void graphFacts9_aMultiUsePassIsNotInTheBootstrapStrength() {
        SignInVerdict verdict = withPass(tap(NOW.minusSeconds(300), 480, false, true, "EnabledByPolicy"));
        assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(verdict.reasons()).anyMatch(r -> r.contains("not met by a multi-use Temporary Access Pass"));
        assertThat(simulator.simulate(member(PASSWORD, tap(NOW.minusSeconds(300), 480, false, true, "EnabledByPolicy")),
                registerInfo(SignInMethod.TEMPORARY_ACCESS_PASS).onCompliantDevice()).outcome())
                .as("the policy's other alternative, a compliant device").isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void seed003_aPassDoesNotRemoveTheOldMethods() {
        SignInVerdict verdict = simulator.simulate(member(PASSWORD, AUTHENTICATOR, PHONE, usableTap()),
                registerInfo(SignInMethod.TEMPORARY_ACCESS_PASS));
        assertThat(verdict.reasons()).anyMatch(r -> r.contains("does not remove the user's other methods (still registered:"
                + " Password, Microsoft Authenticator, Phone)"));
    }
}
