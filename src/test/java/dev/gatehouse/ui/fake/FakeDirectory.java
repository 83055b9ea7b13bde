package dev.gatehouse.ui.fake;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.tenant.AuditRecord;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.SignInRecord;
import dev.gatehouse.domain.tenant.VerifiedDomain;
import dev.gatehouse.domain.tenant.GroupRef;
import java.util.stream.Stream;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.RegistrationEvent;
import dev.gatehouse.domain.method.RegistrationReportRead;
import dev.gatehouse.domain.method.UserRegistrationDetail;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.WhatIfQuery;
import dev.gatehouse.domain.policy.WhatIfResult;
import dev.gatehouse.domain.tenant.LicenceAssignment;
import dev.gatehouse.domain.tenant.TenantLicences;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.UserPage;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.domain.user.UserSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An in-memory {@link TenantDirectory} for UI tests and screenshots: prefix search over display name and
 * UPN, offset cursors, optional latency, queued failures, and one {@link GraphCall} per request so the
 * Activity view has something to show. The real Graph gateway against the real sim is tested elsewhere.
 */
public final class FakeDirectory implements TenantDirectory {

    private final TenantInfo tenant;
    private final SignedInAdmin admin;
    private final List<UserSummary> users;
    private final Function<String, Optional<UserDetail>> details;
    private final CallLog log;
    private final Queue<TenantException> failures = new ArrayDeque<>();
    private final AtomicInteger searches = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile List<ConditionalAccessPolicy> conditionalAccess = List.of();
    private volatile TenantException conditionalAccessRefusal;
    private final Map<String, GroupRef> groups = new ConcurrentHashMap<>();
    private final Map<String, List<DirectoryPrincipal>> members = new ConcurrentHashMap<>();
    private final Map<String, List<DirectoryPrincipal>> roleHolders = new ConcurrentHashMap<>();
    private final Map<String, List<DirectoryPrincipal>> owners = new ConcurrentHashMap<>();
    private final Map<String, List<LicenceAssignment>> assignedLicences = new ConcurrentHashMap<>();
    private final Map<String, SignInRecord> lastSignIns = new ConcurrentHashMap<>();
    private volatile MethodsPolicy methodsPolicy = new MethodsPolicy(
            Stream.of("Fido2", "MicrosoftAuthenticator", "Sms", "TemporaryAccessPass", "SoftwareOath", "Email")
                    .map(id -> new MethodConfiguration(id, true, List.of(PolicyTarget.allUsers()), List.of()))
                    .toList(),
            Optional.of(new TapSettings(60, 10, 480, false, 8)));

    private volatile TenantLicences licences = new TenantLicences(java.util.Set.of(TenantLicences.ENTRA_ID_P1_PLAN),
            List.of("AAD_PREMIUM"));
    private volatile boolean securityDefaults;
    private volatile List<AuthenticationStrength> strengths = List.of();
    private volatile List<UserRegistrationDetail> registrationDetails = List.of();
    private volatile int reportPageSize = 100;
    private volatile Function<WhatIfQuery, List<WhatIfResult>> whatIf = query -> List.of();

    public FakeDirectory(TenantInfo tenant, SignedInAdmin admin, List<UserSummary> users,
                         Function<String, Optional<UserDetail>> details, CallLog log) {
        this.tenant = tenant;
        this.admin = admin;
        this.users = List.copyOf(users);
        this.details = details;
        this.log = log;
    }

    public FakeDirectory withLatency(Duration perCall) {
        latency = perCall;
        return this;
    }

    /** The next call fails with {@code failure}. */
    public synchronized void failNext(TenantException failure) {
        failures.add(failure);
    }

    public int searchCount() {
        return searches.get();
    }

    @Override
    public TenantInfo tenant() {
        call("GET", "/organization?$select=id,displayName,verifiedDomains");
        return tenant;
    }

    @Override
    public SignedInAdmin signedInAdmin() {
        call("GET", "/me?$select=id,displayName,userPrincipalName");
        return admin;
    }

    @Override
    public UserPage searchUsers(UserQuery query) {
        searches.incrementAndGet();
        String text = query.text().toLowerCase(Locale.ROOT);
        call("GET", query.isSearch()
                ? "/users?$search=\"displayName:" + text + "\" OR \"userPrincipalName:" + text + "\"&$top=" + query.top() + "&$count=true"
                : "/users?$top=" + query.top() + "&$count=true");
        List<UserSummary> matches = query.isSearch() ? users.stream().filter(u -> matches(u, text)).toList() : users;
        int from = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int to = Math.min(matches.size(), from + query.top());
        return new UserPage(matches.subList(from, to), OptionalLong.of(matches.size()),
                to < matches.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
    }

    @Override
    public Optional<UserDetail> findUser(String idOrUserPrincipalName) {
        call("GET", "/users/" + idOrUserPrincipalName + "?$select=id,displayName,accountEnabled,signInSessionsValidFromDateTime");
        Optional<UserDetail> found = details.apply(idOrUserPrincipalName);
        found.ifPresent(detail -> call("GET", "/users/" + detail.profile().id() + "/authentication/methods"));
        return found;
    }

    @Override
    public List<AuthMethod> authenticationMethods(String userId) {
        call("GET", "/users/" + userId + "/authentication/methods");
        return details.apply(userId).map(UserDetail::methods)
                .orElseThrow(() -> new TenantException(TenantException.Kind.NOT_FOUND, "No user with id " + userId));
    }

    @Override
    public List<GroupRef> groupMemberships(String userId) {
        call("GET", "/users/" + userId + "/transitiveMemberOf/microsoft.graph.group");
        List<GroupRef> all = new java.util.ArrayList<>(details.apply(userId).map(UserDetail::roleAssignableGroups)
                .orElse(List.of()));
        members.forEach((groupId, in) -> {
            if (in.stream().anyMatch(m -> m.id().equals(userId)) && all.stream().noneMatch(g -> g.id().equals(groupId))) {
                all.add(groups.get(groupId));
            }
        });
        return all;
    }

    /** Adds a group with these direct members. */
    public FakeDirectory withGroup(GroupRef group, DirectoryPrincipal... groupMembers) {
        groups.put(group.id(), group);
        members.put(group.id(), List.of(groupMembers));
        return this;
    }

    /** Who holds the role (by template id) at tenant scope. */
    public FakeDirectory withRoleHolders(String roleTemplateId, DirectoryPrincipal... holders) {
        roleHolders.put(roleTemplateId, List.of(holders));
        return this;
    }

    @Override
    public Optional<GroupRef> findGroup(String groupId) {
        call("GET", "/groups/" + groupId);
        return Optional.ofNullable(groups.get(groupId));
    }

    @Override
    public List<GroupRef> groupsNamed(String displayName) {
        call("GET", "/groups?$filter=displayName eq '" + displayName + "'");
        return groups.values().stream().filter(g -> g.displayName().equalsIgnoreCase(displayName)).toList();
    }

    @Override
    public List<GroupRef> roleAssignableGroups() {
        call("GET", "/groups?$filter=isAssignableToRole eq true");
        return groups.values().stream().filter(GroupRef::roleAssignable).toList();
    }

    @Override
    public List<DirectoryPrincipal> groupMembers(String groupId) {
        call("GET", "/groups/" + groupId + "/members");
        List<DirectoryPrincipal> in = members.get(groupId);
        if (in == null) {
            throw new TenantException(TenantException.Kind.NOT_FOUND, "No group with id " + groupId);
        }
        return in;
    }

    @Override
    public List<DirectoryPrincipal> roleHolders(String roleTemplateId) {
        call("GET", "/roleManagement/directory/roleAssignments?$filter=roleDefinitionId eq '" + roleTemplateId
                + "'&$expand=principal");
        return roleHolders.getOrDefault(roleTemplateId, List.of());
    }

    @Override
    public MethodsPolicy methodsPolicy() {
        call("GET", "/policies/authenticationMethodsPolicy");
        return methodsPolicy;
    }

    /** Replaces the tenant's methods policy (defaults: every method on for all users, TAP 60 min within 10–480). */
    public FakeDirectory withMethodsPolicy(MethodsPolicy policy) {
        methodsPolicy = policy;
        return this;
    }

    @Override
    public List<ConditionalAccessPolicy> conditionalAccessPolicies() {
        call("GET", "/identity/conditionalAccess/policies");
        TenantException refusal = conditionalAccessRefusal;
        if (refusal != null) {
            throw refusal;
        }
        return conditionalAccess;
    }

    /** Replaces the tenant's Conditional Access policies (default: none). */
    public FakeDirectory withConditionalAccess(List<ConditionalAccessPolicy> policies) {
        conditionalAccess = List.copyOf(policies);
        return this;
    }

    /** Every later read of the Conditional Access policies fails with {@code refusal}, as for an admin without Policy.Read.All. */
    public FakeDirectory refuseConditionalAccess(TenantException refusal) {
        conditionalAccessRefusal = refusal;
        return this;
    }

    /** The fake keeps no audit log: every method is dated by Graph or not at all. */
    @Override
    public List<RegistrationEvent> registrationEvents(String userId, Instant since) {
        call("GET", "/auditLogs/directoryAudits");
        return List.of();
    }

    private static boolean matches(UserSummary user, String text) {
        String name = user.displayName() == null ? "" : user.displayName().toLowerCase(Locale.ROOT);
        String upn = user.userPrincipalName() == null ? "" : user.userPrincipalName().toLowerCase(Locale.ROOT);
        if (upn.startsWith(text) || name.startsWith(text)) {
            return true;
        }
        for (String word : name.split("\\s+")) {
            if (word.startsWith(text)) {
                return true;
            }
        }
        return false;
    }

    private void call(String method, String path) {
        Instant started = Instant.now();
        TenantException failure;
        synchronized (this) {
            failure = failures.poll();
        }
        try {
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.record(new GraphCall(started, method, path, 0, Duration.between(started, Instant.now()), null,
                    "cancelled"));
            throw new TenantException(TenantException.Kind.CANCELLED, "The request was cancelled.");
        }
        String requestId = UUID.randomUUID().toString();
        int status = failure == null ? 200 : failure.httpStatus();
        log.record(new GraphCall(started, method, path, status, Duration.between(started, Instant.now()), requestId,
                failure == null ? "" : failure.graphCode()));
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public TenantLicences licences() {
        call("GET", "/subscribedSkus");
        return licences;
    }

    /** Replaces the tenant's licences (default: Entra ID P1, {@code AAD_PREMIUM}). */
    public FakeDirectory withLicences(TenantLicences tenantLicences) {
        licences = tenantLicences;
        return this;
    }

    @Override
    public boolean securityDefaultsEnabled() {
        call("GET", "/policies/identitySecurityDefaultsEnforcementPolicy");
        return securityDefaults;
    }

    /** Turns security defaults on or off (default: off). */
    public FakeDirectory withSecurityDefaults(boolean enabled) {
        securityDefaults = enabled;
        return this;
    }

    @Override
    public List<AuthenticationStrength> authenticationStrengths() {
        call("GET", "/policies/authenticationStrengthPolicies");
        return strengths;
    }

    /** Replaces the tenant's authentication strengths (default: none). */
    public FakeDirectory withAuthenticationStrengths(List<AuthenticationStrength> all) {
        strengths = List.copyOf(all);
        return this;
    }

    /** Hands the rows over in pages of {@link #withRegistrationDetails}'s size, one recorded request each. */
    @Override
    public RegistrationReportRead userRegistrationDetails(Consumer<List<UserRegistrationDetail>> pages) {
        List<UserRegistrationDetail> rows = registrationDetails;
        int size = reportPageSize;
        int requests = 0;
        int from = 0;
        do {
            call("GET", "/reports/authenticationMethods/userRegistrationDetails"
                    + (from == 0 ? "" : "?$skiptoken=" + from));
            requests++;
            int to = Math.min(rows.size(), from + size);
            pages.accept(List.copyOf(rows.subList(from, to)));
            from = to;
        } while (from < rows.size());
        return new RegistrationReportRead(requests, rows.size());
    }

    /** Replaces the registration report's rows (default: none), served {@code pageSize} rows a page. */
    public FakeDirectory withRegistrationDetails(List<UserRegistrationDetail> rows, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        registrationDetails = List.copyOf(rows);
        reportPageSize = pageSize;
        return this;
    }

    @Override
    public List<WhatIfResult> whatIf(WhatIfQuery query) {
        call("POST", "/identity/conditionalAccess/evaluate");
        return whatIf.apply(query);
    }

    /** What If answers by {@code answers} (default: no policies). */
    public FakeDirectory withWhatIf(Function<WhatIfQuery, List<WhatIfResult>> answers) {
        whatIf = answers;
        return this;
    }
    @Override
    public List<DirectoryPrincipal> groupOwners(String groupId) {
        call("GET", "/groups/" + groupId + "/owners");
        if (!groups.containsKey(groupId)) {
            throw new TenantException(TenantException.Kind.NOT_FOUND, "No group with id " + groupId);
        }
        return owners.getOrDefault(groupId, List.of());
    }

    /** The group's owners (default: none); the group must have been added with {@link #withGroup}. */
    public FakeDirectory withOwners(String groupId, DirectoryPrincipal... groupOwners) {
        owners.put(groupId, List.of(groupOwners));
        return this;
    }

    @Override
    public List<LicenceAssignment> licenceAssignments(String userId) {
        call("GET", "/users/" + userId + "?$select=licenseAssignmentStates");
        return assignedLicences.getOrDefault(userId, List.of());
    }

    /** The SKU ids assigned directly to the user (default: none). */
    public FakeDirectory withAssignedLicences(String userId, String... skuIds) {
        assignedLicences.put(userId, java.util.Arrays.stream(skuIds).map(LicenceAssignment::direct).toList());
        return this;
    }

    /** Refused as Graph refuses it when the tenant's licences ({@link #withLicences}) lack Entra ID P1. */
    @Override
    public Optional<SignInRecord> lastSignIn(String userId) {
        call("GET", "/auditLogs/signIns?$filter=userId eq '" + userId + "'&$top=1");
        if (!licences.entraIdP1()) {
            throw new TenantException(TenantException.Kind.MISSING_LICENCE, "Cannot read the sign-in log: this "
                    + "needs Microsoft Entra ID P1 (or higher), and the tenant does not have it.", 403,
                    "Authentication_RequestFromNonPremiumTenantOrB2CTenant", null, null);
        }
        return Optional.ofNullable(lastSignIns.get(userId));
    }

    /** The user's newest sign-in (default: none in the log). */
    public FakeDirectory withLastSignIn(String userId, SignInRecord signIn) {
        lastSignIns.put(userId, signIn);
        return this;
    }

    /** The fake keeps no audit log, as for {@link #registrationEvents}. */
    @Override
    public List<AuditRecord> auditEvents(String targetObjectId, Instant since) {
        call("GET", "/auditLogs/directoryAudits?$filter=targetResources/any(t: t/id eq '" + targetObjectId + "')");
        return List.of();
    }

    @Override
    public List<AuditRecord> auditLog(Instant since) {
        call("GET", "/auditLogs/directoryAudits?$filter=activityDateTime ge " + since);
        return List.of();
    }

    @Override
    public List<AuthMethod> fido2Methods(String userId) {
        call("GET", "/users/" + userId + "/authentication/fido2Methods");
        return details.apply(userId).map(UserDetail::methods)
                .orElseThrow(() -> new TenantException(TenantException.Kind.NOT_FOUND, "No user with id " + userId))
                .stream().filter(m -> m.type() == MethodType.FIDO2).toList();
    }

    /**
     * The user's direct roles as permanent assignments, as Graph lists those made without PIM; refused as Graph refuses
     * it when the tenant's licences lack Entra ID P2.
     */
    @Override
    public List<dev.gatehouse.domain.role.RoleSchedule> roleSchedules(String principalId) {
        call("GET", "/roleManagement/directory/roleAssignmentSchedules?$filter=principalId eq '" + principalId + "'");
        if (!licences.entraIdP2()) {
            throw new TenantException(TenantException.Kind.MISSING_LICENCE, "Cannot read the PIM schedules: this "
                    + "needs Microsoft Entra ID P2 (or higher), and the tenant does not have it.", 400,
                    "AadPremiumLicenseRequired", null, null);
        }
        return details.apply(principalId).map(UserDetail::roles).orElse(List.of()).stream()
                .filter(r -> r.viaGroup() == null)
                .map(r -> dev.gatehouse.domain.role.RoleSchedule.permanent(principalId, r.roleDefinitionId(),
                        dev.gatehouse.domain.role.RoleSchedule.Kind.ASSIGNED)).toList();
    }

    /** PIM's default for a role: permanent active assignments allowed. */
    @Override
    public Optional<dev.gatehouse.domain.role.ActiveAssignmentRule> activeAssignmentRule(String roleTemplateId) {
        call("GET", "/policies/roleManagementPolicyAssignments?$filter=roleDefinitionId eq '" + roleTemplateId + "'");
        return Optional.of(new dev.gatehouse.domain.role.ActiveAssignmentRule(false, Optional.of("P180D")));
    }

    /** The tenant's initial domain and its default one, both managed. */
    @Override
    public List<VerifiedDomain> verifiedDomains() {
        call("GET", "/organization?$select=id,displayName,verifiedDomains");
        List<VerifiedDomain> domains = new java.util.ArrayList<>();
        if (tenant.initialDomain() != null) {
            domains.add(new VerifiedDomain(tenant.initialDomain(), true,
                    tenant.initialDomain().equalsIgnoreCase(tenant.defaultDomain()), "Managed"));
        }
        if (tenant.defaultDomain() != null && !tenant.defaultDomain().equalsIgnoreCase(tenant.initialDomain())) {
            domains.add(new VerifiedDomain(tenant.defaultDomain(), false, true, "Managed"));
        }
        return domains;
    }
}
