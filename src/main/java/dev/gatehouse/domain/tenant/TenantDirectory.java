package dev.gatehouse.domain.tenant;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.RegistrationEvent;
import dev.gatehouse.domain.method.RegistrationReportRead;
import dev.gatehouse.domain.method.UserRegistrationDetail;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.WhatIfQuery;
import dev.gatehouse.domain.policy.WhatIfResult;
import dev.gatehouse.domain.user.UserPage;
import dev.gatehouse.domain.user.UserQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read side of a tenant, as the workspaces need it. Implemented over Microsoft Graph for real
 * and demo tenants alike. Every method blocks on the network: never call it on the FX thread.
 * Failures are {@link TenantException}s with an admin-readable message; an interrupted thread
 * (a cancelled task) ends the call with {@link TenantException.Kind#CANCELLED}.
 */
public interface TenantDirectory {

    TenantInfo tenant();

    SignedInAdmin signedInAdmin();

    UserPage searchUsers(UserQuery query);

    /** By object id or user principal name; empty when no such user exists. */
    Optional<UserDetail> findUser(String idOrUserPrincipalName);

    List<AuthMethod> authenticationMethods(String userId);

    /** Every group the user belongs to, directly or through nested groups ({@code transitiveMemberOf}). */
    List<GroupRef> groupMemberships(String userId);

    /** The tenant's authentication methods policy and its method configurations. */
    MethodsPolicy methodsPolicy();

    /**
     * Every Conditional Access policy, with required authentication strengths resolved. Fails with
     * {@link TenantException.Kind#MISSING_LICENCE} on a tenant without Entra ID P1.
     */
    List<ConditionalAccessPolicy> conditionalAccessPolicies();

    /**
     * The methods registered for the user since {@code since}, by the user or by an admin, newest first, from the
     * directory audit log: the only source of a date for phone, email and software OATH methods. Needs a
     * reports-reading role (Reports Reader, Security Reader, Global Reader…), which an Authentication
     * Administrator does not have; fails with {@link TenantException.Kind#MISSING_ROLE} then.
     */
    List<RegistrationEvent> registrationEvents(String userId, Instant since);

    // ---- groups and role holders: the reads that find the tenant's emergency-access group ----

    /** By object id; empty when no such group exists. */
    Optional<GroupRef> findGroup(String groupId);

    /** Every group whose display name equals this one ({@code $filter=displayName eq '…'}). */
    List<GroupRef> groupsNamed(String displayName);

    /** Every role-assignable group ({@code isAssignableToRole eq true}); Entra allows at most 500. */
    List<GroupRef> roleAssignableGroups();

    /** The group's direct members: users, groups and other directory objects. */
    List<DirectoryPrincipal> groupMembers(String groupId);

    /**
     * Who holds the role through an active assignment at tenant scope ({@code /}): users and role-assignable groups.
     * PIM-eligible assignments are not active, so they are not listed.
     *
     * @param roleTemplateId the built-in role's template id, which is also its role definition id
     */
    List<DirectoryPrincipal> roleHolders(String roleTemplateId);

    /**
     * The group's owners ({@code GET /groups/{id}/owners}): users and service principals who may change the group,
     * including its membership. An owner of a role-assignable group can make anyone hold the group's roles.
     */
    List<DirectoryPrincipal> groupOwners(String groupId);

    // ---- the break-glass workspace's health checks ----

    /**
     * The user's licences and where each comes from ({@code GET /users/{id}?$select=licenseAssignmentStates}): one
     * entry per SKU and source, so a SKU assigned directly and through a group appears twice. An inherited licence
     * carries its group's display name ({@code GET /groups/{id}}, once per group) when the admin may read the group.
     * Graph's {@code assignedLicenses} is no substitute: it lists inherited licences too, without saying which.
     */
    List<LicenceAssignment> licenceAssignments(String userId);

    /**
     * The user's newest sign-in ({@code GET /auditLogs/signIns?$filter=userId eq '…'&$top=1}), successful or not;
     * empty when the log (30 days on Entra ID P1/P2) has none. Fails with {@link TenantException.Kind#MISSING_LICENCE}
     * on a tenant without Entra ID P1, and with {@link TenantException.Kind#MISSING_ROLE} without a reports-reading
     * role (Reports Reader, Security Reader, Global Reader…).
     */
    Optional<SignInRecord> lastSignIn(String userId);

    /**
     * Every directory audit entry since {@code since} whose target resources include the object (a user, a group…),
     * newest first, following {@code @odata.nextLink} up to {@value #AUDIT_EVENTS_CAP} entries: an object with more
     * than that in the period gets the newest ones only. Needs a reports-reading role, as
     * {@link #registrationEvents} does.
     */
    List<AuditRecord> auditEvents(String targetObjectId, Instant since);

    /**
     * Every directory audit entry since {@code since}, newest first
     * ({@code GET /auditLogs/directoryAudits?$filter=activityDateTime ge …}; the directoryAudit resource page lists
     * {@code ge} for activityDateTime), following {@code @odata.nextLink} up to {@value #AUDIT_EVENTS_CAP} entries.
     * Needs a reports-reading role, as {@link #auditEvents} does.
     */
    List<AuditRecord> auditLog(Instant since);

    /** At most this many entries are read by {@link #auditEvents} and {@link #auditLog}. */
    int AUDIT_EVENTS_CAP = 1_000;

    /**
     * The user's passkeys ({@code GET /users/{id}/authentication/fido2Methods}), with the model, AAGUID and creation
     * date {@link #authenticationMethods} gives them.
     */
    List<AuthMethod> fido2Methods(String userId);

    /**
     * The principal's Privileged Identity Management schedules: its active role assignments
     * ({@code GET /roleManagement/directory/roleAssignmentSchedules?$filter=principalId eq '…'}), permanent or
     * time-bound, then the roles it is only eligible for ({@code …/roleEligibilitySchedules}, same filter). Graph
     * serves them on tenants with Entra ID P2 only: elsewhere this fails with
     * {@link TenantException.Kind#MISSING_LICENCE}, or with another kind when Graph words the refusal differently.
     * Needs a role that reads PIM (Global Reader, Security Reader, Security Operator, Security Administrator,
     * Privileged Role Administrator).
     *
     * @param principalId a user's or a role-assignable group's object id
     */
    List<dev.gatehouse.domain.role.RoleSchedule> roleSchedules(String principalId);

    /**
     * How long PIM lets an administrator make the role active ({@code GET /policies/roleManagementPolicyAssignments},
     * filtered on the role at tenant scope, with {@code $expand=policy($expand=rules)}: the rule
     * {@code Expiration_Admin_Assignment}); empty when the tenant has no such policy or rule. Entra ID P2 and the roles
     * of {@link #roleSchedules} are needed, which also say how Graph refuses.
     *
     * @param roleTemplateId the built-in role's template id, which is also its role definition id
     */
    Optional<dev.gatehouse.domain.role.ActiveAssignmentRule> activeAssignmentRule(String roleTemplateId);

    /** The organisation's verified domains ({@code GET /organization}, {@code verifiedDomains}). */
    List<VerifiedDomain> verifiedDomains();

    // ---- the registration-policy workspace (issue 9)

    /**
     * What the tenant's subscriptions include ({@code GET /subscribedSkus}): whether it has Entra ID P1, which
     * Conditional Access, authentication strengths and the registration report need.
     */
    TenantLicences licences();

    /**
     * Whether security defaults are on ({@code GET /policies/identitySecurityDefaultsEnforcementPolicy},
     * {@code isEnabled}). Conditional Access policies and security defaults cannot both be in force.
     */
    boolean securityDefaultsEnabled();

    /**
     * Every authentication strength, built-in and custom ({@code GET /policies/authenticationStrengthPolicies}),
     * with its allowed combinations. Fails with {@link TenantException.Kind#MISSING_LICENCE} on a tenant without
     * Entra ID P1, as {@link #conditionalAccessPolicies()} does.
     */
    List<AuthenticationStrength> authenticationStrengths();

    /**
     * Streams {@code GET /reports/authenticationMethods/userRegistrationDetails} page by page, following
     * {@code @odata.nextLink}: each page is handed to {@code pages} (on the calling thread) before the next is
     * requested, and none is kept, so a tenant of any size is read in the memory of one page. Throttling
     * (429, the reports limit of 5 requests per 10 s) is waited out as {@code Retry-After} says. Fails with
     * {@link TenantException.Kind#MISSING_LICENCE} without Entra ID P1, {@link TenantException.Kind#MISSING_ROLE}
     * without a reports-reading role; an interrupted thread ends it with {@link TenantException.Kind#CANCELLED}
     * (pages already handed over stay handed over).
     *
     * @return how many HTTP requests the read took (retries after 429 included) and how many rows it handed over
     */
    RegistrationReportRead userRegistrationDetails(Consumer<List<UserRegistrationDetail>> pages);

    /**
     * What If ({@code POST /identity/conditionalAccess/evaluate}) for a user performing "Register security
     * information": every policy of the tenant, report-only ones included, with whether it applies and why not.
     * Fails with {@link TenantException.Kind#MISSING_LICENCE} on a tenant without Entra ID P1.
     */
    List<WhatIfResult> whatIf(WhatIfQuery query);
}
