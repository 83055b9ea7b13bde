package dev.gatehouse.domain.role;

import dev.gatehouse.domain.role.AdminReach.Capability;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.gatehouse.domain.role.DirectoryRole.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Cases from Entra's "privileged roles and permissions" tables (graph-facts §2). */
class AdminReachTest {

    private static boolean reaches(Capability capability, DirectoryRole actor, Set<DirectoryRole> target,
                                   boolean roleAssignableGroup) {
        return AdminReach.reaches(capability, List.of(actor.templateId()),
                target.stream().map(DirectoryRole::templateId).toList(), roleAssignableGroup);
    }

    @Test
    void authenticationAdministratorReachesOrdinaryUsersAndTheListedRolesOnly() {
        assertThat(reaches(Capability.MANAGE_METHODS, AUTHENTICATION_ADMINISTRATOR, Set.of(), false)).isTrue();
        assertThat(reaches(Capability.MANAGE_METHODS, AUTHENTICATION_ADMINISTRATOR, Set.of(REPORTS_READER), false))
                .isTrue();
        assertThat(reaches(Capability.MANAGE_METHODS, AUTHENTICATION_ADMINISTRATOR, Set.of(USER_ADMINISTRATOR), false))
                .isFalse();
        assertThat(reaches(Capability.MANAGE_METHODS, AUTHENTICATION_ADMINISTRATOR, Set.of(GLOBAL_ADMINISTRATOR), false))
                .isFalse();
        assertThat(reaches(Capability.MANAGE_METHODS, AUTHENTICATION_ADMINISTRATOR, Set.of(), true)).isFalse();
    }

    @Test
    void onlyPrivilegedAuthenticationAdministratorsAndGlobalAdministratorsReachEveryone() {
        for (DirectoryRole actor : List.of(PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, GLOBAL_ADMINISTRATOR)) {
            assertThat(reaches(Capability.MANAGE_METHODS, actor, Set.of(GLOBAL_ADMINISTRATOR), true)).isTrue();
        }
        assertThat(AdminReach.rolesThatReach(Capability.MANAGE_METHODS, List.of(GLOBAL_ADMINISTRATOR.templateId()),
                false)).containsExactly(PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, GLOBAL_ADMINISTRATOR);
    }

    @Test
    void helpdeskAdministratorsResetPasswordsButManageNoMethods() {
        assertThat(reaches(Capability.RESET_PASSWORD, HELPDESK_ADMINISTRATOR, Set.of(), false)).isTrue();
        assertThat(reaches(Capability.MANAGE_METHODS, HELPDESK_ADMINISTRATOR, Set.of(), false)).isFalse();
        assertThat(AdminReach.rolesThatReach(Capability.RESET_PASSWORD, List.of(), false)).contains(
                HELPDESK_ADMINISTRATOR, PASSWORD_ADMINISTRATOR, USER_ADMINISTRATOR, AUTHENTICATION_ADMINISTRATOR);
    }

    @Test
    void userAdministratorsDisableOrdinaryUsersAndHelpdeskAdminsButNotGlobalAdmins() {
        assertThat(reaches(Capability.SENSITIVE_ACTIONS, USER_ADMINISTRATOR, Set.of(HELPDESK_ADMINISTRATOR), false))
                .isTrue();
        assertThat(reaches(Capability.SENSITIVE_ACTIONS, USER_ADMINISTRATOR, Set.of(GLOBAL_ADMINISTRATOR), false))
                .isFalse();
    }
}
