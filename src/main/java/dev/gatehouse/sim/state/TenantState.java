package dev.gatehouse.sim.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Everything the demo tenant holds: directory objects, role assignments, authentication methods and the
 * tenant's policy documents (kept as Graph JSON). Thread-safe through one read/write lock: GET requests
 * run under {@link #read}, everything else under {@link #write}; the accessors below assume the caller
 * holds the lock.
 */
public final class TenantState {

    /** Entra ID P2 ({@code AAD_PREMIUM_P2}) service plan id: Privileged Identity Management needs it. */
    private static final String P2_PLAN = "eec0eb4f-6444-4f95-aba0-50c24d67f998";
    /** Entra ID P1 ({@code AAD_PREMIUM}) and P2 ({@code AAD_PREMIUM_P2}) service plan ids. */
    private static final Set<String> PREMIUM_PLANS = Set.of("41781fb2-bc02-4b7c-bd55-b576c07bb09d", P2_PLAN);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final String scenario;
    private final String tenantId;
    private final Clock clock;
    private final RoleCatalog roles = RoleCatalog.builtIn();
    private final MethodStore methods;
    private final Map<String, SimUser> usersById = new LinkedHashMap<>();
    private final Map<String, SimUser> usersByUpn = new HashMap<>();
    private final Map<String, SimGroup> groupsById = new LinkedHashMap<>();
    private final List<SimRoleAssignment> roleAssignments = new ArrayList<>();
    private final List<SimRoleEligibility> roleEligibilities = new ArrayList<>();
    private final List<ObjectNode> conditionalAccessPolicies = new ArrayList<>();
    private final List<ObjectNode> authenticationStrengthPolicies = new ArrayList<>();
    private final List<ObjectNode> subscribedSkus = new ArrayList<>();
    private final List<ObjectNode> directoryAudits = new ArrayList<>();
    private final List<ObjectNode> signIns = new ArrayList<>();
    private final List<ObjectNode> roleManagementPolicyAssignments = new ArrayList<>();
    private ObjectNode organization;
    private ObjectNode authenticationMethodsPolicy;
    private boolean securityDefaultsEnabled;
    private String signedInAdminId;
    private String scenarioAdminId;
    private PasswordHash demoPassword;
    private final Map<String, SimOperation> operations = new HashMap<>();
    private final Map<String, TapSession> tapSessions = new HashMap<>();
    private final Map<String, PasswordHash> tapCodes = new HashMap<>();

    public TenantState(String scenario, String tenantId, Clock clock, MethodStore methods) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.methods = Objects.requireNonNull(methods, "methods");
    }

    public <R> R read(Supplier<R> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <R> R write(Supplier<R> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public String scenario() {
        return scenario;
    }

    public String tenantId() {
        return tenantId;
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    public RoleCatalog roles() {
        return roles;
    }

    public MethodStore methods() {
        return methods;
    }

    // ---- users

    public List<SimUser> users() {
        return new ArrayList<>(usersById.values());
    }

    public int userCount() {
        return usersById.size();
    }

    /** By object id or user principal name (case-insensitive), as {@code /users/{id | userPrincipalName}}. */
    public Optional<SimUser> user(String idOrUpn) {
        SimUser byId = usersById.get(idOrUpn.toLowerCase(Locale.ROOT));
        return byId != null ? Optional.of(byId) : Optional.ofNullable(usersByUpn.get(idOrUpn.toLowerCase(Locale.ROOT)));
    }

    public void addUser(SimUser user) {
        String key = user.userPrincipalName().toLowerCase(Locale.ROOT);
        if (usersById.containsKey(user.id().toLowerCase(Locale.ROOT)) || usersByUpn.containsKey(key)) {
            throw new IllegalArgumentException("A user with id " + user.id() + " or UPN "
                    + user.userPrincipalName() + " already exists");
        }
        usersById.put(user.id().toLowerCase(Locale.ROOT), user);
        usersByUpn.put(key, user);
    }

    public void changeUserPrincipalName(SimUser user, String newUpn) {
        usersByUpn.remove(user.userPrincipalName().toLowerCase(Locale.ROOT));
        user.userPrincipalName(newUpn);
        usersByUpn.put(newUpn.toLowerCase(Locale.ROOT), user);
    }

    public void removeUser(String id) {
        SimUser removed = usersById.remove(id.toLowerCase(Locale.ROOT));
        if (removed != null) {
            usersByUpn.remove(removed.userPrincipalName().toLowerCase(Locale.ROOT));
            groupsById.values().forEach(g -> {
                g.members().remove(removed.id());
                g.owners().remove(removed.id());
            });
            roleAssignments.removeIf(a -> a.principalId().equalsIgnoreCase(removed.id()));
            roleEligibilities.removeIf(e -> e.principalId().equalsIgnoreCase(removed.id()));
            methods.remove(removed.id());
        }
    }

    /** The admin a token that names no user acts as. */
    public Optional<SimUser> signedInAdmin() {
        return signedInAdminId == null ? Optional.empty() : user(signedInAdminId);
    }

    public void signedInAdmin(String userId) {
        signedInAdminId = userId;
    }

    /** The admin the scenario names, whom a trainer's {@code /_demo/actor} switch returns to. */
    public Optional<SimUser> scenarioAdmin() {
        return scenarioAdminId == null ? Optional.empty() : user(scenarioAdminId);
    }

    /** Names the scenario's admin and makes plain tokens act as them. */
    public void scenarioAdmin(String userId) {
        scenarioAdminId = userId;
        signedInAdminId = userId;
    }

    /** The password every scenario user has until it is changed; empty when the scenario sets none. */
    public Optional<PasswordHash> demoPassword() {
        return Optional.ofNullable(demoPassword);
    }

    public void demoPassword(PasswordHash value) {
        demoPassword = value;
    }

    /** Whether the candidate is the user's current password (their own, else the scenario's demo password). */
    public boolean passwordMatches(SimUser user, String candidate) {
        return user.password().or(this::demoPassword).map(hash -> hash.matches(candidate)).orElse(false);
    }

    // ---- long-running operations (password resets)

    public void addOperation(SimOperation operation) {
        operations.put(operation.id().toLowerCase(Locale.ROOT), operation);
    }

    public Optional<SimOperation> operation(String id) {
        return Optional.ofNullable(operations.get(id.toLowerCase(Locale.ROOT)));
    }

    public List<SimOperation> operationsOf(String userId) {
        return operations.values().stream().filter(o -> o.userId().equalsIgnoreCase(userId))
                .sorted(Comparator.comparing(SimOperation::createdDateTime)).toList();
    }

    // ---- Temporary Access Pass codes, kept only as hashes so a demo sign-in can check one

    public void tapCode(String methodId, PasswordHash code) {
        tapCodes.put(methodId.toLowerCase(Locale.ROOT), code);
    }

    /** Empty for a pass whose code the tenant never saw (one from a scenario file). */
    public Optional<PasswordHash> tapCode(String methodId) {
        return Optional.ofNullable(tapCodes.get(methodId.toLowerCase(Locale.ROOT)));
    }

    // ---- demo sign-in sessions

    /** The user's current Temporary Access Pass sign-in (demo controls), if any. */
    public Optional<TapSession> tapSession(String userId) {
        return Optional.ofNullable(tapSessions.get(userId.toLowerCase(Locale.ROOT)));
    }

    public void tapSession(TapSession session) {
        tapSessions.put(session.userId().toLowerCase(Locale.ROOT), session);
    }

    public void endTapSession(String userId) {
        tapSessions.remove(userId.toLowerCase(Locale.ROOT));
    }

    // ---- groups

    public List<SimGroup> groups() {
        return new ArrayList<>(groupsById.values());
    }

    public Optional<SimGroup> group(String id) {
        return Optional.ofNullable(groupsById.get(id.toLowerCase(Locale.ROOT)));
    }

    public void addGroup(SimGroup group) {
        if (groupsById.putIfAbsent(group.id().toLowerCase(Locale.ROOT), group) != null) {
            throw new IllegalArgumentException("A group with id " + group.id() + " already exists");
        }
    }

    /**
     * Removes the group, its place in other groups and the roles assigned to it. Policies that name it keep the id,
     * as Entra's do after a deletion.
     */
    public void removeGroup(String id) {
        SimGroup removed = groupsById.remove(id.toLowerCase(Locale.ROOT));
        if (removed != null) {
            groupsById.values().forEach(g -> g.members().remove(removed.id()));
            roleAssignments.removeIf(a -> a.principalId().equalsIgnoreCase(removed.id()));
            roleEligibilities.removeIf(e -> e.principalId().equalsIgnoreCase(removed.id()));
        }
    }

    /** Groups that list the object as a direct member. */
    public List<SimGroup> groupsWithMember(String objectId) {
        return groupsById.values().stream().filter(g -> g.members().contains(objectId)).toList();
    }

    /** Groups the object belongs to directly or through nested groups. */
    public List<SimGroup> transitiveGroupsOf(String objectId) {
        Set<SimGroup> found = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(objectId));
        while (!pending.isEmpty()) {
            for (SimGroup group : groupsWithMember(pending.pop())) {
                if (found.add(group)) {
                    pending.push(group.id());
                }
            }
        }
        return new ArrayList<>(found);
    }

    // ---- licences

    /**
     * The user's licences as {@code licenseAssignmentStates} lists them: the direct ones, then one per SKU of each
     * licensed group the user is a direct member of (group-based licensing does not reach members of nested groups:
     * Entra "Scenarios, limitations, and known issues using groups to manage licensing"). The demo tenant applies a
     * group's licences at once, where Entra processes them in the background.
     */
    public List<SimLicenceAssignment> licenceAssignmentsOf(SimUser user) {
        List<SimLicenceAssignment> assignments = new ArrayList<>();
        user.directSkuIds().forEach(skuId -> assignments.add(new SimLicenceAssignment(skuId, null)));
        for (SimGroup group : groupsWithMember(user.id())) {
            group.licensedSkuIds().forEach(skuId -> assignments.add(new SimLicenceAssignment(skuId, group.id())));
        }
        return assignments;
    }

    /** The SKUs the user holds, directly or through a group, each once: what {@code assignedLicenses} lists. */
    public List<String> heldSkuIds(SimUser user) {
        Map<String, String> held = new LinkedHashMap<>();
        licenceAssignmentsOf(user).forEach(a -> held.putIfAbsent(a.skuId().toLowerCase(Locale.ROOT), a.skuId()));
        return List.copyOf(held.values());
    }

    // ---- roles

    /** The assignments in force now: one PIM made time-bound is gone once it ends, as Entra removes it. */
    public List<SimRoleAssignment> roleAssignments() {
        Instant now = now();
        return roleAssignments.stream().filter(a -> a.activeAt(now)).toList();
    }

    /** Adds the assignment, starting now unless it says when it started. */
    public void addRoleAssignment(SimRoleAssignment assignment) {
        roleAssignments.add(assignment.start() == null ? assignment.startingAt(now()) : assignment);
    }

    /** The PIM eligibilities that have not ended. */
    public List<SimRoleEligibility> roleEligibilities() {
        Instant now = now();
        return roleEligibilities.stream().filter(e -> e.activeAt(now)).toList();
    }

    public void addRoleEligibility(SimRoleEligibility eligibility) {
        roleEligibilities.add(eligibility);
    }

    public boolean removeRoleAssignment(String id) {
        return roleAssignments.removeIf(a -> a.id().equals(id));
    }

    /** Assignments made to the principal itself (not through groups). */
    public List<SimRoleAssignment> assignmentsOf(String principalId) {
        return roleAssignments().stream().filter(a -> a.principalId().equalsIgnoreCase(principalId)).toList();
    }

    // ---- documents

    public ObjectNode organization() {
        return organization;
    }

    public void organization(ObjectNode value) {
        organization = value;
    }

    public ObjectNode authenticationMethodsPolicy() {
        return authenticationMethodsPolicy;
    }

    public void authenticationMethodsPolicy(ObjectNode value) {
        authenticationMethodsPolicy = value;
    }

    /** {@code identitySecurityDefaultsEnforcementPolicy.isEnabled}: the one part of that policy a tenant sets. */
    public boolean securityDefaultsEnabled() {
        return securityDefaultsEnabled;
    }

    public void securityDefaultsEnabled(boolean value) {
        securityDefaultsEnabled = value;
    }

    /** One configuration of the authentication methods policy by its id (e.g. {@code Fido2}), ignoring case. */
    public Optional<ObjectNode> authenticationMethodConfiguration(String id) {
        if (authenticationMethodsPolicy == null) {
            return Optional.empty();
        }
        for (JsonNode configuration : authenticationMethodsPolicy.path("authenticationMethodConfigurations")) {
            if (configuration.path("id").asText().equalsIgnoreCase(id)) {
                return Optional.of((ObjectNode) configuration);
            }
        }
        return Optional.empty();
    }

    public List<ObjectNode> conditionalAccessPolicies() {
        return conditionalAccessPolicies;
    }

    public List<ObjectNode> authenticationStrengthPolicies() {
        return authenticationStrengthPolicies;
    }

    public List<ObjectNode> subscribedSkus() {
        return subscribedSkus;
    }

    /** The tenant's directory audit log, oldest first; writes append to it. */
    public List<ObjectNode> directoryAudits() {
        return directoryAudits;
    }

    public List<ObjectNode> signIns() {
        return signIns;
    }

    /** PIM's settings per directory role, each with its policy under {@code _policy}. */
    public List<ObjectNode> roleManagementPolicyAssignments() {
        return roleManagementPolicyAssignments;
    }

    /** Whether a subscribed SKU carries an enabled Entra ID P1 or P2 service plan. */
    public boolean hasEntraIdPremium() {
        return hasServicePlan(PREMIUM_PLANS);
    }

    /** Whether a subscribed SKU carries an enabled Entra ID P2 service plan, which PIM needs. */
    public boolean hasEntraIdP2() {
        return hasServicePlan(Set.of(P2_PLAN));
    }

    private boolean hasServicePlan(Set<String> plans) {
        for (ObjectNode sku : subscribedSkus) {
            String status = sku.path("capabilityStatus").asText();
            if (!status.equals("Enabled") && !status.equals("Warning")) {
                continue;
            }
            for (JsonNode plan : sku.path("servicePlans")) {
                if (plans.contains(plan.path("servicePlanId").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A short description for the demo controls and logs. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", scenario);
        summary.put("tenantId", tenantId);
        summary.put("users", usersById.size());
        summary.put("groups", groupsById.size());
        summary.put("roleAssignments", roleAssignments.size());
        summary.put("conditionalAccessPolicies", conditionalAccessPolicies.size());
        summary.put("entraIdPremium", hasEntraIdPremium());
        summary.put("signedInAdmin", signedInAdmin().map(SimUser::userPrincipalName).orElse(null));
        return summary;
    }
}
