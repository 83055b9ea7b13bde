package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import dev.gatehouse.domain.signin.UserSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.gatehouse.domain.registration.Policies.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 9, step 6: refuse, before any request, to turn the policy on when it would lock the tenant out. */
class LockOutGuardTest {

    private static final List<UserSnapshot> BREAK_GLASS = List.of(breakGlass(BG1, "Break Glass 1"),
            breakGlass(BG2, "Break Glass 2"));
    private static final UserSnapshot ADMIN_WITH_PASSKEY = admin(method(MethodType.PASSWORD),
            method(MethodType.MICROSOFT_AUTHENTICATOR), method(MethodType.FIDO2));
    private static final UserSnapshot ADMIN_WITH_PUSH_ONLY = admin(method(MethodType.PASSWORD),
            method(MethodType.MICROSOFT_AUTHENTICATOR));

    private static LockOutVerdict check(ConditionalAccessPolicy draft, List<ConditionalAccessPolicy> others,
                                        List<UserSnapshot> breakGlass, UserSnapshot admin) {
        return LockOutGuard.check(draft, others, breakGlass, admin, openMethods(), NOW);
    }

    @Test
    void theSeedDesignWithBreakGlassExcludedAndAPasskeyAdminMayBeTurnedOn() {
        LockOutVerdict verdict = check(design(State.REPORT_ONLY), List.of(mfaEverywhere(State.ENABLED)), BREAK_GLASS,
                ADMIN_WITH_PASSKEY);

        assertThat(verdict.refuse()).isFalse();
        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.warnings()).isEmpty();
    }

    @Test
    void everyBreakGlassAccountInScopeIsRefusedWithTheirNamesAndTheFix() {
        ConditionalAccessPolicy noExclusion = onAction("p-x", "Registration for everyone", State.REPORT_ONLY,
                everyone(), design(State.ENABLED).grant());

        LockOutVerdict verdict = check(noExclusion, List.of(), BREAK_GLASS, ADMIN_WITH_PASSKEY);

        assertThat(verdict.refuse()).isTrue();
        assertThat(verdict.reasons()).singleElement().satisfies(r -> assertThat(r)
                .contains("'Registration for everyone' would apply to every emergency-access account (Break Glass 1"
                        + " (breakglass1@contoso.com), Break Glass 2 (breakglass2@contoso.com))")
                .contains("Fix: exclude the emergency-access group from the policy"));
    }

    @Test
    void oneBreakGlassAccountExcludedByIdIsNotALockOutButTheOtherIsWarnedAbout() {
        ConditionalAccessPolicy oneExcluded = onAction("p-1", "Registration", State.REPORT_ONLY,
                new Users(Set.of("All"), Set.of(BG1), Set.of(), Set.of(), Set.of(), Set.of(), false, true),
                design(State.ENABLED).grant());

        LockOutVerdict verdict = check(oneExcluded, List.of(), BREAK_GLASS, ADMIN_WITH_PASSKEY);

        assertThat(verdict.refuse()).isFalse();
        assertThat(verdict.warnings()).singleElement().satisfies(w -> assertThat(w).contains("Break Glass 2")
                .doesNotContain("Break Glass 1"));
    }

    @Test
    void noKnownBreakGlassAccountIsRefusedWithHowToChooseTheGroup() {
        LockOutVerdict verdict = check(design(State.REPORT_ONLY), List.of(), List.of(), ADMIN_WITH_PASSKEY);

        assertThat(verdict.refuse()).isTrue();
        assertThat(verdict.reasons()).singleElement().satisfies(r -> assertThat(r)
                .startsWith("No emergency-access account is known").contains("--breakglass-group ID|NAME"));
    }

    @Test
    void anAdminWithOnlyPasswordAndPushIsRefusedAndToldToRegisterAPasskeyFirst() {
        LockOutVerdict verdict = check(design(State.REPORT_ONLY), List.of(), BREAK_GLASS, ADMIN_WITH_PUSH_ONLY);

        assertThat(verdict.refuse()).isTrue();
        assertThat(verdict.reasons()).singleElement().satisfies(r -> assertThat(r)
                .startsWith("You, Megan Bowen (meganbowen@contoso.com), are not excluded from 'Protect security info"
                        + " registration' and could not register security information once it is on: ")
                .contains("password + Microsoft Authenticator push: Blocked at Register security information")
                .contains("register a passkey at https://aka.ms/mysecurityinfo"));
    }

    @Test
    void anAdminWithAOneTimePassMayTurnItOn() {
        UserSnapshot withPass = admin(method(MethodType.PASSWORD), oneTimeTap());

        assertThat(check(design(State.REPORT_ONLY), List.of(), BREAK_GLASS, withPass).refuse()).isFalse();
    }

    @Test
    void anExcludedAdminIsNotChecked() {
        ConditionalAccessPolicy design = design(State.REPORT_ONLY);
        ConditionalAccessPolicy adminExcluded = onAction("p-a", "Registration", State.REPORT_ONLY,
                new Users(Set.of("All"), Set.of(ADMIN_ID), Set.of(), Set.of(BREAK_GLASS_GROUP), Set.of(), Set.of(),
                        false, true), design.grant());

        assertThat(check(adminExcluded, List.of(), BREAK_GLASS, ADMIN_WITH_PUSH_ONLY).refuse()).isFalse();
    }

    @Test
    void theOtherPoliciesCountToo() {
        ConditionalAccessPolicy blockAll = new ConditionalAccessPolicy("p-block", "Block everything", State.ENABLED,
                everyone(), Set.of("All"), Set.of(), Set.of(), anyOf("block"), java.util.Optional.empty());

        LockOutVerdict verdict = check(design(State.REPORT_ONLY), List.of(blockAll), BREAK_GLASS, ADMIN_WITH_PASSKEY);

        assertThat(verdict.refuse()).isTrue();
        assertThat(verdict.reasons().get(0)).contains("Blocked by policy 'Block everything'");
    }

    @Test
    void aVerdictCannotRefuseWithoutAReason() {
        assertThatThrownBy(() -> new LockOutVerdict(true, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
