package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.method.TapState;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Grant;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.tenant.AuditRecord;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.LicenceAssignment;
import dev.gatehouse.domain.tenant.SignInRecord;
import dev.gatehouse.domain.tenant.TenantLicences;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BreakGlassHealthTest {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static final String DOMAIN = "contoso.onmicrosoft.com";
    static final String GROUP = "11111111-1111-1111-1111-111111111111";
    static final TenantLicences P1 = new TenantLicences(Set.of(TenantLicences.ENTRA_ID_P1_PLAN), List.of("SPB"));
    /** A methods policy read, with no FIDO2 key restrictions. */
    static final Fact<MethodsPolicy> UNRESTRICTED = Fact.known(new MethodsPolicy(List.of(), Optional.empty()));

    @Test
    void aWellKeptSetUpIsAllGreen() {
        BreakGlassHealth health = BreakGlassHealth.of(read(List.of(account("a1", "bg-a1"), account("a2", "bg-a2")),
                group(true), List.of(mfaForAll(State.ENABLED, Set.of(GROUP))), Optional.of(LocalDate.of(2026, 11, 1))));

        assertThat(health.verdict()).as(describe(health)).isEqualTo(Verdict.GREEN);
        assertThat(health.accounts()).hasSize(2);
        assertThat(check(health.accounts().get(0), "passkey").reason()).contains("YubiKey 5 NFC")
                .contains("AAGUID cb69481e-8ff7-4039-93ec-0a2729a154a8").contains("registered 3 Nov 2026");
        assertThat(check(health.accounts().get(0), "drill").reason()).contains("Last drill 1 Nov 2026")
                .contains("Next drill due 30 Jan 2027");
        assertThat(health.nextDrill()).isEqualTo(LocalDate.of(2027, 1, 30));
    }

    @Test
    void eachGapOfTheGapsScenarioIsNamedWithItsFix() {
        AccountFacts noKey = account("a1", "bg-a1", List.of());
        AccountFacts leftovers = withLicence(account("a2", "bg-a2", List.of(passkey(), usablePass(),
                new AuthMethod("p1", MethodType.PHONE, "+61 491579212", null, Map.of()))));
        BreakGlassHealth health = BreakGlassHealth.of(read(List.of(noKey, leftovers), group(false),
                List.of(mfaForAll(State.ENABLED, Set.of())), Optional.empty()));

        assertThat(health.verdict()).isEqualTo(Verdict.RED);
        assertThat(check(health.accounts().get(0), "passkey").verdict()).isEqualTo(Verdict.RED);
        HealthCheck methods = check(health.accounts().get(1), "methods");
        assertThat(methods.verdict()).isEqualTo(Verdict.RED);
        assertThat(methods.reason()).contains("usable Temporary Access Pass").contains("Phone +61 491579212");
        assertThat(check(health.accounts().get(1), "noLicence").verdict()).isEqualTo(Verdict.AMBER);
        assertThat(check(health.accounts().get(1), "conditionalAccess").reason())
                .contains("\u201cRequire MFA for all users\u201d (On)");
        assertThat(check(health.group(), "roleAssignable").verdict()).isEqualTo(Verdict.RED);
        assertThat(check(health.group(), "excluded").reason()).contains("Require MFA for all users");
    }

    @Test
    void aDrillPastNinetyDaysIsRedAndOneDueSoonIsAmber() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertThat(DrillSchedule.check(Optional.empty(), Optional.of(today.minusDays(200)), today).verdict())
                .isEqualTo(Verdict.RED);
        assertThat(DrillSchedule.check(Optional.of(today.minusDays(80)), Optional.empty(), today).verdict())
                .isEqualTo(Verdict.AMBER);
        assertThat(DrillSchedule.check(Optional.of(today.minusDays(10)), Optional.empty(), today).verdict())
                .isEqualTo(Verdict.GREEN);
        HealthCheck inferred = DrillSchedule.check(Optional.empty(), Optional.of(today.minusDays(10)), today);
        assertThat(inferred.verdict()).isEqualTo(Verdict.AMBER);
        assertThat(inferred.reason()).contains("No drill recorded on this machine").contains("last signed in");
        assertThat(DrillSchedule.check(Optional.empty(), Optional.empty(), today).verdict()).isEqualTo(Verdict.RED);
    }

    @Test
    void aDedicatedPhishingResistantPolicyMayReachTheAccountsButAnOrWithMfaMayNot() {
        ConditionalAccessPolicy dedicated = policy("Emergency access: phishing-resistant MFA", State.ENABLED,
                new Users(Set.of(), Set.of(), Set.of(GROUP), Set.of(), Set.of(), Set.of(), false, false),
                new Grant(false, Set.of(), Optional.of(phishingResistant())));
        ConditionalAccessPolicy weakened = policy("PR or MFA", State.ENABLED,
                new Users(Set.of(), Set.of(), Set.of(GROUP), Set.of(), Set.of(), Set.of(), false, false),
                new Grant(false, Set.of("mfa"), Optional.of(phishingResistant())));

        BreakGlassHealth covered = BreakGlassHealth.of(read(List.of(account("a1", "bg-a1"), account("a2", "bg-a2")),
                group(true), List.of(dedicated), Optional.of(LocalDate.of(2026, 11, 1))));
        assertThat(covered.verdict()).as(describe(covered)).isEqualTo(Verdict.GREEN);
        assertThat(check(covered.accounts().get(0), "conditionalAccess").reason()).contains("Covered by");

        BreakGlassHealth notCovered = BreakGlassHealth.of(read(List.of(account("a1", "bg-a1"),
                account("a2", "bg-a2")), group(true), List.of(weakened), Optional.of(LocalDate.of(2026, 11, 1))));
        assertThat(check(notCovered.accounts().get(0), "conditionalAccess").verdict()).isEqualTo(Verdict.RED);
        assertThat(check(notCovered.group(), "excluded").verdict()).isEqualTo(Verdict.RED);
    }

    @Test
    void anExclusionByUserIsEnoughForTheAccountButNotForTheGroup() {
        ConditionalAccessPolicy byUser = mfaForAll(State.ENABLED, Set.of());
        byUser = policy(byUser.displayName(), State.ENABLED, new Users(Set.of("All"), Set.of("a1", "a2"), Set.of(),
                Set.of(), Set.of(), Set.of(), false, false), byUser.grant());
        BreakGlassHealth health = BreakGlassHealth.of(read(List.of(account("a1", "bg-a1"), account("a2", "bg-a2")),
                group(true), List.of(byUser), Optional.of(LocalDate.of(2026, 11, 1))));

        assertThat(check(health.accounts().get(0), "conditionalAccess").verdict()).isEqualTo(Verdict.GREEN);
        assertThat(check(health.group(), "excluded").verdict()).isEqualTo(Verdict.RED);
    }

    @Test
    void reportOnlyPoliciesThatReachTheAccountsAreAmberAndDisabledOnesDoNotCount() {
        BreakGlassHealth health = BreakGlassHealth.of(read(List.of(account("a1", "bg-a1"), account("a2", "bg-a2")),
                group(true), List.of(mfaForAll(State.REPORT_ONLY, Set.of()), policy("Off", State.DISABLED,
                        new Users(Set.of("All"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, false),
                        new Grant(false, Set.of("block"), Optional.empty()))), Optional.of(LocalDate.of(2026, 11, 1))));

        assertThat(health.verdict()).isEqualTo(Verdict.AMBER);
        assertThat(check(health.accounts().get(0), "conditionalAccess").reason()).contains("report-only")
                .doesNotContain("Off");
    }

    @Test
    void aLicenceTheEmergencyGroupItselfGivesIsRedAndTheAccountIsNotToldToLeaveTheGroup() {
        AccountFacts licensed = account("a1", "bg-a1");
        LicenceAssignment fromItsOwnGroup = LicenceAssignment.inherited("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46", GROUP,
                Optional.empty());
        licensed = new AccountFacts(licensed.detail(), licensed.groups(), Fact.known(List.of(fromItsOwnGroup)),
                licensed.lastSignIn(), licensed.recentChanges());
        BreakGlassHealth health = BreakGlassHealth.of(read(List.of(licensed, account("a2", "bg-a2")), group(true),
                List.of(), Optional.of(LocalDate.of(2026, 11, 1))));

        HealthCheck licence = check(health.accounts().get(0), "noLicence");
        assertThat(licence.verdict()).isEqualTo(Verdict.RED);
        assertThat(licence.reason()).as("a group it could not name goes by its id")
                .contains("inherited from the group " + GROUP + ", the emergency-access group itself")
                .contains("the account must stay in " + GROUP).doesNotContain("remove the account from");
        assertThat(check(health.accounts().get(1), "noLicence").verdict()).isEqualTo(Verdict.GREEN);
    }

    @Test
    void aSignInAfterTheLastRecordedDrillAsksWhoItWas() {
        AccountFacts used = account("a1", "bg-a1");
        used = new AccountFacts(used.detail(), used.groups(), used.licences(), Fact.known(Optional.of(
                new SignInRecord(NOW.minus(Duration.ofDays(2)), "Azure Portal", "203.0.113.9", 0, null))),
                used.recentChanges());
        BreakGlassHealth health = BreakGlassHealth.of(read(List.of(used, account("a2", "bg-a2")), group(true),
                List.of(), Optional.of(LocalDate.of(2026, 11, 1))));

        HealthCheck signIn = check(health.accounts().get(0), "lastSignIn");
        assertThat(signIn.verdict()).isEqualTo(Verdict.AMBER);
        assertThat(signIn.reason()).contains("4 Dec 2026").contains("Azure Portal").contains("203.0.113.9")
                .contains("after the last recorded drill (1 Nov 2026)");
    }

    @Test
    void whatCouldNotBeReadIsAmberWithTheReasonNotGreen() {
        AccountFacts account = account("a1", "bg-a1");
        account = new AccountFacts(account.detail(), account.groups(), Fact.unknown("no role to read licences"),
                Fact.unknown("the sign-in log needs Entra ID P1"), account.recentChanges());
        HealthRead read = new HealthRead(NOW, ZoneOffset.UTC, DOMAIN, Fact.known(group(true)),
                List.of(account, account("a2", "bg-a2")), Fact.unknown("this tenant has no Entra ID P1"),
                Fact.unknown("subscriptions could not be read"), Optional.of(LocalDate.of(2026, 11, 1)), UNRESTRICTED);

        BreakGlassHealth health = BreakGlassHealth.of(read);

        assertThat(health.verdict()).isEqualTo(Verdict.AMBER);
        assertThat(check(health.accounts().get(0), "noLicence").reason())
                .isEqualTo("Could not check: no role to read licences");
        assertThat(check(health.accounts().get(0), "lastSignIn").reason()).contains("needs Entra ID P1");
        assertThat(check(health.accounts().get(0), "conditionalAccess").reason()).contains("no Entra ID P1");
    }

    @Test
    void withoutAGroupTheViewSaysHowToChooseOne() {
        HealthRead read = new HealthRead(NOW, ZoneOffset.UTC, DOMAIN,
                Fact.unknown("No emergency-access group is chosen for this tenant."), List.of(), Fact.known(List.of()),
                Fact.known(P1), Optional.empty(), UNRESTRICTED);

        BreakGlassHealth health = BreakGlassHealth.of(read);

        assertThat(health.verdict()).isEqualTo(Verdict.RED);
        assertThat(health.group().checks().get(0).reason()).contains("No emergency-access group is chosen")
                .contains("gatehouse breakglass group --set");
    }

    @Test
    void accountsOffTheInitialDomainSyncedOrDisabledAreRed() {
        UserProfile federated = new UserProfile("a3", "Fed", "bg@contoso.com", null, UserType.MEMBER, false,
                SyncState.SYNCED, NOW, null, null, null, null);
        AccountFacts facts = new AccountFacts(new UserDetail(federated, List.of(), List.of(), List.of(passkey())),
                Fact.known(List.of(new GroupRef(GROUP, "Emergency Access Accounts", true))), Fact.known(List.of()), Fact.known(Optional.empty()), Fact.known(List.of()));
        AccountHealth row = BreakGlassHealth.of(read(List.of(facts), group(true), List.of(), Optional.empty()))
                .accounts().get(0);

        assertThat(check(row, "enabled").verdict()).isEqualTo(Verdict.RED);
        assertThat(check(row, "cloudOnly").verdict()).isEqualTo(Verdict.RED);
        assertThat(check(row, "initialDomain").reason()).contains("contoso.com, a custom domain");
        assertThat(check(row, "globalAdministrator").verdict()).isEqualTo(Verdict.RED);
    }

    @Test
    void ownersAndNonUserMembersOfTheGroupAreNamed() {
        GroupFacts facts = new GroupFacts(new GroupRef(GROUP, "Emergency Access Accounts", true),
                Fact.known(List.of(user("a1"), user("a2"), new DirectoryPrincipal("g9", "Helpdesk", null,
                        DirectoryPrincipal.Kind.GROUP))),
                Fact.known(List.of(user("o1"))), Fact.known(List.of(new AuditRecord(NOW.minus(Duration.ofDays(1)),
                "Add member to group", "GroupManagement", "mallory@contoso.com", "success", List.of("a1")))));
        BreakGlassHealth health = BreakGlassHealth.of(read(List.of(account("a1", "bg-a1"), account("a2", "bg-a2")),
                facts, List.of(), Optional.of(LocalDate.of(2026, 11, 1))));

        assertThat(check(health.group(), "members").reason()).contains("Helpdesk").contains("not accounts");
        assertThat(check(health.group(), "owners").verdict()).isEqualTo(Verdict.AMBER);
        assertThat(check(health.group(), "recentChanges").reason()).contains("Add member to group by mallory");
    }

    // ---- fixtures

    static HealthRead read(List<AccountFacts> accounts, GroupFacts group, List<ConditionalAccessPolicy> policies,
                           Optional<LocalDate> drill) {
        return new HealthRead(NOW, ZoneOffset.UTC, DOMAIN, Fact.known(group), accounts, Fact.known(policies),
                Fact.known(P1), drill, UNRESTRICTED);
    }

    static GroupFacts group(boolean roleAssignable) {
        return new GroupFacts(new GroupRef(GROUP, "Emergency Access Accounts", roleAssignable),
                Fact.known(List.of(user("a1"), user("a2"))), Fact.known(List.of()), Fact.known(List.of()));
    }

    static DirectoryPrincipal user(String id) {
        return new DirectoryPrincipal(id, "Account " + id, "bg-" + id + "@" + DOMAIN, DirectoryPrincipal.Kind.USER);
    }

    static AccountFacts account(String id, String name) {
        return account(id, name, List.of(passkey()));
    }

    static AccountFacts account(String id, String name, List<AuthMethod> methods) {
        List<AuthMethod> all = new ArrayList<>(methods);
        all.add(0, new AuthMethod("pw-" + id, MethodType.PASSWORD, "", null, Map.of()));
        UserProfile profile = new UserProfile(id, "Emergency " + id, name + "@" + DOMAIN, null, UserType.MEMBER, true,
                SyncState.CLOUD_ONLY, NOW.minus(Duration.ofDays(300)), null, null, null, null);
        UserDetail detail = new UserDetail(profile, List.of(new RoleAssignment(
                DirectoryRole.GLOBAL_ADMINISTRATOR.templateId(), "Global Administrator", "/", null)), List.of(), all);
        return new AccountFacts(detail, Fact.known(List.of(new GroupRef(GROUP, "Emergency Access Accounts", true))), Fact.known(List.of()),
                Fact.known(Optional.empty()), Fact.known(List.of()));
    }

    static AccountFacts withLicence(AccountFacts account) {
        return new AccountFacts(account.detail(), account.groups(), Fact.known(List.of(LicenceAssignment.direct(
                "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"))),
                account.lastSignIn(), account.recentChanges());
    }

    static AuthMethod passkey() {
        return new AuthMethod("k1", MethodType.FIDO2, "YubiKey 5 NFC", Instant.parse("2026-11-03T09:00:00Z"),
                Map.of("Model", "YubiKey 5 NFC", "AAGUID", "cb69481e-8ff7-4039-93ec-0a2729a154a8"));
    }

    static AuthMethod usablePass() {
        return new AuthMethod("t1", MethodType.TEMPORARY_ACCESS_PASS, "", NOW.minus(Duration.ofHours(3)), Map.of(),
                new TapState(NOW.minus(Duration.ofHours(3)), 480, false, true, "EnabledByPolicy"));
    }

    static AuthenticationStrength phishingResistant() {
        return new AuthenticationStrength(PolicyExclusions.PHISHING_RESISTANT_STRENGTH, "Phishing-resistant MFA",
                Set.of("windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor"));
    }

    static ConditionalAccessPolicy mfaForAll(State state, Set<String> excludeGroups) {
        return policy("Require MFA for all users", state, new Users(Set.of("All"), Set.of(), Set.of(), excludeGroups,
                Set.of(), Set.of(), false, false), new Grant(false, Set.of("mfa"), Optional.empty()));
    }

    static ConditionalAccessPolicy policy(String name, State state, Users users, Grant grant) {
        return new ConditionalAccessPolicy("p-" + name.hashCode(), name, state, users, Set.of("All"), Set.of(),
                Set.of(), grant, Optional.empty());
    }

    static HealthCheck check(AccountHealth row, String id) {
        return row.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    static HealthCheck check(GroupHealth row, String id) {
        return row.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    static String describe(BreakGlassHealth health) {
        StringBuilder text = new StringBuilder();
        health.accounts().forEach(a -> a.checks().stream().filter(c -> c.verdict() != Verdict.GREEN)
                .forEach(c -> text.append(a.userPrincipalName()).append(' ').append(c).append('\n')));
        health.group().checks().stream().filter(c -> c.verdict() != Verdict.GREEN)
                .forEach(c -> text.append("group ").append(c).append('\n'));
        return text.toString();
    }
}
