package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.http.ApiCall;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.odata.DocumentShape;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.odata.TableShape;
import dev.gatehouse.sim.state.SimRoleAssignment;
import dev.gatehouse.sim.state.SimRoleEligibility;
import dev.gatehouse.sim.state.SimSchedule;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.Wire;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static dev.gatehouse.sim.wire.Wire.text;

/**
 * Privileged Identity Management's settings per role ({@code /policies/roleManagementPolicyAssignments}, with
 * {@code $expand=policy} or {@code policy($expand=rules)}; see {@code PimPolicies}) and its schedules, Graph v1.0: {@code /roleManagement/directory/roleAssignmentSchedules}
 * (every active assignment: one made through {@code POST …/roleAssignments} or a scenario's {@code roles} is listed
 * with {@code expiration.type} {@code noExpiration}, as the documented example shows) and
 * {@code …/roleEligibilitySchedules}, both with {@code $filter} (on principalId, roleDefinitionId…). Without Entra ID
 * P2 all three answer {@link GraphException#pimNotLicensed()}; the caller needs a role that reads PIM. Only schedules
 * of the principal itself are listed ({@code memberType} {@code Direct}).
 */
public final class PimApi {

    private static final String ASSIGNMENT_SCHEDULE = "microsoft.graph.unifiedRoleAssignmentSchedule";
    private static final String ELIGIBILITY_SCHEDULE = "microsoft.graph.unifiedRoleEligibilitySchedule";
    private static final String ASSIGNMENTS_CONTEXT = "roleManagement/directory/roleAssignmentSchedules";
    private static final String ELIGIBILITIES_CONTEXT = "roleManagement/directory/roleEligibilitySchedules";

    private static final TableShape<SimRoleAssignment> ASSIGNMENTS = PimApi.<SimRoleAssignment>scheduled(
                    ASSIGNMENT_SCHEDULE)
            .property("createdUsing", a -> NullNode.instance)
            .property("createdDateTime", a -> NullNode.instance)
            .property("modifiedDateTime", a -> NullNode.instance)
            .property("status", a -> text("Provisioned"))
            .property("assignmentType", a -> text(a.activated() ? "Activated" : "Assigned"))
            .property("memberType", a -> text("Direct"))
            .property("scheduleInfo", PimApi::scheduleInfo)
            .build();

    private static final TableShape<SimRoleEligibility> ELIGIBILITIES = PimApi.<SimRoleEligibility>scheduled(
                    ELIGIBILITY_SCHEDULE)
            .property("createdUsing", e -> text(e.id()))
            .property("createdDateTime", e -> Wire.dateTime(e.start()))
            .property("modifiedDateTime", e -> NullNode.instance)
            .property("status", e -> text("Provisioned"))
            .property("memberType", e -> text("Direct"))
            .property("scheduleInfo", PimApi::scheduleInfo)
            .build();

    private static final DocumentShape POLICY_ASSIGNMENTS = DocumentShape.open(
            "microsoft.graph.unifiedRoleManagementPolicyAssignment",
            Set.of("id", "policyId", "scopeId", "scopeType", "roleDefinitionId"));
    private static final String POLICY_ASSIGNMENTS_CONTEXT = "policies/roleManagementPolicyAssignments";

    private PimApi() {
    }

    public static void register(Router router) {
        router.get("/" + ASSIGNMENTS_CONTEXT, call -> {
                    requireReader(call);
                    return new Reply.Collection<>(ASSIGNMENTS, call.state().roleAssignments(), ASSIGNMENTS_CONTEXT,
                            null);
                })
                .get("/" + ELIGIBILITIES_CONTEXT, call -> {
                    requireReader(call);
                    return new Reply.Collection<>(ELIGIBILITIES, call.state().roleEligibilities(),
                            ELIGIBILITIES_CONTEXT, null);
                })
                .get("/" + POLICY_ASSIGNMENTS_CONTEXT, call -> {
                    requireReader(call);
                    return new Reply.Collection<>(POLICY_ASSIGNMENTS, call.state().roleManagementPolicyAssignments(),
                            POLICY_ASSIGNMENTS.typeName(), POLICY_ASSIGNMENTS_CONTEXT, null, false, Map.of(
                            "policy", a -> withoutRules(a.get("_policy")),
                            "policy($expand=rules)", a -> a.get("_policy").deepCopy()));
                });
    }

    private static JsonNode withoutRules(JsonNode policy) {
        ObjectNode copy = policy.deepCopy();
        copy.remove("rules");
        return copy;
    }

    /** The properties every schedule starts with, in the documented order. */
    private static <T extends SimSchedule> TableShape.Builder<T> scheduled(String type) {
        return TableShape.<T>builder(type)
                .property("id", s -> text(s.id()))
                .property("principalId", s -> text(s.principalId()))
                .property("roleDefinitionId", s -> text(s.roleDefinitionId()))
                .property("directoryScopeId", s -> text(s.directoryScopeId()))
                .property("appScopeId", s -> NullNode.instance);
    }

    /** A {@code requestSchedule}: no recurrence, and an {@code expirationPattern} with the end as a date-time. */
    private static JsonNode scheduleInfo(SimSchedule schedule) {
        Instant start = schedule.start();
        Instant end = schedule.end();
        ObjectNode info = Wire.object();
        info.set("startDateTime", Wire.dateTime(start));
        info.set("recurrence", NullNode.instance);
        ObjectNode expiration = info.putObject("expiration");
        expiration.put("type", end == null ? "noExpiration" : "afterDateTime");
        expiration.set("endDateTime", Wire.dateTime(end));
        expiration.set("duration", NullNode.instance);
        return info;
    }

    private static void requireReader(ApiCall call) {
        if (!call.state().hasEntraIdP2()) {
            throw GraphException.pimNotLicensed();
        }
        if (!call.rules().canReadPrivilegedIdentityManagement(call.actor())) {
            throw GraphException.insufficientPrivileges();
        }
    }
}
