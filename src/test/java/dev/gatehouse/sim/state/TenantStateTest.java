package dev.gatehouse.sim.state;

import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.sim.scenario.ScenarioLoader;
import dev.gatehouse.sim.wire.Wire;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mutations later write endpoints build on: they keep the tenant's indexes and links consistent. */
class TenantStateTest {

    @Test
    void removingAUserRemovesTheirMembershipsRolesAndMethods() {
        TenantState state = ScenarioLoader.load("baseline", Clock.systemUTC());
        SimUser patti = state.user("patti.fernandez@tailspintoys.com").orElseThrow();
        assertThat(state.groupsWithMember(patti.id())).isNotEmpty();
        state.removeUser(patti.id());
        assertThat(state.user(patti.id())).isEmpty();
        assertThat(state.user("patti.fernandez@tailspintoys.com")).isEmpty();
        assertThat(state.groupsWithMember(patti.id())).isEmpty();
        assertThat(state.assignmentsOf(patti.id())).isEmpty();
        assertThat(state.methods().list(patti.id())).isEmpty();
    }

    @Test
    void renamingKeepsTheUpnIndexAndDuplicatesAreRefused() {
        TenantState state = ScenarioLoader.load("baseline", Clock.systemUTC());
        SimUser alex = state.user("alex.wilber@tailspintoys.com").orElseThrow();
        state.changeUserPrincipalName(alex, "alex.w@tailspintoys.com");
        assertThat(state.user("ALEX.W@tailspintoys.com")).containsSame(alex);
        assertThat(state.user("alex.wilber@tailspintoys.com")).isEmpty();
        assertThatThrownBy(() -> state.addUser(new SimUser("00000000-0000-0000-0000-0000000000aa",
                "Alex.W@tailspintoys.com", "Copy"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roleAssignmentsCanBeRemoved() {
        TenantState state = ScenarioLoader.load("baseline", Clock.systemUTC());
        SimUser megan = state.user("megan.bowen@tailspintoys.com").orElseThrow();
        SimRoleAssignment assignment = SimRoleAssignment.tenantWide(megan.id(), DirectoryRole.GLOBAL_READER.templateId());
        state.addRoleAssignment(assignment);
        assertThat(state.assignmentsOf(megan.id())).extracting(SimRoleAssignment::id).containsExactly(assignment.id());
        assertThat(state.removeRoleAssignment(assignment.id())).isTrue();
        assertThat(state.assignmentsOf(megan.id())).isEmpty();
    }

    @Test
    void generatedMethodsAreStoredOnceEdited() {
        TenantState state = ScenarioLoader.load("large:200", Clock.systemUTC());
        SimUser generated = state.users().stream().filter(u -> u.userPrincipalName().startsWith("zoe."))
                .findFirst().orElseThrow();
        List<SimMethod> before = state.methods().list(generated.id());
        List<SimMethod> editable = state.methods().editable(generated.id());
        editable.add(new SimMethod("11111111-1111-1111-1111-111111111111", MethodType.FIDO2, state.now(),
                Wire.object().put("model", "Test key")));
        assertThat(state.methods().list(generated.id())).hasSize(before.size() + 1);
        assertThat(state.methods().find(generated.id(), "11111111-1111-1111-1111-111111111111")).isPresent();
    }
}
