package dev.gatehouse.sim.access;

import dev.gatehouse.domain.role.AdminReach;

import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.sim.state.SimGroup;
import dev.gatehouse.sim.state.SimRoleAssignment;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import static dev.gatehouse.domain.role.DirectoryRole.AUTHENTICATION_ADMINISTRATOR;
import static dev.gatehouse.domain.role.DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR;
import static dev.gatehouse.domain.role.DirectoryRole.CONDITIONAL_ACCESS_ADMINISTRATOR;
import static dev.gatehouse.domain.role.DirectoryRole.GLOBAL_ADMINISTRATOR;
import static dev.gatehouse.domain.role.DirectoryRole.GLOBAL_READER;
import static dev.gatehouse.domain.role.DirectoryRole.GROUPS_ADMINISTRATOR;
import static dev.gatehouse.domain.role.DirectoryRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR;
import static dev.gatehouse.domain.role.DirectoryRole.PRIVILEGED_ROLE_ADMINISTRATOR;
import static dev.gatehouse.domain.role.DirectoryRole.REPORTS_READER;
import static dev.gatehouse.domain.role.DirectoryRole.SECURITY_ADMINISTRATOR;
import static dev.gatehouse.domain.role.DirectoryRole.SECURITY_READER;
import static dev.gatehouse.domain.role.DirectoryRole.USER_ADMINISTRATOR;

/**
 * Who may do what to whom in the demo tenant: the one place the sim decides role questions, so write
 * endpoints reuse the same answers. Sources: the Graph "authentication methods" permission includes
 * (read others: Global Reader, Authentication Administrator, Privileged Authentication Administrator;
 * "the authentication administrator only sees masked phone numbers") and Entra's "Privileged roles and
 * permissions" tables "Who can reset passwords" and "Who can perform sensitive actions" (graph-facts §2).
 *
 * <p>A user's roles are the active, direct assignments plus those assigned to any group they belong to.
 * Roles unknown to the tables count as "all other built-in and custom roles".</p>
 */
public final class RoleRules {

    private static final Set<DirectoryRole> READ_OTHERS_METHODS = EnumSet.of(GLOBAL_ADMINISTRATOR, GLOBAL_READER,
            PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, AUTHENTICATION_ADMINISTRATOR);

    private static final Set<DirectoryRole> SEE_FULL_PHONE_NUMBERS = EnumSet.of(GLOBAL_ADMINISTRATOR, GLOBAL_READER,
            PRIVILEGED_AUTHENTICATION_ADMINISTRATOR);

    private static final Set<DirectoryRole> READ_METHODS_POLICY = EnumSet.of(GLOBAL_ADMINISTRATOR, GLOBAL_READER,
            AUTHENTICATION_POLICY_ADMINISTRATOR);

    /** Create users and change their ordinary properties (Graph "Create user" / "Update user": User Administrator). */
    private static final Set<DirectoryRole> USER_WRITERS = EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR);

    /** Delete users (Graph "Delete a user": User Administrator, Privileged Authentication Administrator). */
    private static final Set<DirectoryRole> USER_DELETERS = EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR,
            PRIVILEGED_AUTHENTICATION_ADMINISTRATOR);

    /** Create groups and manage members of groups that are not role-assignable. */
    private static final Set<DirectoryRole> GROUP_WRITERS = EnumSet.of(GLOBAL_ADMINISTRATOR, GROUPS_ADMINISTRATOR,
            USER_ADMINISTRATOR);

    /**
     * Assign directory roles, create role-assignable groups and manage their members
     * (RoleManagement.ReadWrite.Directory with Privileged Role Administrator; graph-facts §3, §4).
     */
    private static final Set<DirectoryRole> ROLE_MANAGERS = EnumSet.of(GLOBAL_ADMINISTRATOR,
            PRIVILEGED_ROLE_ADMINISTRATOR);

    /** Change the authentication methods policy (Authentication Policy Administrator; graph-facts §5.2). */
    private static final Set<DirectoryRole> METHODS_POLICY_WRITERS = EnumSet.of(GLOBAL_ADMINISTRATOR,
            AUTHENTICATION_POLICY_ADMINISTRATOR);

    /** Create, change and delete Conditional Access policies (graph-facts §10.1). */
    private static final Set<DirectoryRole> CONDITIONAL_ACCESS_WRITERS = EnumSet.of(GLOBAL_ADMINISTRATOR,
            CONDITIONAL_ACCESS_ADMINISTRATOR, SECURITY_ADMINISTRATOR);

    private static final Set<DirectoryRole> CONDITIONAL_ACCESS_READERS = EnumSet.of(GLOBAL_ADMINISTRATOR,
            CONDITIONAL_ACCESS_ADMINISTRATOR, SECURITY_ADMINISTRATOR, GLOBAL_READER, SECURITY_READER);

    /** Manage authentication strengths: the Conditional Access writers and the Authentication Policy Administrator. */
    private static final Set<DirectoryRole> STRENGTH_WRITERS = EnumSet.of(GLOBAL_ADMINISTRATOR,
            CONDITIONAL_ACCESS_ADMINISTRATOR, SECURITY_ADMINISTRATOR, AUTHENTICATION_POLICY_ADMINISTRATOR);

    private static final Set<DirectoryRole> STRENGTH_READERS = EnumSet.of(GLOBAL_ADMINISTRATOR,
            CONDITIONAL_ACCESS_ADMINISTRATOR, SECURITY_ADMINISTRATOR, AUTHENTICATION_POLICY_ADMINISTRATOR,
            GLOBAL_READER, SECURITY_READER);

    /** Read audit logs, sign-ins and the registration report (graph-facts §8, §12). */
    private static final Set<DirectoryRole> ACTIVITY_READERS = EnumSet.of(GLOBAL_ADMINISTRATOR, GLOBAL_READER,
            REPORTS_READER, SECURITY_READER, SECURITY_ADMINISTRATOR);

    /**
     * Read PIM schedules and settings: the read roles of Graph's include rbac-pim-entra-roles-apis (Global Reader,
     * Security Operator, Security Reader, Security Administrator, Privileged Role Administrator); Security Operator is
     * not among the demo tenant's roles.
     */
    private static final Set<DirectoryRole> PIM_READERS = EnumSet.of(GLOBAL_ADMINISTRATOR, GLOBAL_READER,
            SECURITY_READER, SECURITY_ADMINISTRATOR, PRIVILEGED_ROLE_ADMINISTRATOR);

    private final TenantState state;

    public RoleRules(TenantState state) {
        this.state = state;
    }

    /** Template ids of the user's active roles, direct or through group membership. */
    public Set<String> activeRoleTemplateIds(String userId) {
        Set<String> roles = new LinkedHashSet<>();
        state.assignmentsOf(userId).forEach(a -> roles.add(a.roleDefinitionId()));
        for (SimGroup group : state.transitiveGroupsOf(userId)) {
            state.assignmentsOf(group.id()).stream().map(SimRoleAssignment::roleDefinitionId).forEach(roles::add);
        }
        return roles;
    }

    public boolean holdsAny(SimUser user, Set<DirectoryRole> roles) {
        Set<String> active = activeRoleTemplateIds(user.id());
        return roles.stream().anyMatch(r -> active.stream().anyMatch(r.templateId()::equalsIgnoreCase));
    }

    /** Member or owner of a role-assignable group: only PAA and Global Administrators reach such users. */
    public boolean inRoleAssignableGroup(String userId) {
        return state.groups().stream().filter(SimGroup::roleAssignable)
                .anyMatch(g -> g.members().contains(userId) || g.owners().contains(userId));
    }

    /** Whether the user holds a role or sits in a role-assignable group, i.e. counts as an admin for Entra. */
    public boolean privileged(SimUser user) {
        return !activeRoleTemplateIds(user.id()).isEmpty() || inRoleAssignableGroup(user.id());
    }

    public boolean canReadAuthenticationMethods(SimUser actor, SimUser target) {
        return actor.id().equals(target.id()) || holdsAny(actor, READ_OTHERS_METHODS);
    }

    /** An Authentication Administrator without a stronger reading role sees others' phone numbers masked. */
    public boolean seesMaskedPhoneNumbers(SimUser actor, SimUser target) {
        return !actor.id().equals(target.id()) && !holdsAny(actor, SEE_FULL_PHONE_NUMBERS);
    }

    /** Add, delete or reset another user's methods (TAP included); the self-rules are the caller's. */
    public boolean canManageAuthenticationMethods(SimUser actor, SimUser target) {
        return reaches(actor, target, AdminReach.Capability.MANAGE_METHODS);
    }

    /** Reset the password or invalidate the refresh tokens of another user. */
    public boolean canResetPassword(SimUser actor, SimUser target) {
        return reaches(actor, target, AdminReach.Capability.RESET_PASSWORD);
    }

    /** Change accountEnabled, phones, otherMails, passwordProfile or the UPN of another user, or delete them. */
    public boolean canPerformSensitiveAction(SimUser actor, SimUser target) {
        return reaches(actor, target, AdminReach.Capability.SENSITIVE_ACTIONS);
    }

    /** A user-deleting role that also reaches the target in the "sensitive actions" table. */
    public boolean canDeleteUser(SimUser actor, SimUser target) {
        return holdsAny(actor, USER_DELETERS) && canPerformSensitiveAction(actor, target);
    }

    public boolean canReadAuthenticationMethodsPolicy(SimUser actor) {
        return holdsAny(actor, READ_METHODS_POLICY);
    }

    public boolean canWriteAuthenticationMethodsPolicy(SimUser actor) {
        return holdsAny(actor, METHODS_POLICY_WRITERS);
    }

    /** Create users and change their properties that are not sensitive. */
    public boolean canWriteUsers(SimUser actor) {
        return holdsAny(actor, USER_WRITERS);
    }

    /**
     * Create a group, or change the members of an existing one: a role-assignable group needs the role
     * managers; another group a group writer or one of its owners.
     */
    public boolean canManageGroup(SimUser actor, SimGroup group) {
        if (group.roleAssignable()) {
            return holdsAny(actor, ROLE_MANAGERS);
        }
        return holdsAny(actor, GROUP_WRITERS) || group.owners().contains(actor.id());
    }

    public boolean canCreateGroups(SimUser actor, boolean roleAssignable) {
        return holdsAny(actor, roleAssignable ? ROLE_MANAGERS : GROUP_WRITERS);
    }

    public boolean canAssignRoles(SimUser actor) {
        return holdsAny(actor, ROLE_MANAGERS);
    }

    public boolean canReadConditionalAccess(SimUser actor) {
        return holdsAny(actor, CONDITIONAL_ACCESS_READERS);
    }

    public boolean canWriteConditionalAccess(SimUser actor) {
        return holdsAny(actor, CONDITIONAL_ACCESS_WRITERS);
    }

    public boolean canReadAuthenticationStrengths(SimUser actor) {
        return holdsAny(actor, STRENGTH_READERS);
    }

    public boolean canWriteAuthenticationStrengths(SimUser actor) {
        return holdsAny(actor, STRENGTH_WRITERS);
    }

    /** Audit logs, sign-in logs and the authentication methods registration report. */
    public boolean canReadActivityReports(SimUser actor) {
        return holdsAny(actor, ACTIVITY_READERS);
    }

    public boolean canReadPrivilegedIdentityManagement(SimUser actor) {
        return holdsAny(actor, PIM_READERS);
    }

    /** {@code userRegistrationDetails.isAdmin}: the user holds a directory role, directly or through a group. */
    public boolean isAdmin(SimUser user) {
        return !activeRoleTemplateIds(user.id()).isEmpty();
    }

    /** The matrix itself lives in the domain, so what a plan explains and what this tenant enforces agree. */
    private boolean reaches(SimUser actor, SimUser target, AdminReach.Capability capability) {
        return AdminReach.reaches(capability, activeRoleTemplateIds(actor.id()), activeRoleTemplateIds(target.id()),
                inRoleAssignableGroup(target.id()));
    }
}
