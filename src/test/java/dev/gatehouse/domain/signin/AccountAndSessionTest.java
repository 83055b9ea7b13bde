package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.signin.SignInVerdict.Outcome;
import dev.gatehouse.domain.user.UserType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.gatehouse.domain.signin.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The account, the password and the session: graph-facts §1.4–1.6 and §7, seed 003 ("Reset password", "Revoke sessions"). */
class AccountAndSessionTest {

    private final SignInSimulator simulator = simulator(mfaForAllApps(State.ENABLED));

    @Test
    void graphFacts7_aDisabledAccountIsBlockedWhateverTheMethodTargetOrSession() {
        UserSnapshot disabled = fullyEquipped().withMethods(RequireReRegisterTest.append(fullyEquipped(), usableTap()));
        disabled = disabled.withProfile(disabled.profile().withAccountEnabled(false));
        for (SignInMethod method : SignInMethod.values()) {
            for (SignInTarget target : List.of(SignInTarget.OFFICE_365, SignInTarget.REGISTER_SECURITY_INFO)) {
                SignInSituation situation = new SignInSituation(method, target, true, Optional.of(NOW.minusSeconds(60)));
                SignInVerdict verdict = simulator.simulate(disabled, situation);
                assertThat(verdict.outcome()).as(situation.describe()).isEqualTo(Outcome.BLOCKED);
                assertThat(verdict.headline()).isEqualTo("Blocked: the account is disabled");
            }
        }
    }

    @Test
    void seed003_afterAnAdminResetAPasswordSignInMustChangeThePasswordFirst() {
        UserSnapshot reset = member(PASSWORD, AUTHENTICATOR, FIDO2).withMustChangePassword(true);
        SignInVerdict password = simulator.simulate(reset, office(SignInMethod.PASSWORD_AND_PUSH));
        assertThat(password.outcome()).isEqualTo(Outcome.MUST_CHANGE_PASSWORD);
        assertThat(password.headline())
                .isEqualTo("Must change the password first, then signs in with password + Microsoft Authenticator push");
        assertThat(password.reasons().get(0)).contains("An admin reset the password");

        assertThat(simulator.simulate(reset, office(SignInMethod.PASSKEY)).outcome())
                .as("a passkey sign-in never asks for the password").isEqualTo(Outcome.SIGNS_IN);
    }

    @Test
    void seed003_aResetPasswordComesBeforeTheRegistrationInterrupt() {
        UserSnapshot reset = member(PASSWORD).withMustChangePassword(true);
        SignInVerdict verdict = simulator.simulate(reset, office(SignInMethod.PASSWORD_ONLY));
        assertThat(verdict.outcome()).isEqualTo(Outcome.MUST_CHANGE_PASSWORD);
        assertThat(verdict.headline()).isEqualTo("Must change the password first, then prompted to register an MFA"
                + " method after the password");
    }

    @Test
    void aBlockStaysABlockEvenAfterAReset() {
        ConditionalAccessPolicy block = onApps("Block everyone", State.ENABLED, allUsers(), Set.of("All"), or("block"));
        SignInVerdict verdict = simulator(block).simulate(member(PASSWORD).withMustChangePassword(true),
                office(SignInMethod.PASSWORD_ONLY));
        assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(verdict.reasons()).anyMatch(r -> r.contains("An admin reset the password"));
    }

    @Test
    void aPasswordlessAccountCannotSignInWithAPassword() {
        SignInVerdict verdict = simulator.simulate(member(FIDO2), office(SignInMethod.PASSWORD_AND_PUSH));
        assertThat(verdict.outcome()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
        assertThat(verdict.headline()).endsWith("the user has no password");
    }

    @Test
    void seed003_aSessionOlderThanSignInSessionsValidFromMustSignInAgain() {
        UserSnapshot user = member(PASSWORD, FIDO2);
        UserSnapshot revoked = user.withProfile(user.profile().withSignInSessionsValidFrom(NOW.minusSeconds(60)));
        SignInSituation continuing = office(SignInMethod.PASSKEY).continuingSessionFrom(NOW.minusSeconds(3600));

        SignInVerdict before = simulator.simulate(user, continuing);
        assertThat(before.outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(before.mustSignInAgain()).isFalse();
        assertThat(before.headline()).isEqualTo("Continues the session without a prompt");

        SignInVerdict after = simulator.simulate(revoked, continuing);
        assertThat(after.mustSignInAgain()).isTrue();
        assertThat(after.outcome()).isEqualTo(Outcome.SIGNS_IN);
        assertThat(after.headline()).isEqualTo("Must sign in again: signs in with passkey (FIDO2)");
        assertThat(after.reasons().get(0)).contains("sessions revoked or password changed").contains("CAE-capable apps");
    }

    @Test
    void seed003_aPasswordChangeEndsOlderSessionsToo() {
        UserSnapshot user = member(PASSWORD, AUTHENTICATOR);
        UserSnapshot changed = user.withProfile(user.profile().withPasswordChangedAt(NOW.minusSeconds(10)))
                .withMustChangePassword(true);
        SignInVerdict verdict = simulator.simulate(changed,
                office(SignInMethod.PASSWORD_AND_PUSH).continuingSessionFrom(NOW.minusSeconds(600)));
        assertThat(verdict.mustSignInAgain()).isTrue();
        assertThat(verdict.outcome()).isEqualTo(Outcome.MUST_CHANGE_PASSWORD);
        assertThat(verdict.headline()).startsWith("Must sign in again: must change the password first");
    }

    @Test
    void aPasswordChangeEndsPasswordSessionsButNotPasskeySessionsEvenIfValidFromIsUnknown() {
        UserSnapshot user = member(PASSWORD, FIDO2);
        UserSnapshot changed = user.withProfile(new dev.gatehouse.domain.user.UserProfile(USER_ID, "Adele", "a@b", null,
                UserType.MEMBER, true, null, null, null, NOW.minusSeconds(5), null, null));
        SignInVerdict password = simulator.simulate(changed,
                office(SignInMethod.PASSWORD_ONLY).continuingSessionFrom(NOW.minusSeconds(600)));
        assertThat(password.mustSignInAgain()).isTrue();
        assertThat(password.reasons().get(0)).contains("was signed in with the password, which changed at");

        // Microsoft's token revocation table: an admin reset leaves tokens obtained without the password alive
        SignInVerdict passkey = simulator.simulate(changed,
                office(SignInMethod.PASSKEY).continuingSessionFrom(NOW.minusSeconds(600)));
        assertThat(passkey.mustSignInAgain()).isFalse();

        UserSnapshot unknown = user.withProfile(new dev.gatehouse.domain.user.UserProfile(USER_ID, "Adele", "a@b", null,
                UserType.MEMBER, true, null, null, null, null, null, null));
        SignInVerdict assumed = simulator.simulate(unknown,
                office(SignInMethod.PASSKEY).continuingSessionFrom(NOW.minusSeconds(600)));
        assertThat(assumed.mustSignInAgain()).isFalse();
        assertThat(assumed.reasons().get(0)).contains("did not report").contains("assumed valid");
    }

    @Test
    void aSignInFrequencyShorterThanTheSessionsAgeAsksForANewSignIn() {
        ConditionalAccessPolicy hourly = new ConditionalAccessPolicy("p-freq", "Sign in every hour", State.ENABLED,
                allUsers(), Set.of("All"), Set.of(), Set.of(), or("mfa"), Optional.of(1));
        SignInSimulator frequent = simulator(hourly);
        UserSnapshot user = member(PASSWORD, FIDO2);
        assertThat(frequent.simulate(user, office(SignInMethod.PASSKEY).continuingSessionFrom(NOW.minusSeconds(1800)))
                .mustSignInAgain()).isFalse();
        SignInVerdict old = frequent.simulate(user, office(SignInMethod.PASSKEY).continuingSessionFrom(NOW.minusSeconds(7200)));
        assertThat(old.mustSignInAgain()).isTrue();
        assertThat(old.reasons().get(0)).contains("'Sign in every hour' asks for a new sign-in every 1 hours");
    }

    @Test
    void graphFacts6_2_aSessionOpenedWithATapEndsWithThePass() {
        UserSnapshot user = member(PASSWORD, tap(NOW.minusSeconds(7200), 60, false, true, "EnabledByPolicy"));
        SignInVerdict verdict = simulator.simulate(user,
                registerInfo(SignInMethod.TEMPORARY_ACCESS_PASS).continuingSessionFrom(NOW.minusSeconds(7000)));
        assertThat(verdict.mustSignInAgain()).isTrue();
        assertThat(verdict.outcome()).isEqualTo(Outcome.METHOD_UNAVAILABLE);
        assertThat(verdict.reasons().get(0)).contains("last no longer than the pass").contains("expired at");
    }

    @Test
    void aContinuedSessionStartedAfterTheRevocationIsStillValid() {
        UserSnapshot user = member(PASSWORD, FIDO2);
        UserSnapshot revoked = user.withProfile(user.profile().withSignInSessionsValidFrom(Instant.parse("2025-06-01T00:00:00Z")));
        assertThat(simulator.simulate(revoked, office(SignInMethod.PASSKEY)
                .continuingSessionFrom(Instant.parse("2025-06-01T12:00:00Z"))).mustSignInAgain()).isFalse();
    }
}
