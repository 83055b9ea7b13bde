package dev.gatehouse.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.Wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * PIM's settings for each directory role ({@code unifiedRoleManagementPolicyAssignment} with its policy, kept under
 * {@code _policy} for {@code $expand}): by default the expiration rules of the documented example
 * (policyroot-list-rolemanagementpolicyassignments, Example 2) — eligibility up to {@code P365D} and active assignments
 * up to {@code P180D}, both may be permanent; an activation at most {@code PT8H}. A scenario's
 * {@code roleManagementPolicyAssignments} entries name a {@code roleDefinitionId} and are merged onto that role's
 * default, rules matched on their {@code id}.
 */
final class PimPolicies {

    private PimPolicies() {
    }

    static void load(TenantState state, List<ObjectNode> overrides) {
        for (ObjectNode definition : state.roles().definitions()) {
            state.roleManagementPolicyAssignments().add(assignment(state.tenantId(),
                    definition.path("templateId").asText().toLowerCase(Locale.ROOT)));
        }
        for (ObjectNode override : overrides) {
            String role = override.path("roleDefinitionId").asText();
            ObjectNode target = state.roleManagementPolicyAssignments().stream()
                    .filter(a -> a.path("roleDefinitionId").asText().equalsIgnoreCase(role)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("roleManagementPolicyAssignments: unknown "
                            + "roleDefinitionId '" + role + "'"));
            if (override.get("policy") instanceof ObjectNode policy) {
                ScenarioFiles.merge((ObjectNode) target.get("_policy"), policy);
            }
        }
    }

    private static ObjectNode assignment(String tenantId, String roleId) {
        String policyId = "DirectoryRole_" + tenantId + "_" + UUID.nameUUIDFromBytes(("pim-policy:" + roleId)
                .getBytes(StandardCharsets.UTF_8));
        ObjectNode assignment = Wire.object().put("id", policyId + "_" + roleId).put("policyId", policyId)
                .put("scopeId", "/").put("scopeType", "DirectoryRole").put("roleDefinitionId", roleId);
        ObjectNode policy = assignment.putObject("_policy").put("id", policyId).put("displayName", "DirectoryRole")
                .put("description", "DirectoryRole").put("isOrganizationDefault", false).put("scopeId", "/")
                .put("scopeType", "DirectoryRole");
        policy.set("lastModifiedDateTime", NullNode.instance);
        policy.putObject("lastModifiedBy").putNull("displayName").putNull("id");
        ArrayNode rules = policy.putArray("rules");
        rules.add(expiration("Expiration_Admin_Eligibility", false, "P365D", "Admin", "Eligibility"));
        rules.add(expiration("Expiration_Admin_Assignment", false, "P180D", "Admin", "Assignment"));
        rules.add(expiration("Expiration_EndUser_Assignment", true, "PT8H", "EndUser", "Assignment"));
        return assignment;
    }

    private static JsonNode expiration(String id, boolean required, String maximum, String caller, String level) {
        ObjectNode rule = Wire.object().put("@odata.type", "#microsoft.graph.unifiedRoleManagementPolicyExpirationRule")
                .put("id", id).put("isExpirationRequired", required).put("maximumDuration", maximum);
        ObjectNode target = rule.putObject("target").put("caller", caller);
        target.putArray("operations").add("all");
        target.put("level", level);
        target.putArray("inheritableSettings");
        target.putArray("enforcedSettings");
        return rule;
    }
}
