package dev.gatehouse.domain.breakglass;

import dev.gatehouse.sim.PimScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import static dev.gatehouse.domain.breakglass.BreakGlassHealthTest.check;
import static dev.gatehouse.domain.breakglass.BreakGlassHealthTest.describe;
import static dev.gatehouse.sim.PimScenario.FIRST;
import static dev.gatehouse.sim.PimScenario.NO_EXPIRATION;
import static dev.gatehouse.sim.PimScenario.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

/** The health view read over HTTP from the demo tenant's scenarios, through the real gateway. */
class HealthOverDemoTenantTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void onBaselineOnlyTheDrillIsLeftAndOneRecordedTodayMakesItAllGreen() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            BreakGlassHealth before = tenant.health(Optional.empty());
            assertThat(before.accounts()).extracting(AccountHealth::userPrincipalName).containsExactly(
                    "bg-admin-01@tailspintoys.onmicrosoft.com", "bg-admin-02@tailspintoys.onmicrosoft.com");
            assertThat(before.accounts()).allSatisfy(a -> assertThat(a.checks()).filteredOn(c -> c.verdict()
                    != Verdict.GREEN).extracting(HealthCheck::id).containsExactly("drill"));
            assertThat(check(before.accounts().get(0), "drill").reason()).contains("last signed in")
                    .contains("80 days ago");

            BreakGlassHealth after = tenant.health(Optional.of(TODAY));
            assertThat(after.verdict()).as(describe(after)).isEqualTo(Verdict.GREEN);
            assertThat(check(after.accounts().get(1), "passkey").reason()).contains("YubiKey 5 NFC")
                    .contains("AAGUID 2fc0579f-8113-47ea-b116-555a8db9202a");
            assertThat(check(after.accounts().get(0), "conditionalAccess").reason())
                    .contains("CA004: Emergency access accounts use phishing-resistant MFA");
        }
    }

    @Test
    void onBreakglassGapsEverySeededGapIsFound() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("breakglass-gaps", data).choosingGroup()) {
            BreakGlassHealth health = tenant.health(Optional.empty());
            AccountHealth first = health.accounts().get(0);
            AccountHealth second = health.accounts().get(1);

            assertThat(check(first, "passkey").verdict()).isEqualTo(Verdict.RED);
            assertThat(check(second, "methods").verdict()).isEqualTo(Verdict.RED);
            assertThat(check(second, "methods").reason()).contains("usable Temporary Access Pass")
                    .contains("+61 491579212");
            assertThat(check(second, "noLicence").verdict()).isEqualTo(Verdict.AMBER);
            assertThat(check(first, "conditionalAccess").reason())
                    .contains("CA001: Require multifactor authentication for all users");
            assertThat(check(health.group(), "roleAssignable").verdict()).isEqualTo(Verdict.RED);
            assertThat(check(health.group(), "excluded").verdict()).isEqualTo(Verdict.RED);
            assertThat(check(first, "drill").verdict()).isEqualTo(Verdict.RED);
            assertThat(check(first, "drill").reason()).contains("200 days ago");
            assertThat(check(first, "cloudOnly").verdict()).isEqualTo(Verdict.GREEN);
        }
    }

    @Test
    void aLicenceInheritedFromAGroupIsRedAndNamesTheGroupAndWhatToChangeThere() {
        try (BreakGlassTenant tenant = new BreakGlassTenant(GroupLicensing.scenario(data), data).choosingGroup()) {
            BreakGlassHealth health = tenant.health(Optional.empty());
            HealthCheck inheritedOnly = check(health.accounts().get(0), "noLicence");
            HealthCheck both = check(health.accounts().get(1), "noLicence");

            assertThat(inheritedOnly.verdict()).isEqualTo(Verdict.RED);
            assertThat(inheritedOnly.reason()).contains(GroupLicensing.SPB + " inherited from the group Licensed staff "
                            + "(group-based licensing)").contains("remove the account from Licensed staff")
                    .contains("from Licensed staff's licences (Microsoft 365 admin center")
                    .contains("Gatehouse cannot remove an inherited licence from the user")
                    .doesNotContain("assigned (");
            assertThat(both.verdict()).isEqualTo(Verdict.RED);
            assertThat(both.reason()).contains("1 licence assigned directly (" + GroupLicensing.SPB + "): remove it")
                    .contains("inherited from the group Licensed staff");
        }
    }

    @Test
    void withoutEntraIdP1WhatNeedsItIsSaidAndNotGuessed() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline-free", data).choosingGroup()) {
            BreakGlassHealth health = tenant.health(Optional.of(TODAY));
            AccountHealth first = health.accounts().get(0);

            assertThat(check(first, "lastSignIn").verdict()).isEqualTo(Verdict.AMBER);
            assertThat(check(first, "lastSignIn").reason()).contains("needs Entra ID P1");
            assertThat(check(first, "conditionalAccess").verdict()).isEqualTo(Verdict.AMBER);
            assertThat(check(first, "conditionalAccess").reason()).startsWith("Could not check");
        }
    }

    @Test
    void withEntraIdP2AnAccountOnlyEligibleForGlobalAdministratorIsRedAndSaysWhy() {
        String scenario = PimScenario.withP2().eligible(FIRST, NO_EXPIRATION).write(data);
        try (BreakGlassTenant tenant = new BreakGlassTenant(scenario, data).choosingGroup()) {
            BreakGlassHealth health = tenant.health(Optional.of(TODAY));
            HealthCheck role = check(health.accounts().get(0), "globalAdministrator");

            assertThat(role.verdict()).isEqualTo(Verdict.RED);
            assertThat(role.reason()).startsWith("Only eligible in PIM (permanently), not active")
                    .contains("set-up, step Role").contains("Active and Permanently assigned");
            assertThat(health.verdict()).isEqualTo(Verdict.RED);
        }
    }

    @Test
    void withEntraIdP2AnActiveAssignmentThatEndsIsRedWithItsDate() {
        String scenario = PimScenario.withP2().active(SECOND, PimScenario.until("2031-07-01T12:00:00Z")).write(data);
        try (BreakGlassTenant tenant = new BreakGlassTenant(scenario, data).choosingGroup()) {
            BreakGlassHealth health = tenant.health(Optional.of(TODAY));
            HealthCheck role = check(health.accounts().get(1), "globalAdministrator");

            assertThat(role.verdict()).isEqualTo(Verdict.RED);
            assertThat(role.reason()).startsWith("Active only until 1 Jul 2031, 12:00 UTC, assigned directly")
                    .contains("Update, Permanently assigned");
        }
    }

    @Test
    void withEntraIdP2AnActivationIsRedAndAsksForAnAssignmentOfItsOwnNotAnUpdate() {
        String scenario = PimScenario.withP2().activated(SECOND, PimScenario.until("2031-07-01T12:00:00Z"))
                .write(data);
        try (BreakGlassTenant tenant = new BreakGlassTenant(scenario, data).choosingGroup()) {
            HealthCheck role = check(tenant.health(Optional.of(TODAY)).accounts().get(1), "globalAdministrator");

            assertThat(role.verdict()).isEqualTo(Verdict.RED);
            assertThat(role.reason()).contains("activated from its eligible assignment")
                    .contains("Add assignments, assignment type Active, Permanently assigned")
                    .doesNotContain("Update, Permanently assigned");
        }
    }

    @Test
    void withEntraIdP2APermanentActiveAssignmentIsGreenAndAnUnreadablePimIsAmber() {
        String scenario = PimScenario.withP2().write(data);
        try (BreakGlassTenant tenant = new BreakGlassTenant(scenario, data).choosingGroup()) {
            BreakGlassHealth health = tenant.health(Optional.of(TODAY));
            assertThat(health.verdict()).as(describe(health)).isEqualTo(Verdict.GREEN);
            assertThat(check(health.accounts().get(0), "globalAdministrator").reason())
                    .isEqualTo("Active and permanent, assigned directly: PIM shows no end date.");
        }
        try (BreakGlassTenant helpdesk = new BreakGlassTenant(scenario, data, "diego.siciliani@tailspintoys.com")
                .choosingGroup()) {
            HealthCheck role = check(helpdesk.health(Optional.of(TODAY)).accounts().get(0), "globalAdministrator");
            assertThat(role.verdict()).as("a fact not read is never green").isEqualTo(Verdict.AMBER);
            assertThat(role.reason()).contains("schedules could not be read")
                    .contains("Privileged Role Administrator");
        }
    }

    @Test
    void withoutEntraIdP2AnActiveAssignmentIsPermanentAndNoScheduleIsRead() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            HealthCheck role = check(tenant.health(Optional.of(TODAY)).accounts().get(0), "globalAdministrator");

            assertThat(role.verdict()).isEqualTo(Verdict.GREEN);
            assertThat(role.reason()).isEqualTo("Active, assigned directly, and permanent: without Entra ID P2 there "
                    + "is no PIM to make it eligible or time-bound.");
            assertThat(tenant.gateway.callLog().snapshot()).noneMatch(c -> c.pathAndQuery().contains("Schedules"));
        }
    }
}
