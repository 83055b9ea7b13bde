package dev.gatehouse.sim.access;

import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.sim.scenario.ScenarioLoader;
import dev.gatehouse.sim.state.SimGroup;
import dev.gatehouse.sim.state.SimRoleAssignment;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The "who can act on whom" tables of Entra, applied to the baseline tenant's people. */
class RoleRulesTest {

    private TenantState state;
    private RoleRules rules;

    @BeforeEach
    void load() {
        state = ScenarioLoader.load("baseline", Clock.systemUTC());
        rules = new RoleRules(state);
    }

    @Test
    void authenticationAdministratorReachesOnlyNonAdmins() {
        SimUser patti = user("patti.fernandez");
        assertThat(rules.canManageAuthenticationMethods(patti, user("alex.wilber"))).isTrue();
        assertThat(rules.canManageAuthenticationMethods(patti, user("adele.vance"))).as("Global Admin").isFalse();
        assertThat(rules.canManageAuthenticationMethods(patti, user("diego.siciliani"))).as("Helpdesk Admin").isFalse();
        assertThat(rules.canManageAuthenticationMethods(patti, user("lee.gu"))).as("other roles").isFalse();
        assertThat(rules.canManageAuthenticationMethods(patti, user("johanna.lorenz"))).as("Global Reader").isFalse();
        SimUser sandra = user("sandra.chen");
        state.addRoleAssignment(SimRoleAssignment.tenantWide(sandra.id(),
                DirectoryRole.AUTHENTICATION_ADMINISTRATOR.templateId()));
        assertThat(rules.canManageAuthenticationMethods(patti, sandra)).as("another Authentication Admin").isTrue();
    }

    @Test
    void membersOfRoleAssignableGroupsNeedPrivilegedAuthenticationAdministrators() {
        SimUser megan = user("megan.bowen");
        SimGroup emergency = state.groups().stream().filter(g -> g.displayName().equals("Emergency Access Accounts"))
                .findFirst().orElseThrow();
        emergency.members().add(megan.id());
        assertThat(rules.privileged(megan)).isTrue();
        assertThat(rules.canManageAuthenticationMethods(user("patti.fernandez"), megan)).isFalse();
        assertThat(rules.canResetPassword(user("diego.siciliani"), megan)).isFalse();
        assertThat(rules.canManageAuthenticationMethods(user("lynne.robbins"), megan)).isTrue();
    }

    @Test
    void rolesHeldThroughGroupsCount() {
        SimUser grady = user("grady.archie");
        assertThat(rules.activeRoleTemplateIds(grady.id())).containsExactlyInAnyOrder(
                DirectoryRole.USER_ADMINISTRATOR.templateId(), DirectoryRole.SECURITY_READER.templateId());
    }

    @Test
    void passwordResetAndSensitiveActionTables() {
        SimUser diego = user("diego.siciliani");
        SimUser grady = user("grady.archie");
        assertThat(rules.canResetPassword(diego, user("alex.wilber"))).isTrue();
        assertThat(rules.canResetPassword(diego, user("patti.fernandez"))).as("Helpdesk on Auth Admin").isFalse();
        assertThat(rules.canResetPassword(grady, diego)).as("User Admin on Helpdesk Admin").isTrue();
        assertThat(rules.canPerformSensitiveAction(grady, diego)).isTrue();
        assertThat(rules.canPerformSensitiveAction(diego, user("alex.wilber"))).as("Helpdesk has no column").isFalse();
        assertThat(rules.canResetPassword(user("lynne.robbins"), user("adele.vance"))).as("PAA on GA").isTrue();
        assertThat(rules.canResetPassword(user("adele.vance"), user("isaiah.langer"))).as("GA on GA").isTrue();
        assertThat(rules.canResetPassword(user("megan.bowen"), user("alex.wilber"))).as("no role").isFalse();
    }

    @Test
    void readingMethodsAndPhoneMasking() {
        SimUser alex = user("alex.wilber");
        assertThat(rules.canReadAuthenticationMethods(user("johanna.lorenz"), alex)).isTrue();
        assertThat(rules.canReadAuthenticationMethods(user("grady.archie"), alex)).as("User Admin").isFalse();
        assertThat(rules.canReadAuthenticationMethods(alex, alex)).isTrue();
        assertThat(rules.seesMaskedPhoneNumbers(user("patti.fernandez"), alex)).isTrue();
        assertThat(rules.seesMaskedPhoneNumbers(user("johanna.lorenz"), alex)).isFalse();
        assertThat(rules.seesMaskedPhoneNumbers(alex, alex)).isFalse();
        assertThat(rules.canReadAuthenticationMethodsPolicy(user("lee.gu"))).isTrue();
        assertThat(rules.canReadAuthenticationMethodsPolicy(user("patti.fernandez"))).isFalse();
    }

    @Test
    void directoryPolicyAndReportingRoles() {
        SimGroup emergency = state.groups().stream().filter(SimGroup::roleAssignable).findFirst().orElseThrow();
        SimGroup sales = state.groups().stream().filter(g -> g.displayName().equals("Sales")).findFirst().orElseThrow();
        assertThat(rules.canWriteUsers(user("grady.archie"))).isTrue();
        assertThat(rules.canWriteUsers(user("patti.fernandez"))).isFalse();
        assertThat(rules.canManageGroup(user("grady.archie"), sales)).isTrue();
        assertThat(rules.canManageGroup(user("grady.archie"), emergency)).as("role-assignable").isFalse();
        assertThat(rules.canManageGroup(user("adele.vance"), emergency)).isTrue();
        assertThat(rules.canCreateGroups(user("grady.archie"), true)).isFalse();
        assertThat(rules.canAssignRoles(user("lynne.robbins"))).as("PAA is not a role manager").isFalse();
        assertThat(rules.canWriteAuthenticationMethodsPolicy(user("lee.gu"))).isTrue();
        assertThat(rules.canWriteAuthenticationMethodsPolicy(user("patti.fernandez"))).isFalse();
        assertThat(rules.canWriteConditionalAccess(user("lee.gu"))).isTrue();
        assertThat(rules.canWriteConditionalAccess(user("johanna.lorenz"))).isFalse();
        assertThat(rules.canReadConditionalAccess(user("johanna.lorenz"))).isTrue();
        assertThat(rules.canWriteAuthenticationStrengths(user("lee.gu"))).isTrue();
        assertThat(rules.canReadActivityReports(user("nestor.wilke"))).as("Security Administrator").isTrue();
        assertThat(rules.canReadActivityReports(user("patti.fernandez"))).isFalse();
        assertThat(rules.isAdmin(user("grady.archie"))).isTrue();
        assertThat(rules.isAdmin(user("megan.bowen"))).isFalse();
    }

    private SimUser user(String local) {
        return state.user(local + "@tailspintoys.com").orElseThrow();
    }
}
