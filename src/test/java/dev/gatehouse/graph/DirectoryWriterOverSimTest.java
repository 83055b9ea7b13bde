package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.DirectoryWriter.CreatedRoleAssignment;
import dev.gatehouse.domain.tenant.DirectoryWriter.CreatedUser;
import dev.gatehouse.domain.tenant.DirectoryWriter.NewGroup;
import dev.gatehouse.domain.tenant.DirectoryWriter.NewRoleAssignment;
import dev.gatehouse.domain.tenant.DirectoryWriter.NewUser;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.sim.state.SimUser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link GraphDirectoryWriter} over HTTP against the demo tenant ({@code baseline}, reloaded before every test): the
 * break-glass set-up (account, role-assignable group, membership, permanent Global Administrator) and its undo, each
 * read back through the tenant, and the refusals Graph gives on the way.
 */
class DirectoryWriterOverSimTest extends OnWritableBaseline {

    static final String ADMIN = GatewayOverSimTest.ADMIN;
    static final String USER_ADMIN = "grady.archie@tailspintoys.com";
    static final String AUTH_ADMIN = WriterOverSimTest.AUTH_ADMIN;
    static final String GLOBAL_ADMIN_TARGET = WriterOverSimTest.GLOBAL_ADMIN_TARGET;
    static final String NEW_UPN = "bg-admin-03@tailspintoys.onmicrosoft.com";
    static final String PASSWORD = "Vq8#tL2-mZr!9xKp-Hw4s";

    private Optional<UserDetail> user(String upn) {
        return gateway(ADMIN).directory().findUser(upn);
    }

    static NewUser emergencyAccount() {
        return new NewUser(NEW_UPN, "Emergency access 03", "bg-admin-03", Secret.of("Password", PASSWORD), false,
                Optional.empty());
    }

    @Test
    void anEmergencyAccountIsCreatedGroupedAndMadePermanentGlobalAdministratorThenEveryStepIsUndone() {
        GraphGateway gateway = gateway(ADMIN);
        var writer = gateway.directoryWriter();

        CreatedUser account = writer.createUser(emergencyAccount());
        GroupRef group = writer.createRoleAssignableGroup(new NewGroup("Emergency access (new)", "emergency-access-new",
                "Break-glass accounts"));
        writer.addGroupMember(group, account.id());
        CreatedRoleAssignment role = writer.assignDirectoryRole(
                NewRoleAssignment.tenantWide(DirectoryRole.GLOBAL_ADMINISTRATOR, account.id()));

        assertThat(account.userPrincipalName()).isEqualTo(NEW_UPN);
        assertThat(group.roleAssignable()).isTrue();
        assertThat(role.directoryScopeId()).isEqualTo("/");
        UserDetail created = user(NEW_UPN).orElseThrow();
        assertThat(created.profile().accountEnabled()).isTrue();
        assertThat(created.profile().syncState()).isEqualTo(SyncState.CLOUD_ONLY);
        assertThat(created.roleAssignableGroups()).extracting(GroupRef::id, GroupRef::roleAssignable)
                .containsExactly(tuple(group.id(), true));
        assertThat(created.roles()).filteredOn(r -> r.viaGroup() == null)
                .extracting(RoleAssignment::roleDefinitionId, RoleAssignment::directoryScopeId)
                .containsExactly(tuple(DirectoryRole.GLOBAL_ADMINISTRATOR.templateId(), "/"));
        SimUser stored = sim.state().read(() -> sim.state().user(NEW_UPN)).orElseThrow();
        assertThat(stored.forceChangePasswordNextSignIn()).isFalse();
        assertThat(stored.usageLocation()).isNull();
        assertThat(sim.state().read(() -> sim.state().passwordMatches(stored, PASSWORD))).isTrue();

        writer.removeDirectoryRoleAssignment(role.id());
        writer.removeGroupMember(group, account.id());
        assertThat(user(NEW_UPN).orElseThrow()).satisfies(undone -> {
            assertThat(undone.roles()).isEmpty();
            assertThat(undone.roleAssignableGroups()).isEmpty();
        });
        writer.deleteRoleAssignableGroup(group);
        writer.deleteUser(account.id());
        assertThat(user(NEW_UPN)).isEmpty();
        assertThat(sim.state().read(() -> sim.state().group(group.id()))).isEmpty();

        List<GraphCall> calls = gateway.callLog().snapshot();
        assertThat(calls).extracting(GraphCall::method, GraphCall::pathAndQuery, GraphCall::status).containsExactly(
                tuple("POST", "/users", 201),
                tuple("POST", "/groups", 201),
                tuple("POST", "/groups/" + group.id() + "/members/$ref", 204),
                tuple("POST", "/roleManagement/directory/roleAssignments", 201),
                tuple("DELETE", "/roleManagement/directory/roleAssignments/" + role.id(), 204),
                tuple("DELETE", "/groups/" + group.id() + "/members/" + account.id() + "/$ref", 204),
                tuple("DELETE", "/groups/" + group.id(), 204),
                tuple("DELETE", "/users/" + account.id(), 204));
        assertThat(calls).allSatisfy(call -> assertThat(call.toString()).doesNotContain(PASSWORD));
        assertThat(calls.get(0).body()).contains("\"userPrincipalName\":\"" + NEW_UPN + "\"")
                .contains("\"password\":\"<redacted>\"");
    }

    @Test
    void aPasswordTheTenantRefusesIsRejectedWithGraphsReasonAndNeverRepeated() {
        String weak = "kestrelharbour";
        NewUser account = new NewUser(NEW_UPN, "Emergency access 03", "bg-admin-03", Secret.of("Password", weak), false,
                Optional.empty());

        GraphGateway gateway = gateway(ADMIN);

        assertThatThrownBy(() -> gateway.directoryWriter().createUser(account))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).contains("does not comply with password complexity requirements")
                            .doesNotContain(weak);
                });
        assertThat(account.toString()).doesNotContain(weak);
        assertThat(user(NEW_UPN)).isEmpty();
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method, GraphCall::status)
                .containsExactly(tuple("POST", 400));
    }

    @Test
    void anAuthenticationAdministratorAssigningARoleIsToldThePermissionAndTheRoleItTakes() {
        String megan = user(GatewayOverSimTest.NON_ADMIN).orElseThrow().profile().id();

        assertThatThrownBy(() -> gateway(AUTH_ADMIN).directoryWriter().assignDirectoryRole(
                NewRoleAssignment.tenantWide(DirectoryRole.GLOBAL_ADMINISTRATOR, megan)))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MISSING_ROLE);
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.getMessage()).startsWith("Graph refused to assign the directory role: the signed-in "
                                    + "account needs one of these Entra roles: Privileged Role Administrator, and the app "
                                    + "needs the delegated permission RoleManagement.ReadWrite.Directory.")
                            .doesNotContain(GraphErrorMapper.PRIVILEGED_TARGETS);
                });
        assertThat(user(GatewayOverSimTest.NON_ADMIN).orElseThrow().roles()).isEmpty();
    }

    @Test
    void aRoleAssignmentOrMembershipThatAlreadyExistsIsRefusedAsSuch() {
        var writer = gateway(ADMIN).directoryWriter();
        UserDetail bg = user("bg-admin-01@tailspintoys.onmicrosoft.com").orElseThrow();
        GroupRef group = bg.roleAssignableGroups().get(0);

        assertThatThrownBy(() -> writer.assignDirectoryRole(
                NewRoleAssignment.tenantWide(DirectoryRole.GLOBAL_ADMINISTRATOR, bg.profile().id())))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("The Global Administrator role assignment of '"
                            + bg.profile().id() + "' at scope '/' already exists: nothing was changed. Graph rejected");
                });
        assertThatThrownBy(() -> writer.addGroupMember(group, bg.profile().id()))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).startsWith("The membership of '" + bg.profile().id() + "' in the group '"
                            + group.displayName() + "' already exists: nothing was changed.");
                });
    }

    @Test
    void aUserAdministratorCreatesTheAccountButOnlyARoleManagerTheRoleAssignableGroup() {
        var writer = gateway(USER_ADMIN).directoryWriter();

        CreatedUser account = writer.createUser(emergencyAccount());

        assertThat(user(NEW_UPN).orElseThrow().profile().id()).isEqualTo(account.id());
        assertThatThrownBy(() -> writer.createRoleAssignableGroup(new NewGroup("Emergency access (new)",
                "emergency-access-new", null)))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MISSING_ROLE);
                    assertThat(e.getMessage()).contains("create the role-assignable group")
                            .contains("Privileged Role Administrator");
                });
        assertThatThrownBy(() -> writer.deleteUser(GLOBAL_ADMIN_TARGET))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MISSING_ROLE);
                    assertThat(e.getMessage()).contains("delete the user").contains(GraphErrorMapper.PRIVILEGED_TARGETS);
                });
        assertThat(user(GLOBAL_ADMIN_TARGET)).isPresent();
    }

    @Test
    void aRoleAssignableGroupNeedsEntraIdP1() {
        sim.loadScenario("baseline-free");

        assertThatThrownBy(() -> gateway(ADMIN).directoryWriter().createRoleAssignableGroup(
                new NewGroup("Emergency access (new)", "emergency-access-new", null)))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MISSING_LICENCE);
                    assertThat(e.getMessage()).startsWith("Cannot create the role-assignable group: this needs "
                            + "Microsoft Entra ID P1 (or higher)");
                });
    }

    @Test
    void onlyRoleAssignableGroupsAreDeletedAndNothingIsSentForAnother() {
        GraphGateway gateway = gateway(ADMIN);
        GroupRef sales = new GroupRef(groupId("Sales"), "Sales", false);

        assertThatThrownBy(() -> gateway.directoryWriter().deleteRoleAssignableGroup(sales))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).contains("the group 'Sales' is not one");
                });
        assertThat(gateway.callLog().snapshot()).isEmpty();
        assertThat(sim.state().read(() -> sim.state().group(sales.id()))).isPresent();
    }

    @Test
    void removingSomeoneWhoIsNotAMemberIsNotFound() {
        UserDetail bg = user("bg-admin-01@tailspintoys.onmicrosoft.com").orElseThrow();
        GroupRef group = bg.roleAssignableGroups().get(0);
        String megan = user(GatewayOverSimTest.NON_ADMIN).orElseThrow().profile().id();

        assertThatThrownBy(() -> gateway(ADMIN).directoryWriter().removeGroupMember(group, megan))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.getMessage()).startsWith("The membership of '" + megan + "' in the group '"
                            + group.displayName() + "' was not found in the tenant.");
                });
    }
}
