package dev.gatehouse.graph;

import com.microsoft.graph.models.AuthenticationMethod;
import com.microsoft.graph.models.AuthenticationMethodCollectionResponse;
import com.microsoft.graph.models.BaseCollectionPaginationCountResponse;
import com.microsoft.graph.models.DirectoryAuditCollectionResponse;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.identity.conditionalaccess.evaluate.EvaluatePostRequestBody;
import com.microsoft.graph.models.ConditionalAccessDevicePlatform;
import com.microsoft.graph.models.DeviceInfo;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.IdentitySecurityDefaultsEnforcementPolicy;
import com.microsoft.graph.models.ServicePlanInfo;
import com.microsoft.graph.models.SignInConditions;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.SubscribedSkuCollectionResponse;
import com.microsoft.graph.models.UserAction;
import com.microsoft.graph.models.ApplicationContext;
import com.microsoft.graph.models.SignInContext;
import com.microsoft.graph.models.UserActionContext;
import com.microsoft.graph.models.UserSignIn;
import com.microsoft.graph.models.Organization;
import com.microsoft.graph.models.OrganizationCollectionResponse;
import com.microsoft.graph.models.UnifiedRoleAssignmentCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import com.microsoft.kiota.RequestInformation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.RegistrationEvent;
import dev.gatehouse.domain.method.RegistrationReportRead;
import dev.gatehouse.domain.method.UserRegistrationDetail;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.WhatIfQuery;
import dev.gatehouse.domain.policy.WhatIfResult;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.tenant.AuditRecord;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.LicenceAssignment;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.SignInRecord;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.tenant.TenantLicences;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.tenant.VerifiedDomain;
import dev.gatehouse.domain.user.UserPage;
import dev.gatehouse.domain.user.UserQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link TenantDirectory} over Microsoft Graph v1.0. Every public method runs through the gateway's cancellable
 * executor and maps failures to admin-readable {@link TenantException}s. Reads that need several requests send
 * them in as few {@code $batch} round trips as their dependencies allow.
 */
final class GraphTenantDirectory implements TenantDirectory {

    private static final PermissionSet PERMISSIONS = PermissionSet.USERS_READ;
    private static final String CONSISTENCY_LEVEL = "ConsistencyLevel";
    private static final String EVENTUAL = "eventual";
    /** Graph's maximum page size for directory object collections. */
    private static final int MAX_PAGE = 999;

    private final GraphGateway gateway;
    private final GraphPages pages;
    private final GraphGroupReads groups;
    private final GraphBreakGlassReads breakGlass;

    GraphTenantDirectory(GraphGateway gateway) {
        this.gateway = gateway;
        this.pages = new GraphPages(gateway.serviceRoot());
        this.groups = new GraphGroupReads(gateway, pages);
        this.breakGlass = new GraphBreakGlassReads(gateway, pages, groups);
    }

    @Override
    public TenantInfo tenant() {
        return DirectoryMapping.tenant(organization());
    }

    @Override
    public List<VerifiedDomain> verifiedDomains() {
        return DirectoryMapping.verifiedDomains(organization());
    }

    private Organization organization() {
        return call(GraphOperation.READ_ORGANIZATION, "the organisation", () -> {
            OrganizationCollectionResponse response = client().organization()
                    .get(c -> c.queryParameters.select = DirectoryMapping.ORGANIZATION_FIELDS);
            List<Organization> organizations = response == null || response.getValue() == null ? List.of()
                    : response.getValue();
            if (organizations.isEmpty()) {
                throw new TenantException(TenantException.Kind.NOT_FOUND,
                        "Graph returned no organisation for this sign-in.");
            }
            return organizations.get(0);
        });
    }

    @Override
    public SignedInAdmin signedInAdmin() {
        return call(GraphOperation.READ_SIGNED_IN_USER, "your account", () -> {
            UserDetail me = readUser(client().me(), null, GraphOperation.READ_SIGNED_IN_USER, "your account", false)
                    .orElseThrow(() -> new TenantException(TenantException.Kind.NOT_FOUND,
                            "Graph does not know the signed-in account (GET /me returned 404)."));
            return new SignedInAdmin(me.profile(), me.roles());
        });
    }

    @Override
    public UserPage searchUsers(UserQuery query) {
        GraphOperation operation = query.isSearch() ? GraphOperation.SEARCH_USERS : GraphOperation.LIST_USERS;
        return call(operation, null, () -> {
            UserCollectionResponse page;
            if (query.cursor() != null) {
                page = client().users().withUrl(absolute(query.cursor())).get(c -> {
                    if (query.isSearch()) {
                        c.headers.add(CONSISTENCY_LEVEL, EVENTUAL);
                    }
                });
            } else {
                page = client().users().get(c -> {
                    c.queryParameters.select = DirectoryMapping.USER_SUMMARY_FIELDS;
                    c.queryParameters.top = query.top();
                    // displayName ordering is a standard query for users; with $search it rides on the advanced query
                    c.queryParameters.orderby = new String[]{"displayName"};
                    if (query.isSearch()) {
                        // $search, and $filter beside $orderby, are advanced queries: Graph answers 400 without
                        // ConsistencyLevel: eventual (and $count=true for the filter)
                        if (UserSearchQuery.hasWords(query.text())) {
                            c.queryParameters.search = UserSearchQuery.searchExpression(query.text());
                        } else {
                            c.queryParameters.filter = UserSearchQuery.startsWithFilter(query.text());
                        }
                        c.queryParameters.count = true;
                        c.headers.add(CONSISTENCY_LEVEL, EVENTUAL);
                    }
                });
            }
            List<User> users = page == null || page.getValue() == null ? List.of() : page.getValue();
            Long count = page == null ? null : page.getOdataCount();
            String next = page == null ? null : page.getOdataNextLink();
            return new UserPage(users.stream().map(DirectoryMapping::summary).toList(),
                    count == null ? OptionalLong.empty() : OptionalLong.of(count),
                    Optional.ofNullable(next).map(this::cursor));
        });
    }

    @Override
    public Optional<UserDetail> findUser(String idOrUserPrincipalName) {
        String key = requireKey(idOrUserPrincipalName);
        String subject = "user '" + key + "'";
        return call(GraphOperation.READ_USER, subject, () -> readUser(client().users().byUserId(key),
                SignInRequest.isGuid(key) ? key : null, GraphOperation.READ_USER, subject, true));
    }

    @Override
    public List<AuthMethod> authenticationMethods(String userId) {
        String key = requireKey(userId);
        return call(GraphOperation.LIST_METHODS, "user '" + key + "'", () -> {
            var methods = client().users().byUserId(key).authentication().methods();
            return allPages(methods.get(), AuthenticationMethodCollectionResponse::getValue,
                    next -> methods.withUrl(next).get()).stream().map(AuthMethodMapping::map).toList();
        });
    }

    @Override
    public List<GroupRef> groupMemberships(String userId) {
        String key = requireKey(userId);
        return call(GraphOperation.LIST_GROUP_MEMBERSHIPS, "user '" + key + "'", () -> {
            var user = client().users().byUserId(key);
            GroupCollectionResponse first = client().getRequestAdapter().send(transitiveGroups(user, null),
                    GraphSteps.ERRORS, GroupCollectionResponse::createFromDiscriminatorValue);
            return allPages(first, GroupCollectionResponse::getValue, next -> user.transitiveMemberOf().graphGroup()
                    .withUrl(next).get(c -> c.headers.add(CONSISTENCY_LEVEL, EVENTUAL)))
                    .stream().map(group -> DirectoryMapping.group(group, false)).toList();
        });
    }

    /**
     * {@code GET /users/{id}/transitiveMemberOf/microsoft.graph.group}: the OData cast (and any $filter on it) is an
     * advanced query, so ConsistencyLevel and $count are required.
     *
     * @param filter a $filter, or null for every group
     */
    private static RequestInformation transitiveGroups(UserItemRequestBuilder user, String filter) {
        RequestInformation info = user.transitiveMemberOf().graphGroup().toGetRequestInformation(c -> {
            c.queryParameters.filter = filter;
            c.queryParameters.count = true;
            c.queryParameters.select = DirectoryMapping.GROUP_FIELDS;
            c.queryParameters.top = MAX_PAGE;
            c.headers.add(CONSISTENCY_LEVEL, EVENTUAL);
        });
        // the SDK writes the cast with Graph's namespace alias (graph.group); send the documented full name
        info.urlTemplate = info.urlTemplate.replace("/graph.group", "/microsoft.graph.group");
        return info;
    }

    @Override
    public MethodsPolicy methodsPolicy() {
        return call(GraphOperation.READ_METHODS_POLICY, "the authentication methods policy", () ->
                PolicyMapping.methodsPolicy(json(policyClient().policies().authenticationMethodsPolicy()
                        .toGetRequestInformation())));
    }

    @Override
    public List<ConditionalAccessPolicy> conditionalAccessPolicies() {
        return call(GraphOperation.LIST_CONDITIONAL_ACCESS_POLICIES, "the Conditional Access policies", () -> {
            var policies = policyClient().identity().conditionalAccess().policies();
            Map<String, AuthenticationStrength> strengths = new HashMap<>();
            List<ConditionalAccessPolicy> all = new ArrayList<>();
            eachJsonPage(policies.toGetRequestInformation(), next -> policies.withUrl(next).toGetRequestInformation(),
                    policy -> all.add(PolicyMapping.conditionalAccessPolicy(policy,
                            id -> strengths.computeIfAbsent(id, this::authenticationStrength))));
            return all;
        });
    }

    /** Every item of a JSON collection, through its {@code @odata.nextLink} chain. */
    private void eachJsonPage(RequestInformation first, Function<String, RequestInformation> next,
                              Consumer<JsonNode> item) {
        Set<String> followed = new HashSet<>();
        for (JsonNode page = json(first); page != null; ) {
            page.path("value").forEach(item);
            String link = page.path("@odata.nextLink").asText(null);
            page = link == null ? null : json(next.apply(absolute(cursor(pages.notFollowedYet(followed, link)))));
        }
    }

    @Override
    public TenantLicences licences() {
        return call(GraphOperation.READ_LICENCES, "the tenant's subscriptions", () -> {
            var skus = policyClient().subscribedSkus();
            Set<String> plans = new LinkedHashSet<>();
            List<String> partNumbers = new ArrayList<>();
            for (SubscribedSku sku : allPages(skus.get(), SubscribedSkuCollectionResponse::getValue,
                    next -> skus.withUrl(next).get())) {
                // a suspended or deleted subscription no longer serves; Warning is the grace period before that
                String status = sku.getCapabilityStatus() == null ? "" : sku.getCapabilityStatus();
                if (!status.equalsIgnoreCase("Enabled") && !status.equalsIgnoreCase("Warning")) {
                    continue;
                }
                if (sku.getSkuPartNumber() != null) {
                    partNumbers.add(sku.getSkuPartNumber());
                }
                List<ServicePlanInfo> servicePlans = sku.getServicePlans() == null ? List.of() : sku.getServicePlans();
                servicePlans.stream().map(ServicePlanInfo::getServicePlanId).filter(Objects::nonNull)
                        .forEach(id -> plans.add(id.toString()));
            }
            return new TenantLicences(plans, partNumbers);
        });
    }

    @Override
    public boolean securityDefaultsEnabled() {
        return call(GraphOperation.READ_SECURITY_DEFAULTS, "the security defaults policy", () -> {
            IdentitySecurityDefaultsEnforcementPolicy policy = policyClient().policies()
                    .identitySecurityDefaultsEnforcementPolicy().get();
            if (policy == null || policy.getIsEnabled() == null) {
                // the resource always carries isEnabled: an answer without it says nothing, and guessing "off"
                // would let the wizard plan a policy Graph then refuses
                throw new TenantException(TenantException.Kind.UNEXPECTED, "Graph answered the security defaults "
                        + "policy without isEnabled, so Gatehouse cannot tell whether security defaults are on.");
            }
            return policy.getIsEnabled();
        });
    }

    @Override
    public List<AuthenticationStrength> authenticationStrengths() {
        return call(GraphOperation.LIST_AUTHENTICATION_STRENGTHS, "the authentication strengths", () -> {
            // JSON, not the SDK model: it drops combinations such as "password,sms" (see PolicyMapping)
            var strengths = policyClient().policies().authenticationStrengthPolicies();
            List<AuthenticationStrength> all = new ArrayList<>();
            eachJsonPage(strengths.toGetRequestInformation(), next -> strengths.withUrl(next).toGetRequestInformation(),
                    strength -> all.add(PolicyMapping.authenticationStrength(strength)));
            return all;
        });
    }

    /**
     * No {@code $top}: the v1.0 page of this report documents {@code $filter} and {@code $orderby} only (an earlier
     * version said "supports only"), and no page size, default or largest; so Graph's own page size is taken, and
     * each page is one request. Each page is its own gateway call, so the caller's thread runs the consumer and an
     * interrupt between pages ends the read before the next request is sent.
     */
    @Override
    public RegistrationReportRead userRegistrationDetails(Consumer<List<UserRegistrationDetail>> pagesTo) {
        Objects.requireNonNull(pagesTo, "pagesTo");
        var report = policyClient().reports().authenticationMethods().userRegistrationDetails();
        Set<String> followed = new HashSet<>();
        int requests = 0;
        long rows = 0;
        String next = null;
        do {
            String link = next;
            ReportPage page = call(GraphOperation.READ_REGISTRATION_REPORT, "the user registration details report",
                    () -> {
                        JsonNode body = json(link == null ? report.toGetRequestInformation()
                                : report.withUrl(link).toGetRequestInformation());
                        List<UserRegistrationDetail> details = new ArrayList<>();
                        body.path("value").forEach(row -> details.add(RegistrationReportMapping.detail(row)));
                        return new ReportPage(details, body.path("@odata.nextLink").asText(null),
                                CancellableCalls.currentAttempts());
                    });
            requests += page.attempts();
            rows += page.rows().size();
            pagesTo.accept(page.rows());
            next = page.nextLink() == null ? null : absolute(cursor(pages.notFollowedYet(followed, page.nextLink())));
        } while (next != null);
        return new RegistrationReportRead(requests, rows);
    }

    /** One page of the report, and the HTTP attempts it took (a throttled one and its retry count two). */
    private record ReportPage(List<UserRegistrationDetail> rows, String nextLink, int attempts) {
    }

    @Override
    public List<WhatIfResult> whatIf(WhatIfQuery query) {
        String key = requireKey(query.userId());
        return call(GraphOperation.EVALUATE_CONDITIONAL_ACCESS, "user '" + key + "'", () -> {
            JsonNode answer = json(policyClient().identity().conditionalAccess().evaluate()
                    .toPostRequestInformation(whatIfBody(key, query)));
            Map<String, AuthenticationStrength> strengths = new HashMap<>();
            List<WhatIfResult> results = new ArrayList<>();
            // the answer is one collection of every policy (a tenant holds at most a few hundred): Graph documents no
            // paging for this action
            for (JsonNode result : answer.path("value")) {
                Set<String> reasons = new LinkedHashSet<>();
                for (String reason : result.path("analysisReasons").asText("").split(",")) {
                    if (!reason.isBlank() && !reason.strip().equals("notSet")) {
                        reasons.add(reason.strip());
                    }
                }
                results.add(new WhatIfResult(PolicyMapping.conditionalAccessPolicy(result,
                        id -> strengths.computeIfAbsent(id, this::authenticationStrength)),
                        result.path("policyApplies").asBoolean(false), reasons));
            }
            return results;
        });
    }

    /**
     * The evaluate body through the SDK's models, so its {@code @odata.type}s are the SDK's: a user signing in to
     * register security information or to the question's applications, with the device's compliance and platform when the question gives them.
     * Every policy is asked for ({@code appliedPoliciesOnly: false}), so the table can say why one does not apply.
     */
    private static EvaluatePostRequestBody whatIfBody(String userId, WhatIfQuery query) {
        UserSignIn identity = new UserSignIn();
        identity.setUserId(userId);
        SignInContext context;
        if (query.aboutApplications()) {
            ApplicationContext apps = new ApplicationContext();
            apps.setIncludeApplications(new ArrayList<>(query.applications()));
            context = apps;
        } else {
            UserActionContext action = new UserActionContext();
            action.setUserAction(UserAction.RegisterSecurityInformation);
            context = action;
        }
        SignInConditions conditions = new SignInConditions();
        query.compliantDevice().ifPresent(compliant -> {
            DeviceInfo device = new DeviceInfo();
            device.setIsCompliant(compliant);
            conditions.setDeviceInfo(device);
        });
        query.devicePlatform().ifPresent(platform -> conditions.setDevicePlatform(devicePlatform(platform)));
        EvaluatePostRequestBody body = new EvaluatePostRequestBody();
        body.setSignInIdentity(identity);
        body.setSignInContext(context);
        body.setSignInConditions(conditions);
        body.setAppliedPoliciesOnly(false);
        return body;
    }

    private static ConditionalAccessDevicePlatform devicePlatform(String platform) {
        for (ConditionalAccessDevicePlatform value : ConditionalAccessDevicePlatform.values()) {
            if (value.getValue().equalsIgnoreCase(platform.strip())
                    && value != ConditionalAccessDevicePlatform.UnknownFutureValue) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown device platform '" + platform + "'; Graph knows android, iOS, "
                + "windows, windowsPhone, macOS and linux");
    }

    @Override
    public List<RegistrationEvent> registrationEvents(String userId, Instant since) {
        String key = requireKey(userId);
        return call(GraphOperation.LIST_REGISTRATION_AUDITS, "user '" + key + "'", () -> {
            var audits = client().auditLogs().directoryAudits();
            DirectoryAuditCollectionResponse first = audits.get(c ->
                    c.queryParameters.filter = AuditMapping.registrationsFilter(key, since));
            return allPages(first, DirectoryAuditCollectionResponse::getValue, next -> audits.withUrl(next).get())
                    .stream().map(AuditMapping::registration).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(RegistrationEvent::at).reversed()).toList();
        });
    }

    @Override
    public Optional<GroupRef> findGroup(String groupId) {
        return groups.find(groupId);
    }

    @Override
    public List<GroupRef> groupsNamed(String displayName) {
        return groups.named(displayName);
    }

    @Override
    public List<GroupRef> roleAssignableGroups() {
        return groups.roleAssignable();
    }

    @Override
    public List<DirectoryPrincipal> groupMembers(String groupId) {
        return groups.members(groupId);
    }

    @Override
    public List<DirectoryPrincipal> roleHolders(String roleTemplateId) {
        return groups.roleHolders(roleTemplateId);
    }

    @Override
    public List<DirectoryPrincipal> groupOwners(String groupId) {
        return groups.owners(groupId);
    }

    @Override
    public List<LicenceAssignment> licenceAssignments(String userId) {
        return breakGlass.licenceAssignments(userId);
    }

    @Override
    public Optional<SignInRecord> lastSignIn(String userId) {
        return breakGlass.lastSignIn(userId);
    }

    @Override
    public List<AuditRecord> auditEvents(String targetObjectId, Instant since) {
        return breakGlass.auditEvents(targetObjectId, since);
    }

    @Override
    public List<AuditRecord> auditLog(Instant since) {
        return breakGlass.auditLog(since);
    }

    @Override
    public List<AuthMethod> fido2Methods(String userId) {
        return breakGlass.fido2Methods(userId);
    }

    @Override
    public List<dev.gatehouse.domain.role.RoleSchedule> roleSchedules(String principalId) {
        return breakGlass.roleSchedules(principalId);
    }

    @Override
    public Optional<dev.gatehouse.domain.role.ActiveAssignmentRule> activeAssignmentRule(String roleTemplateId) {
        return breakGlass.activeAssignmentRule(roleTemplateId);
    }

    /** A strength a CA policy names without its combinations ({@code GET /policies/authenticationStrengthPolicies/{id}}). */
    private AuthenticationStrength authenticationStrength(String id) {
        return call(GraphOperation.READ_AUTHENTICATION_STRENGTH, "authentication strength '" + id + "'", () ->
                PolicyMapping.authenticationStrength(json(policyClient().policies().authenticationStrengthPolicies()
                        .byAuthenticationStrengthPolicyId(id).toGetRequestInformation())));
    }

    /** A response body as JSON (see {@link PolicyMapping} for why policies are not read through the SDK models). */
    private JsonNode json(RequestInformation request) {
        return JsonRequests.send(policyClient(), request);
    }

    /**
     * Profile, role-assignable groups, methods and directly assigned roles in one batch; then the roles granted
     * through those groups (and the direct ones when only a UPN was known) in a second.
     *
     * @param knownId the user's object id when the caller already has it, so direct roles join the first batch
     */
    private Optional<UserDetail> readUser(UserItemRequestBuilder user, String knownId, GraphOperation profileOperation,
                                          String subject, boolean withMethods) {
        GraphStep<User> profile = new GraphStep<>("profile", profileOperation, subject,
                user.toGetRequestInformation(c -> c.queryParameters.select = DirectoryMapping.USER_PROFILE_FIELDS),
                User::createFromDiscriminatorValue);
        var groupsRequest = user.transitiveMemberOf().graphGroup();
        GraphStep<GroupCollectionResponse> groups = new GraphStep<>("groups",
                GraphOperation.LIST_ROLE_ASSIGNABLE_GROUPS, subject,
                transitiveGroups(user, "isAssignableToRole eq true"),
                GroupCollectionResponse::createFromDiscriminatorValue);
        GraphStep<AuthenticationMethodCollectionResponse> methods = new GraphStep<>("methods",
                GraphOperation.LIST_METHODS, subject, user.authentication().methods().toGetRequestInformation(),
                AuthenticationMethodCollectionResponse::createFromDiscriminatorValue);

        List<GraphStep<?>> first = new ArrayList<>(List.of(profile, groups));
        if (withMethods) {
            first.add(methods);
        }
        GraphStep<UnifiedRoleAssignmentCollectionResponse> direct = knownId == null ? null
                : roleAssignments("roles", knownId, subject);
        if (direct != null) {
            first.add(direct);
        }
        GraphSteps.Results firstResults = steps().run(first);
        if (firstResults.failedWith(profile, 404)) {
            return Optional.empty();
        }
        User found = firstResults.value(profile);

        Map<UserDetail.Part, String> unreadable = new EnumMap<>(UserDetail.Part.class);
        List<Group> memberships = readable(unreadable, UserDetail.Part.ROLES, () -> allPages(firstResults.value(groups),
                GroupCollectionResponse::getValue,
                next -> groupsRequest.withUrl(next).get(c -> c.headers.add(CONSISTENCY_LEVEL, EVENTUAL))));
        List<GraphStep<?>> second = new ArrayList<>();
        if (direct == null) {
            direct = roleAssignments("roles", found.getId(), subject);
            second.add(direct);
        }
        List<GraphStep<UnifiedRoleAssignmentCollectionResponse>> viaGroups = new ArrayList<>();
        for (int i = 0; i < memberships.size(); i++) {
            Group group = memberships.get(i);
            viaGroups.add(roleAssignments("group-roles-" + i, group.getId(),
                    "role-assignable group '" + DirectoryMapping.group(group, true).displayName() + "'"));
        }
        second.addAll(viaGroups);
        GraphSteps.Results secondResults = second.isEmpty() ? firstResults : steps().run(second);

        GraphSteps.Results directResults = knownId == null ? secondResults : firstResults;
        GraphStep<UnifiedRoleAssignmentCollectionResponse> directStep = direct;
        List<GroupRef> groupRefs = memberships.stream().map(g -> DirectoryMapping.group(g, true)).toList();
        List<RoleAssignment> roles = readable(unreadable, UserDetail.Part.ROLES, () -> {
            List<RoleAssignment> all = new ArrayList<>(roles(directResults, directStep, null));
            for (int i = 0; i < viaGroups.size(); i++) {
                all.addAll(roles(secondResults, viaGroups.get(i), groupRefs.get(i).displayName()));
            }
            return all;
        });
        List<AuthMethod> methodList = !withMethods ? List.of() : readable(unreadable, UserDetail.Part.METHODS,
                () -> allPages(firstResults.value(methods), AuthenticationMethodCollectionResponse::getValue,
                        next -> user.authentication().methods().withUrl(next).get())
                        .stream().map(AuthMethodMapping::map).toList());
        return Optional.of(new UserDetail(DirectoryMapping.profile(found), roles, groupRefs, methodList, unreadable));
    }

    /**
     * The part's value, or an empty list when the admin may see the user but not this part (a help-desk admin
     * without a methods-reading role): the reason is kept so the screen can say what is missing and why.
     * Anything else (network, throttling) still fails the lookup.
     */
    private static <T> List<T> readable(Map<UserDetail.Part, String> unreadable, UserDetail.Part part,
                                        Supplier<List<T>> read) {
        if (unreadable.containsKey(part)) {
            return List.of();
        }
        try {
            return read.get();
        } catch (TenantException e) {
            if (e.kind() != TenantException.Kind.MISSING_ROLE && e.kind() != TenantException.Kind.MISSING_PERMISSION
                    && e.kind() != TenantException.Kind.MISSING_LICENCE) {
                throw e;
            }
            unreadable.put(part, e.getMessage());
            return List.of();
        }
    }

    private GraphStep<UnifiedRoleAssignmentCollectionResponse> roleAssignments(String id, String principalId,
                                                                               String subject) {
        return new GraphStep<>(id, GraphOperation.LIST_ROLE_ASSIGNMENTS, subject,
                client().roleManagement().directory().roleAssignments().toGetRequestInformation(c -> {
                    c.queryParameters.filter = "principalId eq '" + principalId.replace("'", "''") + "'";
                    c.queryParameters.expand = new String[]{"roleDefinition"};
                }), UnifiedRoleAssignmentCollectionResponse::createFromDiscriminatorValue);
    }

    private List<RoleAssignment> roles(GraphSteps.Results results,
                                       GraphStep<UnifiedRoleAssignmentCollectionResponse> step, String viaGroup) {
        var assignments = client().roleManagement().directory().roleAssignments();
        return allPages(results.value(step), UnifiedRoleAssignmentCollectionResponse::getValue,
                next -> assignments.withUrl(next).get()).stream()
                .map(a -> DirectoryMapping.role(a, viaGroup)).toList();
    }

    private <T, C extends BaseCollectionPaginationCountResponse> List<T> allPages(
            C first, Function<C, List<T>> items, Function<String, C> fetch) {
        return pages.all(first, items, fetch);
    }

    private String cursor(String nextLink) {
        return pages.cursor(nextLink);
    }

    private String absolute(String cursor) {
        return pages.absolute(cursor);
    }

    static String requireKey(String idOrUpn) {
        if (idOrUpn == null || idOrUpn.isBlank()) {
            throw new IllegalArgumentException("A user object id or user principal name is required");
        }
        return idOrUpn.strip();
    }

    private GraphServiceClient client() {
        return gateway.client(PERMISSIONS);
    }

    private GraphServiceClient policyClient() {
        return gateway.client(PermissionSet.POLICIES_READ);
    }

    private GraphSteps steps() {
        return new GraphSteps(client(), gateway.serviceRoot(), gateway.retryPolicy(), gateway.errors(),
                gateway.recorder());
    }

    private <T> T call(GraphOperation operation, String subject, Supplier<T> work) {
        return gateway.call(operation, subject, work);
    }
}
