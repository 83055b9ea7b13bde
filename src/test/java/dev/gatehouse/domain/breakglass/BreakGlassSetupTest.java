package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodConfigurationChange;
import dev.gatehouse.domain.policy.MethodConfigurationChange.Targets;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.UserDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.sim.PimScenario;

import java.util.List;
import java.util.Optional;

import static dev.gatehouse.domain.breakglass.BreakGlassTenant.DOMAIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up's stages 1–6 over HTTP against the demo tenant: nothing planned where everything is right, a whole
 * set-up from nothing that a second run leaves alone, the repair of a group that is not role-assignable, and the
 * passes an account already holds left alone unless asked.
 */
class BreakGlassSetupTest {

    /** Steps 1-6, what `breakglass setup` runs. */
    private static final List<String> SETUP = List.of(BreakGlassSetup.PLAN, BreakGlassSetup.ACCOUNTS,
            BreakGlassSetup.GROUP, BreakGlassSetup.ROLE, BreakGlassSetup.METHODS_POLICY, BreakGlassSetup.TAP);
    /** Every stage, the keys and the clean-up (steps 7-8) included. */
    private static final List<String> STAGES = java.util.stream.Stream.concat(SETUP.stream(),
            java.util.stream.Stream.of(BreakGlassSetup.REGISTER, BreakGlassSetup.CLEAN_UP,
                    BreakGlassSetup.EXCLUSIONS)).toList();
    private static final String BG1 = "bg-admin-01@" + DOMAIN;
    private static final String BG2 = "bg-admin-02@" + DOMAIN;

    @TempDir
    Path data;

    private static Answers answers(SetupChoices choices) {
        return Answers.none().with(SetupChoices.ANSWER, choices);
    }

    private static Answers defaults() {
        return answers(SetupChoices.of(2, "acct-test", DOMAIN));
    }

    @Test
    void onBaselineEveryStageFindsItsPartInPlaceAndNothingIsSent() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            for (String stage : STAGES) {
                BreakGlassSetupProposal proposal = tenant.step(stage, defaults());
                assertThat(proposal.alreadyDone()).as(stage + ": " + proposal.message()).isTrue();
            }
            assertThat(tenant.writes()).isZero();
            assertThat(tenant.desk.unfinished(tenant.procedure, tenant.subject)).as("the run is over").isEmpty();
            assertThat(tenant.propose(BreakGlassSetup.ACCOUNTS, defaults()).message())
                    .contains("All 2 emergency-access accounts exist").contains(BG1).contains(BG2);
            assertThat(tenant.propose(BreakGlassSetup.TAP, defaults()).message())
                    .contains("Every emergency-access account has a FIDO2 key");
        }
    }

    @Test
    void newHiresChangeNothingOfTheBreakGlassSetUp() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("new-hires", data).choosingGroup()) {
            for (String stage : STAGES) {
                assertThat(tenant.step(stage, defaults()).alreadyDone()).as(stage).isTrue();
            }
            assertThat(tenant.writes()).isZero();
        }
    }

    @Test
    void withoutAChosenGroupTheSetUpRefusesToMakeASecondSetBesideTheOneDiscoveryFinds() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data)) {
            BreakGlassSetupProposal plan = tenant.propose(BreakGlassSetup.PLAN, defaults());

            assertThat(plan.alreadyDone()).isFalse();
            assertThat(plan.message()).contains("discovery proposes " + BreakGlassTenant.GROUP)
                    .contains("breakglass group --set").contains("Nothing was sent");
            assertThat(tenant.writes()).isZero();
        }
    }

    @Test
    void fromNothingEveryStageOnceThenASecondRunPlansNothing() throws Exception {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data)) {
            removeTheScenarioSetUp(tenant);
            GroupRef helpDesk = tenant.group("Help Desk");
            Answers answers = answers(SetupChoices.of(2, "acct-test", DOMAIN)
                    .withFlags(true, false, Optional.of(90), false));

            assertThat(tenant.step(BreakGlassSetup.PLAN, answers).message()).contains("a new role-assignable group")
                    .contains("acct-test-01@" + DOMAIN);
            BreakGlassSetupProposal accounts = tenant.step(BreakGlassSetup.ACCOUNTS, answers);
            assertThat(accounts.plan().orElseThrow().steps()).hasSize(2);
            assertThat(accounts.plan().get().steps().get(0).requests().get(0).body())
                    .contains("\"forceChangePasswordNextSignIn\":false").contains(Secret.MASK)
                    .doesNotContain("usageLocation");
            BreakGlassSetupProposal group = tenant.step(BreakGlassSetup.GROUP, answers);
            assertThat(group.plan().orElseThrow().steps()).extracting(Step::id).startsWith(GroupPlan.CREATE)
                    .endsWith(GroupPlan.CHOOSE).hasSize(4);
            BreakGlassSetupProposal role = tenant.step(BreakGlassSetup.ROLE, answers);
            assertThat(role.plan().orElseThrow().steps().get(0).requests().get(0).body()).contains("\"directoryScopeId\": \"/\"");
            BreakGlassSetupProposal methods = tenant.step(BreakGlassSetup.METHODS_POLICY, answers);
            assertThat(methods.plan().orElseThrow().steps()).extracting(Step::id)
                    .containsExactly(MethodsPolicyPlan.FIDO2, MethodsPolicyPlan.TAP);
            BreakGlassSetupProposal passes = tenant.step(BreakGlassSetup.TAP, answers);
            assertThat(passes.warnings()).anySatisfy(w -> assertThat(w).contains("10-minute window"));

            UserDetail one = tenant.user("acct-test-01@" + DOMAIN).orElseThrow();
            UserDetail two = tenant.user("acct-test-02@" + DOMAIN).orElseThrow();
            GroupRef created = tenant.emergency.group().map(g -> tenant.directory().findGroup(g.id()).orElseThrow())
                    .orElseThrow();
            assertThat(created.roleAssignable()).isTrue();
            assertThat(created.displayName()).isEqualTo(SetupChoices.DEFAULT_GROUP_NAME);
            assertThat(tenant.directory().groupMembers(created.id())).extracting(DirectoryPrincipal::id)
                    .containsExactlyInAnyOrder(one.profile().id(), two.profile().id());
            for (UserDetail account : List.of(one, two)) {
                assertThat(account.profile().accountEnabled()).isTrue();
                assertThat(account.profile().isSynced()).isFalse();
                assertThat(account.roles()).anyMatch(r -> r.is(DirectoryRole.GLOBAL_ADMINISTRATOR) && r.tenantWide()
                        && r.viaGroup() == null);
                AuthMethod pass = account.methods().stream().filter(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS)
                        .findFirst().orElseThrow();
                assertThat(pass.tap().usableOnce()).isTrue();
                assertThat(pass.tap().lifetimeMinutes()).isEqualTo(90);
            }
            MethodsPolicy policy = tenant.directory().methodsPolicy();
            MethodConfiguration fido2 = policy.configuration(MethodConfigurationChange.FIDO2).orElseThrow();
            assertThat(fido2.enabled()).isTrue();
            assertThat(fido2.includeTargets()).extracting(PolicyTarget::id).containsExactly(created.id());
            MethodConfiguration tap = policy.configuration(MethodsPolicy.TEMPORARY_ACCESS_PASS).orElseThrow();
            assertThat(tap.includeTargets()).extracting(PolicyTarget::id).as("Help Desk kept, the group added")
                    .containsExactly(helpDesk.id(), created.id());
            assertThat(policy.temporaryAccessPass()).contains(new TapSettings(60, 60, 480, false, 8));

            assertThat(tenant.shown).extracting(Secret::label).as("two passwords in halves, then two passes")
                    .hasSize(4).filteredOn(l -> l.startsWith("Password of")).hasSize(2);
            String journal = Files.readString(data.resolve("journal.jsonl"));
            for (Secret secret : tenant.shown) {
                assertThat(secret.reveal().length()).isIn(8, AccountsStage.PASSWORD_LENGTH);
                assertThat(journal).doesNotContain(secret.reveal());
            }
            assertThat(tenant.desk.unfinished(tenant.procedure, tenant.subject)).as("the run waits for the keys")
                    .hasValueSatisfying(run -> assertThat(tenant.procedure.nextStage(Optional.of(run))).get()
                            .extracting(stage -> stage.id()).isEqualTo(BreakGlassSetup.REGISTER));

            long writes = tenant.writes();
            Answers again = answers(SetupChoices.of(2, "acct-other", DOMAIN));
            for (String stage : SETUP) {
                assertThat(tenant.step(stage, again).alreadyDone()).as(stage).isTrue();
            }
            assertThat(tenant.writes()).as("a second run sends nothing").isEqualTo(writes);
            assertThat(tenant.propose(BreakGlassSetup.TAP, again).message()).as("the run goes on to the keys")
                    .contains("was given a pass earlier in this run");
        }
    }

    /** Baseline without its emergency accounts and group; FIDO2 off, the pass on for Help Desk only. */
    private static void removeTheScenarioSetUp(BreakGlassTenant tenant) {
        var writer = tenant.gateway.directoryWriter();
        writer.deleteRoleAssignableGroup(tenant.group(BreakGlassTenant.GROUP));
        writer.deleteUser(tenant.user(BG1).orElseThrow().profile().id());
        writer.deleteUser(tenant.user(BG2).orElseThrow().profile().id());
        GroupRef helpDesk = tenant.group("Help Desk");
        var policies = tenant.gateway.policyWriter();
        policies.changeMethodConfiguration(new MethodConfigurationChange(MethodConfigurationChange.FIDO2, false,
                List.of(PolicyTarget.allUsers()), Targets.REPLACE, Optional.empty(), Optional.empty()));
        policies.changeMethodConfiguration(MethodConfigurationChange.temporaryAccessPassFor(new PolicyTarget(
                PolicyTarget.Kind.GROUP, helpDesk.id(), helpDesk.displayName()), Targets.REPLACE,
                new TapSettings(60, 60, 480, false, 8)));
    }

    @Test
    void aGroupThatIsNotRoleAssignableIsReplacedAndOnlyTheAccountWithoutAKeyGetsAPass() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("breakglass-gaps", data).choosingGroup()) {
            GroupRef old = tenant.group(BreakGlassTenant.GROUP);
            UserDetail second = tenant.user(BG2).orElseThrow();
            assertThat(tenant.step(BreakGlassSetup.PLAN, defaults()).message()).contains("not role-assignable");
            assertThat(tenant.step(BreakGlassSetup.ACCOUNTS, defaults()).alreadyDone()).isTrue();

            BreakGlassSetupProposal group = tenant.step(BreakGlassSetup.GROUP, defaults());

            assertThat(group.plan().orElseThrow().title()).isEqualTo("Replace the emergency-access group");
            assertThat(group.warnings()).anySatisfy(w -> assertThat(w).contains("stay in " + old.displayName())
                    .contains("exclusion stage"));
            GroupRef replacement = tenant.group(old.displayName() + GroupPlan.ROLE_ASSIGNABLE_SUFFIX);
            assertThat(replacement.roleAssignable()).isTrue();
            assertThat(tenant.emergency.group()).get().extracting(g -> g.id()).as("saved as the tenant's group")
                    .isEqualTo(replacement.id());
            assertThat(tenant.directory().groupMembers(replacement.id())).extracting(DirectoryPrincipal::userPrincipalName)
                    .containsExactlyInAnyOrder(BG1, BG2);
            assertThat(tenant.directory().groupMembers(old.id())).as("they stay in the old group for now").hasSize(2);
            assertThat(tenant.step(BreakGlassSetup.ROLE, defaults()).alreadyDone()).isTrue();
            assertThat(tenant.step(BreakGlassSetup.METHODS_POLICY, defaults()).alreadyDone()).isTrue();

            BreakGlassSetupProposal passes = tenant.step(BreakGlassSetup.TAP, defaults());

            assertThat(passes.plan().orElseThrow().steps()).singleElement().satisfies(step -> assertThat(step.title())
                    .contains(BG1));
            assertThat(tenant.user(BG1).orElseThrow().methods()).anyMatch(m -> m.type()
                    == MethodType.TEMPORARY_ACCESS_PASS && m.tap().usableOnce());
            UserDetail secondAfter = tenant.user(BG2).orElseThrow();
            assertThat(secondAfter.methods()).as("the leftover pass and the phone are the clean-up's, not touched")
                    .extracting(AuthMethod::id).containsExactlyInAnyOrderElementsOf(second.methods().stream()
                            .map(AuthMethod::id).toList());

            BreakGlassSetupProposal again = tenant.propose(BreakGlassSetup.TAP, defaults());
            assertThat(again.alreadyDone()).isTrue();
            assertThat(again.message()).contains(BG1).contains("was given a pass earlier in this run");
            Answers replacing = answers(SetupChoices.of(2, "acct-test", DOMAIN)
                    .withFlags(false, true, Optional.empty(), false));
            assertThat(tenant.propose(BreakGlassSetup.TAP, replacing).plan().orElseThrow().steps())
                    .singleElement().satisfies(step -> assertThat(step.effect()).contains("replacing the pass"));
        }
    }

    @Test
    void aLifetimeOutsideTheTenantsLimitsIsRefusedWithThem() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("breakglass-gaps", data).choosingGroup()) {
            Answers tooLong = answers(SetupChoices.of(2, "acct-test", DOMAIN)
                    .withFlags(false, false, Optional.of(600), false));
            List.of(BreakGlassSetup.PLAN, BreakGlassSetup.ACCOUNTS, BreakGlassSetup.GROUP, BreakGlassSetup.ROLE,
                    BreakGlassSetup.METHODS_POLICY).forEach(stage -> tenant.step(stage, tooLong));

            BreakGlassSetupProposal passes = tenant.propose(BreakGlassSetup.TAP, tooLong);

            assertThat(passes.plan()).isEmpty();
            assertThat(passes.alreadyDone()).isFalse();
            assertThat(passes.message()).contains("10 hours").contains("1 hour to 8 hours");
        }
    }

    @Test
    void anAuthenticationAdministratorIsToldBeforeAnythingIsSent() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("breakglass-gaps", data,
                "patti.fernandez@tailspintoys.com").choosingGroup()) {
            for (String stage : STAGES) {
                BreakGlassSetupProposal proposal = tenant.propose(stage, defaults());
                assertThat(proposal.plan()).as(stage).isEmpty();
                assertThat(proposal.alreadyDone()).isFalse();
                assertThat(proposal.message()).contains("needs a Privileged Role Administrator or Global Administrator")
                        .contains("patti.fernandez@tailspintoys.com").contains("Authentication Administrator")
                        .contains("Nothing was sent");
            }
            assertThat(tenant.writes()).isZero();
        }
    }

    @Test
    void aDisabledMemberIsNotCountedNorRemovedUnasked() {
        try (BreakGlassTenant tenant = new BreakGlassTenant("baseline", data).choosingGroup()) {
            tenant.gateway.writer().setAccountEnabled(tenant.user(BG2).orElseThrow().profile().id(), false);

            BreakGlassSetupProposal accounts = tenant.propose(BreakGlassSetup.ACCOUNTS, defaults());

            assertThat(accounts.warnings()).anySatisfy(w -> assertThat(w).contains("Not counted").contains(BG2)
                    .contains("disabled"));
            assertThat(accounts.plan().orElseThrow().steps()).singleElement().satisfies(step -> assertThat(step.title())
                    .contains("acct-test-01@" + DOMAIN));
            tenant.step(BreakGlassSetup.PLAN, defaults());
            tenant.step(BreakGlassSetup.ACCOUNTS, defaults());
            BreakGlassSetupProposal group = tenant.propose(BreakGlassSetup.GROUP, defaults());
            assertThat(group.plan().orElseThrow().steps()).extracting(Step::id).as("the new account added, nobody "
                    + "removed").singleElement().satisfies(id -> assertThat(id).startsWith(GroupPlan.MEMBER_PREFIX));
            assertThat(group.warnings()).anySatisfy(w -> assertThat(w).contains(BG2).contains("--remove-other-members"));
            Answers removing = answers(SetupChoices.of(2, "acct-test", DOMAIN)
                    .withFlags(false, false, Optional.empty(), true));
            assertThat(tenant.propose(BreakGlassSetup.GROUP, removing).plan().orElseThrow().steps())
                    .extracting(Step::id).anySatisfy(id -> assertThat(id).startsWith(GroupPlan.REMOVE_PREFIX));
        }
    }

    @Test
    void withEntraIdP2AnAccountOnlyEligibleGetsAPermanentAssignmentThatPimListsAsPermanent() {
        String scenario = PimScenario.withP2().eligible(BG1, PimScenario.NO_EXPIRATION).write(data);
        try (BreakGlassTenant tenant = new BreakGlassTenant(scenario, data).choosingGroup()) {
            for (String stage : List.of(BreakGlassSetup.PLAN, BreakGlassSetup.ACCOUNTS, BreakGlassSetup.GROUP)) {
                tenant.step(stage, defaults());
            }
            BreakGlassSetupProposal role = tenant.propose(BreakGlassSetup.ROLE, defaults());

            assertThat(role.plan().orElseThrow().steps()).singleElement()
                    .satisfies(step -> assertThat(step.title()).contains(BG1));
            assertThat(role.warnings()).anySatisfy(w -> assertThat(w).contains(BG1 + ") is only eligible for Global "
                    + "Administrator in PIM (permanently): this step adds a permanent, active assignment beside the "
                    + "eligibility"));
            assertThat(role.warnings()).as("PIM's default settings allow a permanent active assignment")
                    .noneMatch(w -> w.contains("PIM's settings"));
            ExecutionReport report = tenant.run(BreakGlassSetup.ROLE, role, defaults());
            assertThat(report.completed()).as(report.summary()).isTrue();
            assertThat(report.outcomes().get(0).result().orElseThrow().summary())
                    .endsWith("PIM lists it as active and permanent.");
            assertThat(tenant.propose(BreakGlassSetup.ROLE, defaults()).alreadyDone()).isTrue();
            assertThat(BreakGlassHealthTest.check(tenant.health(Optional.empty()).accounts().get(0),
                    "globalAdministrator").verdict()).isEqualTo(Verdict.GREEN);
        }
    }

    @Test
    void withEntraIdP2AnAssignmentThatEndsIsSaidAndNotDuplicated() {
        String scenario = PimScenario.withP2().active(BG2, PimScenario.until("2031-07-01T12:00:00Z")).write(data);
        try (BreakGlassTenant tenant = new BreakGlassTenant(scenario, data).choosingGroup()) {
            BreakGlassSetupProposal role = tenant.propose(BreakGlassSetup.ROLE, defaults());

            assertThat(role.alreadyDone()).isTrue();
            assertThat(role.message()).contains(BG2 + ") ends, which this step cannot change");
            assertThat(role.warnings()).anySatisfy(w -> assertThat(w).contains(BG2 + ") holds Global Administrator "
                    + "only until 1 Jul 2031, 12:00 UTC, assigned directly").contains("Update, Permanently assigned"));
            assertThat(tenant.writes()).isZero();
        }
    }

    @Test
    void withEntraIdP2SettingsThatRequireAnEndAreWarnedOfBeforeTheAssignment() {
        String scenario = PimScenario.withP2().eligible(BG1, PimScenario.NO_EXPIRATION).activeAssignmentsMustEnd("P90D")
                .write(data);
        try (BreakGlassTenant tenant = new BreakGlassTenant(scenario, data).choosingGroup()) {
            BreakGlassSetupProposal role = tenant.propose(BreakGlassSetup.ROLE, defaults());

            assertThat(role.plan()).isPresent();
            assertThat(role.warnings()).anySatisfy(w -> assertThat(w).startsWith("PIM's settings for Global "
                    + "Administrator do not allow permanent active assignments: an administrator's active assignment "
                    + "must end within 90 days.").contains("\u201cAllow permanent active assignment\u201d"));
        }
    }
}
