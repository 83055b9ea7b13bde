package dev.gatehouse.graph;

import com.microsoft.graph.models.DirectoryAuditCollectionResponse;
import com.microsoft.graph.models.Fido2AuthenticationMethodCollectionResponse;
import com.microsoft.graph.models.LicenseAssignmentState;
import com.microsoft.graph.models.SignIn;
import com.microsoft.graph.models.SignInCollectionResponse;
import com.microsoft.graph.models.ExpirationPattern;
import com.microsoft.graph.models.ExpirationPatternType;
import com.microsoft.graph.models.RequestSchedule;
import com.microsoft.graph.models.UnifiedRoleAssignmentScheduleCollectionResponse;
import com.microsoft.graph.models.UnifiedRoleEligibilityScheduleCollectionResponse;
import com.microsoft.graph.models.UnifiedRoleManagementPolicyAssignment;
import com.microsoft.graph.models.UnifiedRoleManagementPolicyAssignmentCollectionResponse;
import com.microsoft.graph.models.UnifiedRoleManagementPolicyExpirationRule;
import com.microsoft.graph.models.UnifiedRoleScheduleBase;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.role.ActiveAssignmentRule;
import dev.gatehouse.domain.role.RoleSchedule;
import dev.gatehouse.domain.tenant.AuditRecord;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.LicenceAssignment;
import dev.gatehouse.domain.tenant.SignInRecord;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the break-glass health view reads about one emergency-access account beyond its profile: licences and where
 * they come from, the newest sign-in, the audit trail, its passkeys, its PIM schedules, and PIM's settings for its
 * role. Each is one documented v1.0 request (see the
 * {@link GraphOperation} entries), the audit trail paged up to {@link TenantDirectory#AUDIT_EVENTS_CAP} entries.
 */
final class GraphBreakGlassReads {

    /** The rule of a role's PIM policy that limits the active assignments an administrator makes. */
    private static final String ADMIN_ASSIGNMENT_EXPIRATION = "Expiration_Admin_Assignment";

    private final GraphGateway gateway;
    private final GraphPages pages;
    private final GraphGroupReads groups;

    GraphBreakGlassReads(GraphGateway gateway, GraphPages pages, GraphGroupReads groups) {
        this.gateway = gateway;
        this.pages = pages;
        this.groups = groups;
    }

    /**
     * {@code GET /users/{id}?$select=licenseAssignmentStates} (returned only on {@code $select}; user resource, v1.0),
     * then {@code GET /groups/{id}} once per group that licenses the user: {@code assignedByGroup} is a bare id, a
     * complex property no {@code $expand} reaches. A group the admin may not read leaves its licences nameless.
     */
    List<LicenceAssignment> licenceAssignments(String userId) {
        String key = GraphTenantDirectory.requireKey(userId);
        List<LicenseAssignmentState> states = call(GraphOperation.READ_ASSIGNED_LICENCES, user(key), () -> {
            User user = client().users().byUserId(key).get(c ->
                    c.queryParameters.select = new String[]{"licenseAssignmentStates"});
            return user == null || user.getLicenseAssignmentStates() == null ? List.<LicenseAssignmentState>of()
                    : user.getLicenseAssignmentStates();
        });
        Map<String, Optional<String>> groupNames = new HashMap<>();
        return states.stream().filter(s -> s.getSkuId() != null).map(state -> {
            String skuId = state.getSkuId().toString();
            String groupId = state.getAssignedByGroup();
            return groupId == null || groupId.isBlank() ? LicenceAssignment.direct(skuId)
                    : LicenceAssignment.inherited(skuId, groupId, groupNames.computeIfAbsent(groupId, this::groupName));
        }).toList();
    }

    private Optional<String> groupName(String groupId) {
        try {
            return groups.find(groupId).map(GroupRef::displayName);
        } catch (TenantException e) {
            if (e.endsEverything()) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** {@code GET /auditLogs/signIns?$filter=userId eq '…'&$top=1}: the log lists newest first. */
    Optional<SignInRecord> lastSignIn(String userId) {
        String key = GraphTenantDirectory.requireKey(userId);
        return call(GraphOperation.READ_SIGN_INS, user(key), () -> {
            SignInCollectionResponse page = client().auditLogs().signIns().get(c -> {
                c.queryParameters.filter = "userId eq '" + key.replace("'", "''") + "'";
                c.queryParameters.top = 1;
            });
            List<SignIn> signIns = page == null || page.getValue() == null ? List.of() : page.getValue();
            return signIns.stream().filter(s -> s.getCreatedDateTime() != null).findFirst()
                    .map(GraphBreakGlassReads::signIn);
        });
    }

    private static SignInRecord signIn(SignIn signIn) {
        Integer code = signIn.getStatus() == null ? null : signIn.getStatus().getErrorCode();
        String reason = signIn.getStatus() == null ? null : signIn.getStatus().getFailureReason();
        // a sign-in without a status says nothing about success; Graph always sends one, so -1 marks the gap
        return new SignInRecord(signIn.getCreatedDateTime().toInstant(), signIn.getAppDisplayName(),
                signIn.getIpAddress(), code == null ? -1 : code, reason);
    }

    /** {@code GET /auditLogs/directoryAudits?$filter=activityDateTime ge … and targetResources/any(t: t/id eq '…')}. */
    List<AuditRecord> auditEvents(String targetObjectId, Instant since) {
        String key = GraphTenantDirectory.requireKey(targetObjectId);
        Objects.requireNonNull(since, "since");
        return audits(AuditMapping.targetFilter(key, since), "directory object '" + key + "'");
    }

    /** {@code GET /auditLogs/directoryAudits?$filter=activityDateTime ge …}: the whole log since then. */
    List<AuditRecord> auditLog(Instant since) {
        Objects.requireNonNull(since, "since");
        return audits(AuditMapping.sinceFilter(since), "the directory audit log");
    }

    private List<AuditRecord> audits(String filter, String what) {
        return call(GraphOperation.LIST_AUDIT_EVENTS, what, () -> {
            var audits = client().auditLogs().directoryAudits();
            DirectoryAuditCollectionResponse first = audits.get(c -> c.queryParameters.filter = filter);
            return pages.upTo(TenantDirectory.AUDIT_EVENTS_CAP, first, DirectoryAuditCollectionResponse::getValue,
                            next -> audits.withUrl(next).get()).stream()
                    .map(AuditMapping::record).filter(Objects::nonNull)
                    .sorted(Comparator.comparing(AuditRecord::when).reversed()).toList();
        });
    }

    /** {@code GET /users/{id}/authentication/fido2Methods}. */
    List<AuthMethod> fido2Methods(String userId) {
        String key = GraphTenantDirectory.requireKey(userId);
        return call(GraphOperation.LIST_METHODS, user(key), () -> {
            var methods = client().users().byUserId(key).authentication().fido2Methods();
            return pages.all(methods.get(), Fido2AuthenticationMethodCollectionResponse::getValue,
                    next -> methods.withUrl(next).get()).stream().map(AuthMethodMapping::map).toList();
        });
    }

    /**
     * {@code GET /roleManagement/directory/roleAssignmentSchedules?$filter=principalId eq '…'}, then
     * {@code …/roleEligibilitySchedules} with the same filter, each followed through {@code @odata.nextLink}.
     */
    List<RoleSchedule> roleSchedules(String principalId) {
        String key = GraphTenantDirectory.requireKey(principalId);
        String filter = "principalId eq '" + key.replace("'", "''") + "'";
        return call(GraphOperation.READ_ROLE_SCHEDULES, "principal '" + key + "'", () -> {
            var directory = client().roleManagement().directory();
            var active = directory.roleAssignmentSchedules();
            var eligible = directory.roleEligibilitySchedules();
            List<RoleSchedule> schedules = new ArrayList<>();
            pages.all(active.get(c -> c.queryParameters.filter = filter),
                    UnifiedRoleAssignmentScheduleCollectionResponse::getValue, next -> active.withUrl(next).get())
                    .forEach(s -> schedules.add(schedule(s, "Activated".equalsIgnoreCase(s.getAssignmentType())
                            ? RoleSchedule.Kind.ACTIVATED : RoleSchedule.Kind.ASSIGNED, s.getScheduleInfo())));
            pages.all(eligible.get(c -> c.queryParameters.filter = filter),
                    UnifiedRoleEligibilityScheduleCollectionResponse::getValue, next -> eligible.withUrl(next).get())
                    .forEach(s -> schedules.add(schedule(s, RoleSchedule.Kind.ELIGIBLE, s.getScheduleInfo())));
            return schedules;
        });
    }

    /**
     * {@code GET /policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'DirectoryRole' and
     * roleDefinitionId eq '…'&$expand=policy($expand=rules)}, as the page's Example 2 sends it; the rule
     * {@code Expiration_Admin_Assignment} of the first assignment that carries it.
     */
    Optional<ActiveAssignmentRule> activeAssignmentRule(String roleTemplateId) {
        String key = GraphTenantDirectory.requireKey(roleTemplateId);
        return call(GraphOperation.READ_ROLE_POLICY, "role '" + key + "'", () -> {
            UnifiedRoleManagementPolicyAssignmentCollectionResponse page = client().policies()
                    .roleManagementPolicyAssignments().get(c -> {
                        c.queryParameters.filter = "scopeId eq '/' and scopeType eq 'DirectoryRole' and "
                                + "roleDefinitionId eq '" + key.replace("'", "''") + "'";
                        c.queryParameters.expand = new String[]{"policy($expand=rules)"};
                    });
            List<UnifiedRoleManagementPolicyAssignment> assignments = page == null || page.getValue() == null
                    ? List.of() : page.getValue();
            return assignments.stream().map(UnifiedRoleManagementPolicyAssignment::getPolicy).filter(Objects::nonNull)
                    .flatMap(policy -> policy.getRules() == null ? java.util.stream.Stream.empty()
                            : policy.getRules().stream())
                    .filter(rule -> rule instanceof UnifiedRoleManagementPolicyExpirationRule
                            && ADMIN_ASSIGNMENT_EXPIRATION.equals(rule.getId()))
                    .map(rule -> (UnifiedRoleManagementPolicyExpirationRule) rule).findFirst()
                    .map(rule -> new ActiveAssignmentRule(Boolean.TRUE.equals(rule.getIsExpirationRequired()),
                            Optional.ofNullable(rule.getMaximumDuration()).map(Object::toString)));
        });
    }

    /**
     * {@code scheduleInfo.expiration} (requestSchedule, expirationPattern): {@code noExpiration} is permanent;
     * {@code afterDateTime} ends at {@code endDateTime}, {@code afterDuration} at the start plus {@code duration}.
     */
    private static RoleSchedule schedule(UnifiedRoleScheduleBase base, RoleSchedule.Kind kind, RequestSchedule info) {
        ExpirationPattern expiration = info == null ? null : info.getExpiration();
        ExpirationPatternType type = expiration == null ? null : expiration.getType();
        Optional<Instant> end = Optional.empty();
        if (expiration != null && expiration.getEndDateTime() != null) {
            end = Optional.of(expiration.getEndDateTime().toInstant());
        } else if (expiration != null && expiration.getDuration() != null && info.getStartDateTime() != null) {
            end = Optional.of(info.getStartDateTime().plus(expiration.getDuration()).toInstant());
        }
        boolean permanent = type == ExpirationPatternType.NoExpiration;
        return new RoleSchedule(Objects.requireNonNullElse(base.getPrincipalId(), ""),
                Objects.requireNonNullElse(base.getRoleDefinitionId(), ""), base.getDirectoryScopeId(), kind,
                permanent, permanent ? Optional.empty() : end);
    }

    private GraphServiceClient client() {
        return gateway.client(PermissionSet.USERS_READ);
    }

    private static String user(String key) {
        return "user '" + key + "'";
    }

    private <T> T call(GraphOperation operation, String subject, Supplier<T> work) {
        return gateway.call(operation, subject, work);
    }
}
