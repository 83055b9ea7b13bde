package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.method.UserRegistrationDetail;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.registration.PreflightCheck.Verdict;
import dev.gatehouse.domain.registration.PreflightFacts.Readiness;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.tenant.TenantLicences;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.gatehouse.domain.registration.Policies.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 9, step 1: each check pass, warn, fail or unknown, with the facts and the fix. */
class PreflightTest {

    private static final EmergencyGroup GROUP = new EmergencyGroup(BREAK_GLASS_GROUP, "Emergency Access Accounts");
    private static final TenantLicences P1 = new TenantLicences(Set.of(TenantLicences.ENTRA_ID_P1_PLAN),
            List.of("SPB"));

    /** A tenant ready for the policy; each test changes one thing. */
    private static final class Tenant {
        Optional<TenantLicences> licences = Optional.of(P1);
        Optional<Boolean> securityDefaults = Optional.of(false);
        Optional<MethodsPolicy> methods = Optional.of(openMethods());
        List<ConditionalAccessPolicy> policies = List.of();
        ConditionalAccessPolicy draft = design(State.REPORT_ONLY);
        EmergencyAccess emergency = EmergencyAccess.chosen(GROUP, EmergencyAccess.Origin.SAVED);
        Set<String> members = Set.of(BG1, BG2);
        UserSnapshot admin = admin(method(MethodType.PASSWORD), method(MethodType.FIDO2));
        Readiness readiness = Readiness.read(report(List.of(row("u-1", "fido2SecurityKey"))));

        PreflightCheck check(String id) {
            return Preflight.run(new PreflightFacts(licences, securityDefaults, methods, policies, draft, emergency,
                    members, admin, readiness, NOW)).stream().filter(c -> c.id().equals(id)).findFirst()
                    .orElseThrow();
        }
    }

    private static UserRegistrationDetail row(String id, String... methods) {
        return new UserRegistrationDetail(id, id + "@contoso.com", id, false, false, false, false, false,
                Set.of(methods), Optional.of(NOW.minus(Duration.ofHours(2))));
    }

    private static RegistrationReadiness.Result report(List<UserRegistrationDetail> rows) {
        RegistrationReadiness readiness = new RegistrationReadiness(Set.of(BG1, BG2));
        readiness.accept(rows);
        return readiness.result();
    }

    @Test
    void aReadyTenantPassesEveryCheckInTheWizardsOrder() {
        Tenant tenant = new Tenant();
        List<PreflightCheck> checks = Preflight.run(new PreflightFacts(tenant.licences, tenant.securityDefaults,
                tenant.methods, tenant.policies, tenant.draft, tenant.emergency, tenant.members, tenant.admin,
                tenant.readiness, NOW));

        assertThat(checks).extracting(PreflightCheck::id).containsExactly("licence", "security-defaults",
                "tap-method", "passkey-method", "existing-policies", "emergency-excluded", "admin-can-register",
                "admin-role", "users-without-route");
        assertThat(checks).allSatisfy(c -> assertThat(c.verdict()).as(c.id() + ": " + c.details())
                .isEqualTo(Verdict.PASS));
        assertThat(Preflight.anyFailed(checks)).isFalse();
    }

    @Test
    void withoutP1TheWizardRefusesAndSaysWhatP1Buys() {
        Tenant tenant = new Tenant();
        tenant.licences = Optional.of(new TenantLicences(Set.of(), List.of("O365_BUSINESS_ESSENTIALS")));

        PreflightCheck check = tenant.check("licence");

        assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(check.details()).contains("Subscriptions in force: O365_BUSINESS_ESSENTIALS.")
                .anyMatch(d -> d.contains("Conditional Access, authentication strengths and the registration report")
                        && d.contains("the wizard will not create one"));
        assertThat(check.remedy()).isPresent();
    }

    @Test
    void unreadableLicencesAreUnknownNotFailed() {
        Tenant tenant = new Tenant();
        tenant.licences = Optional.empty();

        assertThat(tenant.check("licence").verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void securityDefaultsOnFailWithWhereToTurnThemOff() {
        Tenant tenant = new Tenant();
        tenant.securityDefaults = Optional.of(true);

        PreflightCheck check = tenant.check("security-defaults");

        assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(check.remedy()).hasValueSatisfying(r -> assertThat(r).contains("Manage security defaults"));
    }

    @Test
    void tapOnForAllUsersSaysItsLifetimesAndOneTimeSetting() {
        PreflightCheck check = new Tenant().check("tap-method");

        assertThat(check.details()).containsExactly("On for: All users.", "Every pass is one-time (the tenant forces"
                        + " it).", "Lifetimes: minimum 10 min, default 60 min, maximum 480 min.",
                "With a one-time pass a user has 10 minutes to finish registering a passkey.");
    }

    @Test
    void tapForTheBreakGlassGroupOnlyWarnsThatOthersCannotGetAPass() {
        Tenant tenant = new Tenant();
        tenant.methods = Optional.of(methods(on("Fido2"), on(MethodsPolicy.TEMPORARY_ACCESS_PASS,
                new PolicyTarget(PolicyTarget.Kind.GROUP, BREAK_GLASS_GROUP, "Emergency Access Accounts")),
                new TapSettings(60, 60, 480, false, 8)));

        PreflightCheck check = tenant.check("tap-method");

        assertThat(check.verdict()).isEqualTo(Verdict.WARN);
        assertThat(check.details()).contains("On for: Emergency Access Accounts.").anyMatch(d ->
                d.startsWith("Passes are one-time only when issued so"));
    }

    @Test
    void tapOffFailsAndAnUnreadableMethodsPolicyIsUnknown() {
        Tenant off = new Tenant();
        off.methods = Optional.of(methods(on("Fido2"), off(MethodsPolicy.TEMPORARY_ACCESS_PASS), null));
        Tenant unread = new Tenant();
        unread.methods = Optional.empty();

        assertThat(off.check("tap-method").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(off.check("tap-method").details().get(0)).isEqualTo("The Temporary Access Pass method is off:"
                + " users without a passkey could not be given a pass to register one once the policy is on.");
        assertThat(unread.check("tap-method").verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(unread.check("passkey-method").verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void passkeysOffFailAndKeyRestrictionsAreSaidToBeUnread() {
        Tenant off = new Tenant();
        off.methods = Optional.of(methods(off("Fido2"), on(MethodsPolicy.TEMPORARY_ACCESS_PASS), null));

        assertThat(off.check("passkey-method").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(new Tenant().check("passkey-method").details()).anyMatch(d -> d.startsWith("Key restrictions"));
    }

    @Test
    void anAllResourcesMfaPolicyWarnsWithTheCombinedRequirement() {
        Tenant tenant = new Tenant();
        tenant.policies = List.of(mfaEverywhere(State.ENABLED));

        PreflightCheck check = tenant.check("existing-policies");

        assertThat(check.verdict()).isEqualTo(Verdict.WARN);
        assertThat(check.details()).anyMatch(d -> d.contains("MFA (CA001: Require MFA for all users) AND"))
                .anyMatch(d -> d.contains("a compliant device alone does not satisfy it"));
    }

    @Test
    void noEmergencyGroupChosenFailsAndSaysHowToChooseOne() {
        Tenant tenant = new Tenant();
        tenant.emergency = EmergencyAccess.notChosen();
        tenant.members = Set.of();

        PreflightCheck check = tenant.check("emergency-excluded");

        assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(check.remedy()).hasValueSatisfying(r -> assertThat(r).contains("--breakglass-group"));
    }

    @Test
    void aDraftThatDoesNotExcludeTheGroupFails() {
        Tenant tenant = new Tenant();
        tenant.draft = onAction(null, "Registration", State.REPORT_ONLY, everyone(), design(State.ENABLED).grant());

        assertThat(tenant.check("emergency-excluded").verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void anotherPolicyOnTheActionThatDoesNotExcludeTheGroupWarns() {
        Tenant tenant = new Tenant();
        tenant.policies = List.of(template(State.REPORT_ONLY));

        PreflightCheck check = tenant.check("emergency-excluded");

        assertThat(check.verdict()).isEqualTo(Verdict.WARN);
        assertThat(check.details()).contains("Other policies on this action do not exclude it: 'Securing security"
                + " info registration' (Report-only).");
    }

    @Test
    void membersExcludedOneByOneCountAsExcludedAndAnEmptyGroupFails() {
        Tenant byId = new Tenant();
        byId.draft = onAction(null, "Registration", State.REPORT_ONLY, new ConditionalAccessPolicy.Users(Set.of("All"),
                Set.of(BG1, BG2), Set.of(), Set.of(), Set.of(), Set.of(), false, true), design(State.ENABLED).grant());
        Tenant empty = new Tenant();
        empty.members = Set.of();

        assertThat(byId.check("emergency-excluded").verdict()).isEqualTo(Verdict.PASS);
        assertThat(empty.check("emergency-excluded").verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void anUndeterminedEmergencyGroupIsUnknown() {
        Tenant tenant = new Tenant();
        tenant.emergency = EmergencyAccess.undetermined("the tenant's id could not be read");

        assertThat(tenant.check("emergency-excluded").verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void anAdminWithOnlyPushWarnsThatTurningItOnWillBeRefused() {
        Tenant tenant = new Tenant();
        tenant.admin = admin(method(MethodType.PASSWORD), method(MethodType.MICROSOFT_AUTHENTICATOR));

        PreflightCheck check = tenant.check("admin-can-register");

        assertThat(check.verdict()).isEqualTo(Verdict.WARN);
        assertThat(check.details()).contains("Turning the policy on will be refused until this changes.");
        assertThat(new Tenant().check("admin-can-register").details().get(0)).isEqualTo("Megan Bowen"
                + " (meganbowen@contoso.com) could register security information with the new policy on, with:"
                + " passkey (FIDO2) (on a device that is not compliant).");
    }

    @Test
    void anAdminWithoutACaWritingRoleFails() {
        Tenant tenant = new Tenant();
        tenant.admin = user(ADMIN_ID, "Megan Bowen", Set.of(), Set.of("4a5d8f65-41da-4de4-8968-e035b65339cf"),
                method(MethodType.FIDO2));

        PreflightCheck check = tenant.check("admin-role");

        assertThat(check.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(check.remedy()).hasValueSatisfying(r -> assertThat(r).startsWith("Activate Conditional Access"
                + " Administrator"));
        assertThat(new Tenant().check("admin-role").details().get(0)).contains("holds Conditional Access"
                + " Administrator");
    }

    @Test
    void usersWithoutAPasskeyAreCountedAndTheStaleReportSaidSo() {
        Tenant tenant = new Tenant();
        UserRegistrationDetail old = new UserRegistrationDetail("u-old", "old@contoso.com", "Old", false, true,
                true, true, false, Set.of("mobilePhone"), Optional.of(NOW.minus(Duration.ofDays(3))));
        tenant.readiness = Readiness.read(report(List.of(row("u-1", "fido2SecurityKey"), row("u-2", "mobilePhone"),
                old, row(BG1), row("u-3", "temporaryAccessPass"))));

        PreflightCheck check = tenant.check("users-without-route");

        assertThat(check.verdict()).isEqualTo(Verdict.WARN);
        assertThat(check.details()).contains(
                "5 members in the report; 0 guests not assessed (the new policy excludes guests, and a pass never"
                        + " works for a guest).",
                "1 have a passkey registered and can register security information today.",
                "1 emergency-access account(s), excluded from the new policy.",
                "3 have no passkey: once the policy is on they need a one-time Temporary Access Pass, or a compliant"
                        + " device (which this report cannot show).",
                "1 of them are admins: only a Privileged Authentication Administrator or Global Administrator may"
                        + " issue them a pass.",
                "The report is older than 24 hours (or undated): methods registered since are missing from it.");
        assertThat(check.remedy()).hasValue("Issue them one-time passes in the next step (Bulk TAP) before turning"
                + " the policy on.");
    }

    @Test
    void anUnreadReportIsUnknownWithWhy() {
        Tenant tenant = new Tenant();
        tenant.readiness = Readiness.unread("403 Authentication_RequestFromNonPremiumTenantOrB2CTenant");

        PreflightCheck check = tenant.check("users-without-route");

        assertThat(check.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(check.details().get(0)).endsWith("403 Authentication_RequestFromNonPremiumTenantOrB2CTenant.");
    }

    @Test
    void readinessIsEitherAResultOrWhyNot() {
        assertThatThrownBy(() -> new Readiness(Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
