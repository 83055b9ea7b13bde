package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Grant;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import dev.gatehouse.domain.signin.SignInVerdict.Outcome;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static dev.gatehouse.domain.signin.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Which policies are enforced, whom and what they reach, and how their grants are met (graph-facts §0.6, §9, §10). */
class ConditionalAccessTest {

    private static final UserSnapshot PASSKEY_USER = member(PASSWORD, AUTHENTICATOR, FIDO2);

    // The registration policy of graph-facts §10.4: fido2 OR temporaryAccessPassOneTime OR a compliant device.

    @Test
    void graphFacts10_4_aPasskeyUserReachesRegisterSecurityInfo() {
        SignInVerdict verdict = simulator(registrationPolicy(State.ENABLED))
                .simulate(PASSKEY_USER, registerInfo(SignInMethod.PASSKEY));
        assertThat(verdict.outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(verdict.headline()).isEqualTo("Reaches Register security information with passkey (FIDO2)");
    }

    @Test
    void graphFacts10_4_passwordAndPushOnANonCompliantDeviceIsBlockedThere() {
        SignInVerdict verdict = simulator(registrationPolicy(State.ENABLED))
                .simulate(PASSKEY_USER, registerInfo(SignInMethod.PASSWORD_AND_PUSH));
        assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(verdict.headline()).isEqualTo("Blocked at Register security information by policy"
                + " 'Protect security info registration'");
        assertThat(verdict.reasons()).anyMatch(r -> r.contains("requires a compliant device or authentication strength"
                + " 'Bootstrap FIDO2 or TAP' (fido2 | temporaryAccessPassOneTime): not met by password + Microsoft"
                + " Authenticator push on a device that is not compliant"));
        assertThat(verdict.reasons()).contains("Signing in with passkey (FIDO2) would meet it.");
    }

    @Test
    void graphFacts10_4_aCompliantDeviceIsEnough() {
        assertThat(simulator(registrationPolicy(State.ENABLED)).simulate(PASSKEY_USER,
                registerInfo(SignInMethod.PASSWORD_AND_PUSH).onCompliantDevice()).outcome()).isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void graphFacts10_4_aOneTimeTapIsEnough() {
        assertThat(simulator(registrationPolicy(State.ENABLED)).simulate(member(PASSWORD, usableTap()),
                registerInfo(SignInMethod.TEMPORARY_ACCESS_PASS)).outcome()).isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void graphFacts0_6_aReportOnlyRegistrationPolicyDoesNotBlockAndIsNotEvenEvaluated() {
        SignInVerdict verdict = simulator(registrationPolicy(State.REPORT_ONLY))
                .simulate(PASSKEY_USER, registerInfo(SignInMethod.PASSWORD_AND_PUSH));
        assertThat(verdict.outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(verdict.reasons()).anyMatch(r -> r.contains("'Protect security info registration' is report-only")
                && r.contains("does not even evaluate user actions"));
    }

    @Test
    void aPolicyOnLegacyClientsOnlyDoesNotReachAModernSignIn() {
        ConditionalAccessPolicy blockLegacy = new ConditionalAccessPolicy("p-legacy", "Block legacy authentication",
                State.ENABLED, allUsers(), Set.of("All"), Set.of(), Set.of(), or("block"), Optional.empty(),
                Set.of("exchangeActiveSync", "other"));

        SignInVerdict verdict = simulator(blockLegacy).simulate(PASSKEY_USER, office(SignInMethod.PASSWORD_AND_PUSH));

        assertThat(verdict.outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(verdict.reasons()).noneMatch(r -> r.contains("Block legacy authentication"));
    }

    @Test
    void aReportOnlyAppPolicyIsOnlyLogged() {
        SignInVerdict verdict = simulator(mfaForAllApps(State.REPORT_ONLY)).simulate(member(PASSWORD),
                office(SignInMethod.PASSWORD_ONLY));
        assertThat(verdict.outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(verdict.reasons()).anyMatch(r -> r.contains("is report-only: its result is only logged"));
    }

    @Test
    void aDisabledPolicyIsIgnored() {
        SignInVerdict verdict = simulator(mfaForAllApps(State.DISABLED)).simulate(member(PASSWORD),
                office(SignInMethod.PASSWORD_ONLY));
        assertThat(verdict.outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(verdict.reasons()).noneMatch(r -> r.contains("Require MFA for all users"));
    }

    @Test
    void guestsAndBreakGlassAreExcludedFromTheRegistrationPolicy() {
        UserSnapshot breakGlass = new UserSnapshot(PASSKEY_USER.profile(), PASSKEY_USER.methods(),
                Set.of(BREAK_GLASS_GROUP), Set.of(GLOBAL_ADMIN), false);
        SignInSimulator guarded = simulator(registrationPolicy(State.ENABLED));
        assertThat(guarded.simulate(breakGlass, registerInfo(SignInMethod.PASSWORD_AND_PUSH)).outcome())
                .isEqualTo(Outcome.SIGNS_IN);
        assertThat(guarded.simulate(guest(PASSWORD, AUTHENTICATOR), registerInfo(SignInMethod.PASSWORD_AND_PUSH))
                .outcome()).isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void policiesReachUsersByIdGroupRoleAndGuestStatus() {
        UserSnapshot admin = new UserSnapshot(PASSKEY_USER.profile(), PASSKEY_USER.methods(), Set.of(PILOT_GROUP),
                Set.of(GLOBAL_ADMIN), false);
        assertThat(blocked(users(Set.of(USER_ID.toUpperCase()), Set.of(), Set.of(), Set.of(), false, false), admin)).isTrue();
        assertThat(blocked(users(Set.of(), Set.of(), Set.of(PILOT_GROUP), Set.of(), false, false), admin)).isTrue();
        assertThat(blocked(new Users(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(GLOBAL_ADMIN), Set.of(), false, false),
                admin)).isTrue();
        assertThat(blocked(new Users(Set.of("All"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(GLOBAL_ADMIN), false,
                false), admin)).as("exclusion wins").isFalse();
        assertThat(blocked(users(Set.of("All"), Set.of(USER_ID), Set.of(), Set.of(), false, false), admin)).isFalse();
        assertThat(blocked(users(Set.of("None"), Set.of(), Set.of(PILOT_GROUP), Set.of(), false, false), admin)).isFalse();
        assertThat(blocked(users(Set.of("GuestsOrExternalUsers"), Set.of(), Set.of(), Set.of(), false, false), admin)).isFalse();

        UserSnapshot guest = guest(PASSWORD, AUTHENTICATOR);
        assertThat(blocked(users(Set.of("GuestsOrExternalUsers"), Set.of(), Set.of(), Set.of(), false, false), guest)).isTrue();
        assertThat(blocked(users(Set.of(), Set.of(), Set.of(), Set.of(), true, false), guest)).isTrue();
        assertThat(blocked(users(Set.of("All"), Set.of(), Set.of(), Set.of(), false, true), guest)).isFalse();
    }

    @Test
    void policiesReachTargetsByApplicationOrUserAction() {
        ConditionalAccessPolicy office = onApps("Block Office", State.ENABLED, allUsers(), Set.of("Office365"), or("block"));
        SignInSimulator simulator = simulator(office);
        assertThat(simulator.simulate(PASSKEY_USER, office(SignInMethod.PASSKEY)).outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(simulator.simulate(PASSKEY_USER, SignInSituation.of(SignInMethod.PASSKEY, SignInTarget.OTHER_CLOUD_APP))
                .outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(simulator.simulate(PASSKEY_USER, registerInfo(SignInMethod.PASSKEY)).outcome()).isEqualTo(Outcome.SIGNS_IN);

        ConditionalAccessPolicy allButOffice = new ConditionalAccessPolicy("p-x", "Block all but Office", State.ENABLED,
                allUsers(), Set.of("All"), Set.of("Office365"), Set.of(), or("block"), Optional.empty());
        SignInSimulator excluding = simulator(allButOffice);
        assertThat(excluding.simulate(PASSKEY_USER, office(SignInMethod.PASSKEY)).outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(excluding.simulate(PASSKEY_USER, registerInfo(SignInMethod.PASSKEY)).outcome())
                .as("a policy on All resources covers user actions too (§10.5)").isEqualTo(Outcome.BLOCKED);
    }

    @Test
    void aBlockGrantBlocksEvenAPasskey() {
        SignInVerdict verdict = simulator(onApps("Block legacy", State.ENABLED, allUsers(), Set.of("All"), or("block")))
                .simulate(PASSKEY_USER, office(SignInMethod.PASSKEY));
        assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(verdict.headline()).isEqualTo("Blocked by policy 'Block legacy'");
        assertThat(verdict.reasons()).contains("Policy 'Block legacy' blocks access.");
    }

    @Test
    void andNeedsEveryControl_orNeedsOne() {
        Grant both = new Grant(true, Set.of("mfa", "compliantDevice"), Optional.empty());
        SignInSimulator and = simulator(onApps("MFA and compliant", State.ENABLED, allUsers(), Set.of("All"), both));
        assertThat(and.simulate(PASSKEY_USER, office(SignInMethod.PASSKEY)).outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(and.simulate(PASSKEY_USER, office(SignInMethod.PASSKEY).onCompliantDevice()).outcome())
                .isEqualTo(Outcome.SIGNS_IN);

        SignInSimulator either = simulator(onApps("MFA or compliant", State.ENABLED, allUsers(), Set.of("All"),
                or("mfa", "compliantDevice")));
        assertThat(either.simulate(member(PASSWORD), office(SignInMethod.PASSWORD_ONLY).onCompliantDevice()).outcome())
                .isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void aStrengthNeedsTheMethodUsedAmongItsCombinations() {
        SignInSimulator mfa = simulator(onApps("MFA strength", State.ENABLED, allUsers(), Set.of("All"), strength(MFA_STRENGTH)));
        assertThat(mfa.simulate(PASSKEY_USER, office(SignInMethod.PASSWORD_AND_PUSH)).outcome()).isEqualTo(Outcome.SIGNS_IN);

        SignInSimulator phishingResistant = simulator(onApps("Phishing-resistant", State.ENABLED, allUsers(),
                Set.of("All"), strength(PHISHING_RESISTANT)));
        SignInVerdict push = phishingResistant.simulate(PASSKEY_USER, office(SignInMethod.PASSWORD_AND_PUSH));
        assertThat(push.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(push.headline()).isEqualTo("Blocked: password + Microsoft Authenticator push does not meet policy"
                + " 'Phishing-resistant'");
        assertThat(push.reasons()).contains("Signing in with passkey (FIDO2) would meet it.");
        assertThat(phishingResistant.simulate(PASSKEY_USER, office(SignInMethod.PASSKEY)).outcome()).isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void graphFacts10_3_severalPoliciesOnTheSameTargetMustAllBeMet() {
        SignInSimulator two = simulator(registrationPolicy(State.ENABLED), new ConditionalAccessPolicy("p-2",
                "Registration needs phishing-resistant MFA", State.ENABLED, allUsers(), Set.of(), Set.of(),
                Set.of(ConditionalAccessPolicy.REGISTER_SECURITY_INFO), strength(PHISHING_RESISTANT), Optional.empty()));
        assertThat(two.simulate(member(PASSWORD, usableTap()), registerInfo(SignInMethod.TEMPORARY_ACCESS_PASS)).outcome())
                .as("the TAP meets the first but not the second").isEqualTo(Outcome.BLOCKED);
        assertThat(two.simulate(PASSKEY_USER, registerInfo(SignInMethod.PASSKEY)).outcome()).isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void controlsTheSimulatorCannotCheckCountAsNotMet() {
        SignInVerdict verdict = simulator(onApps("Hybrid joined", State.ENABLED, allUsers(), Set.of("All"),
                or("domainJoinedDevice"))).simulate(PASSKEY_USER, office(SignInMethod.PASSKEY));
        assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(verdict.reasons()).anyMatch(r -> r.contains("'domainJoinedDevice' (not simulated, counted as not met)"));
    }

    @Test
    void aPolicyWithoutGrantControlsRequiresNothing() {
        SignInVerdict verdict = simulator(onApps("Session only", State.ENABLED, allUsers(), Set.of("All"),
                new Grant(false, Set.of(), Optional.empty()))).simulate(member(PASSWORD), office(SignInMethod.PASSWORD_ONLY));
        assertThat(verdict.outcome()).isEqualTo(Outcome.SIGNS_IN);
    }

    private static boolean blocked(Users users, UserSnapshot user) {
        return simulator(onApps("Scoped block", State.ENABLED, users, Set.of("All"), or("block")))
                .simulate(user, office(SignInMethod.PASSWORD_AND_PUSH)).outcome() == Outcome.BLOCKED;
    }
}
