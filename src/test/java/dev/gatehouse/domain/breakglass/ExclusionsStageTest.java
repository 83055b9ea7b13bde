package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.tenant.DirectoryWriter;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.gatehouse.domain.breakglass.BreakGlassHealthTest.check;
import static org.assertj.core.api.Assertions.assertThat;

/** Step 9 over HTTP against the demo tenant: the exclusions, and the retirement of a replaced group, in order. */
class ExclusionsStageTest {

    private static final String DOMAIN = BreakGlassTenant.DOMAIN;

    @TempDir
    Path data;

    private static Answers defaults() {
        return Answers.none().with(SetupChoices.ANSWER, SetupChoices.of(2, "acct-test", DOMAIN));
    }

    @Test
    void onBaselineTheGroupIsExcludedEverywhereItMustBeAndNothingIsSent() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            BreakGlassSetupProposal proposal = tenant.propose(BreakGlassSetup.EXCLUSIONS, defaults());

            assertThat(proposal.alreadyDone()).as(proposal.message()).isTrue();
            assertThat(proposal.message()).contains("excluded from every policy");
            BreakGlassSetupRead read = tenant.read(defaults());
            assertThat(ExclusionOverview.of(read.health().orElseThrow().policies().get(), read.group().orElseThrow()
                    .id(), ExclusionsStage.snapshots(read.health().get()))).extracting(ExclusionOverview.Row::standing)
                    .contains(ExclusionOverview.Standing.EXCLUDED, ExclusionOverview.Standing.DEDICATED)
                    .doesNotContain(ExclusionOverview.Standing.MISSING);
        }
    }

    @Test
    void aReplacedGroupIsExcludedEverywhereBeforeTheOldOneIsRetiredAndTheHealthOfTheGroupEndsGreen() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("breakglass-gaps", data).choosingGroup()) {
            GroupRef old = tenant.group(BreakGlassTenant.GROUP);
            List.of(BreakGlassSetup.PLAN, BreakGlassSetup.ACCOUNTS, BreakGlassSetup.GROUP, BreakGlassSetup.ROLE,
                    BreakGlassSetup.METHODS_POLICY, BreakGlassSetup.TAP).forEach(stage -> tenant.step(stage, defaults()));
            GroupRef replacement = tenant.group(old.displayName() + GroupPlan.ROLE_ASSIGNABLE_SUFFIX);

            BreakGlassSetupProposal proposal = tenant.propose(BreakGlassSetup.EXCLUSIONS, defaults());

            List<Step> steps = proposal.plan().orElseThrow().steps();
            List<String> ids = steps.stream().map(Step::id).toList();
            int lastExclude = lastIndex(ids, "exclude-");
            int firstRetire = firstIndex(ids, "stop-excluding-");
            assertThat(lastExclude).as("every exclusion of the new group comes first: %s", ids).isLessThan(firstRetire);
            assertThat(steps).anySatisfy(s -> assertThat(s.title())
                    .contains("CA001: Require multifactor authentication for all users"));
            assertThat(steps.get(0).requests()).extracting(r -> r.method()).containsExactly("GET", "PATCH");
            assertThat(proposal.warnings()).anySatisfy(w -> assertThat(w).contains("stay in " + old.displayName())
                    .contains("CA004"));

            tenant.step(BreakGlassSetup.EXCLUSIONS, defaults());

            BreakGlassHealth health = tenant.health(Optional.of(LocalDate.now(ZoneOffset.UTC)));
            assertThat(check(health.group(), "excluded").verdict()).isEqualTo(Verdict.GREEN);
            assertThat(check(health.group(), "roleAssignable").verdict()).isEqualTo(Verdict.GREEN);
            assertThat(health.accounts()).allSatisfy(a -> assertThat(check(a, "conditionalAccess").verdict())
                    .isEqualTo(Verdict.GREEN));
            assertThat(tenant.directory().conditionalAccessPolicies()).noneSatisfy(p -> assertThat(p.users()
                    .excludeGroups()).contains(old.id()));
            assertThat(tenant.directory().conditionalAccessPolicies()).filteredOn(p -> !p.users().excludeGroups()
                    .isEmpty() || p.displayName().startsWith("CA001")).isNotEmpty();
            assertThat(tenant.directory().groupMembers(replacement.id())).extracting(DirectoryPrincipal::id)
                    .hasSize(2);

            BreakGlassSetupProposal again = tenant.propose(BreakGlassSetup.EXCLUSIONS, defaults());
            assertThat(again.alreadyDone()).as(again.message()).isTrue();
        }
    }

    @Test
    void aPrivilegedRoleAdministratorWithoutTheOtherRolesIsToldBeforeAnythingIsSent() {
        String grady = "grady.archie@tailspintoys.com"; // User Administrator in the scenario
        try (BreakGlassTenant admin = new BreakGlassTenant("baseline", data)) {
            admin.gateway.directoryWriter().assignDirectoryRole(DirectoryWriter.NewRoleAssignment.tenantWide(
                    DirectoryRole.PRIVILEGED_ROLE_ADMINISTRATOR, admin.user(grady).orElseThrow().profile().id()));
            try (BreakGlassTenant tenant = new BreakGlassTenant(admin.sim, data, grady).choosingGroup()) {
                BreakGlassSetupProposal exclusions = tenant.propose(BreakGlassSetup.EXCLUSIONS, defaults());
                assertThat(exclusions.plan()).isEmpty();
                assertThat(exclusions.message()).contains("Excluding the group from Conditional Access needs")
                        .contains("Conditional Access Administrator").contains("Nothing was sent");

                BreakGlassSetupProposal plan = tenant.propose(BreakGlassSetup.PLAN, defaults());
                assertThat(plan.alreadyDone()).isFalse();
                assertThat(plan.message()).contains("would stop part-way").contains("Authentication Policy "
                        + "Administrator").contains("Privileged Authentication Administrator")
                        .contains("Conditional Access Administrator");
                assertThat(tenant.writes()).isZero();
            }
        }
    }

    private static int lastIndex(List<String> ids, String prefix) {
        int found = -1;
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).startsWith(prefix)) {
                found = i;
            }
        }
        return found;
    }

    private static int firstIndex(List<String> ids, String prefix) {
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
