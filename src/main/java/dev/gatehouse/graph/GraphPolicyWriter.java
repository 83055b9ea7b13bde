package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.identity.conditionalaccess.policies.PoliciesRequestBuilder;
import com.microsoft.graph.policies.authenticationmethodspolicy.authenticationmethodconfigurations.item.AuthenticationMethodConfigurationItemRequestBuilder;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.GraphPolicyJson;
import dev.gatehouse.domain.policy.MethodConfigurationChange;
import dev.gatehouse.domain.policy.MethodConfigurationSnapshot;
import dev.gatehouse.domain.policy.NewAuthenticationStrength;
import dev.gatehouse.domain.tenant.GroupExclusionChange;
import dev.gatehouse.domain.tenant.PolicyWriter;


/**
 * {@link PolicyWriter} over Microsoft Graph v1.0, with the {@link GraphTenantWriter} discipline: each request is one
 * {@link GraphOperation} through the gateway (cancellable, logged without bodies, errors mapped), sent once, so a
 * change Graph may or may not have carried out is reported as such. Requests come from the SDK's builders; bodies
 * are JSON ({@link JsonRequests}): {@link GraphPolicyJson}'s for strengths and Conditional Access, a
 * {@link MethodConfigurationPatch} for method configurations. Uses the {@link PermissionSet#POLICY_WRITES} scopes.
 */
final class GraphPolicyWriter implements PolicyWriter {

    private final GraphGateway gateway;

    GraphPolicyWriter(GraphGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public MethodConfigurationSnapshot changeMethodConfiguration(MethodConfigurationChange change) {
        String id = change.configurationId();
        JsonNode current = gateway.call(GraphOperation.READ_METHODS_POLICY, configurationSubject(id),
                () -> JsonRequests.send(client(), configuration(id).toGetRequestInformation()));
        MethodConfigurationPatch patch = MethodConfigurationPatch.of(current, change);
        patchConfiguration(id, patch.body());
        return patch.previous();
    }

    @Override
    public void restoreMethodConfiguration(MethodConfigurationSnapshot previous) {
        patchConfiguration(previous.configurationId(), previous.body());
    }

    private void patchConfiguration(String id, String body) {
        gateway.call(GraphOperation.UPDATE_METHOD_CONFIGURATION, configurationSubject(id), () -> JsonRequests.send(
                client(), JsonRequests.withBody(configuration(id).toGetRequestInformation(), HttpMethod.PATCH, body)));
    }

    @Override
    public AuthenticationStrength createAuthenticationStrength(NewAuthenticationStrength strength) {
        String subject = "the authentication strengths, for one named '" + strength.displayName() + "'";
        JsonNode created = gateway.call(GraphOperation.CREATE_AUTHENTICATION_STRENGTH, subject, () -> JsonRequests.send(
                client(), JsonRequests.withBody(client().policies().authenticationStrengthPolicies()
                        .toGetRequestInformation(), HttpMethod.POST, GraphPolicyJson.authenticationStrength(strength))));
        Created.id(created.path("id").asText(null), "the authentication strength '" + strength.displayName() + "'");
        return PolicyMapping.authenticationStrength(created);
    }

    @Override
    public void deleteAuthenticationStrength(String strengthId) {
        gateway.call(GraphOperation.DELETE_AUTHENTICATION_STRENGTH, "the authentication strength '" + strengthId + "'",
                () -> {
                    client().policies().authenticationStrengthPolicies().byAuthenticationStrengthPolicyId(strengthId)
                            .delete();
                    return null;
                });
    }

    @Override
    public ConditionalAccessPolicy createConditionalAccessPolicy(ConditionalAccessPolicy draft) {
        String subject = "the Conditional Access policies, for one named '" + draft.displayName() + "'";
        JsonNode created = gateway.call(GraphOperation.CREATE_CONDITIONAL_ACCESS_POLICY, subject, () ->
                JsonRequests.send(client(), JsonRequests.withBody(policies().toGetRequestInformation(), HttpMethod.POST,
                        GraphPolicyJson.conditionalAccessPolicy(draft))));
        Created.id(created.path("id").asText(null), "the Conditional Access policy '" + draft.displayName() + "'");
        // the policy exists now: its id must reach the caller (for the undo), so the strength Graph may have left
        // out of the answer is taken from the draft, never read back in a call that could fail
        return PolicyMapping.conditionalAccessPolicy(created, id -> draft.grant().strength()
                .filter(strength -> strength.id().equalsIgnoreCase(id))
                .orElseGet(() -> new AuthenticationStrength(id, null, java.util.Set.of())));
    }

    /**
     * GET, then one PATCH built from the raw JSON read ({@link GraphPolicyJson#conditionalAccessUpdate}), so the
     * conditions and session controls Gatehouse does not manage go back exactly as Graph returned them. The policy
     * as it was, strength resolved, is mapped before the PATCH is sent: once it is sent, nothing may fail for a
     * reason other than the PATCH itself, or the admin would not learn what it replaced.
     */
    @Override
    public ConditionalAccessPolicy updateConditionalAccessPolicy(String policyId, ConditionalAccessPolicy draft) {
        if (policyId == null || policyId.isBlank()) {
            throw new IllegalArgumentException("The id of the Conditional Access policy to change is required");
        }
        String id = policyId.strip();
        JsonNode current = readPolicy(id);
        ConditionalAccessPolicy previous = PolicyMapping.conditionalAccessPolicy(current, this::authenticationStrength);
        patchPolicy(id, GraphPolicyJson.conditionalAccessUpdate(current.toString(), draft));
        return previous;
    }

    @Override
    public void setConditionalAccessPolicyState(String policyId, ConditionalAccessPolicy.State state) {
        patchPolicy(policyId, GraphPolicyJson.conditionalAccessState(state));
    }

    @Override
    public GroupExclusionChange excludeGroup(String policyId, String groupId) {
        return changeExclusion(policyId, groupId, true);
    }

    @Override
    public GroupExclusionChange stopExcludingGroup(String policyId, String groupId) {
        return changeExclusion(policyId, groupId, false);
    }

    /**
     * Sends nothing when the policy already is as asked: a PATCH that changes nothing would still be a write in the
     * audit log, and one more request that could fail half-way.
     */
    private GroupExclusionChange changeExclusion(String policyId, String groupId, boolean exclude) {
        if (policyId == null || policyId.isBlank() || groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("The Conditional Access policy's id and the group's id are required");
        }
        String id = policyId.strip();
        GroupExclusionPatch patch = GroupExclusionPatch.of(readPolicy(id), id, groupId.strip(), exclude);
        patch.body().ifPresent(body -> patchPolicy(id, body));
        return patch.change();
    }

    /** The policy as Graph returns it ({@code GET /identity/conditionalAccess/policies/{id}}), as raw JSON. */
    private JsonNode readPolicy(String id) {
        return gateway.call(GraphOperation.LIST_CONDITIONAL_ACCESS_POLICIES, policySubject(id),
                () -> JsonRequests.send(client(), policies().byConditionalAccessPolicyId(id).toGetRequestInformation()));
    }

    private void patchPolicy(String id, String body) {
        RequestInformation request = policies().byConditionalAccessPolicyId(id).toGetRequestInformation();
        gateway.call(GraphOperation.UPDATE_CONDITIONAL_ACCESS_POLICY, policySubject(id), () -> JsonRequests.send(
                client(), JsonRequests.withBody(request, HttpMethod.PATCH, body)));
    }

    @Override
    public void deleteConditionalAccessPolicy(String policyId) {
        gateway.call(GraphOperation.DELETE_CONDITIONAL_ACCESS_POLICY, policySubject(policyId), () -> {
            policies().byConditionalAccessPolicyId(policyId).delete();
            return null;
        });
    }

    /** The strength a created policy requires, when Graph answered with its id alone. */
    private AuthenticationStrength authenticationStrength(String id) {
        return gateway.call(GraphOperation.READ_AUTHENTICATION_STRENGTH, "authentication strength '" + id + "'", () ->
                PolicyMapping.authenticationStrength(JsonRequests.send(client(), client().policies()
                        .authenticationStrengthPolicies().byAuthenticationStrengthPolicyId(id).toGetRequestInformation())));
    }

    private AuthenticationMethodConfigurationItemRequestBuilder configuration(String id) {
        return client().policies().authenticationMethodsPolicy().authenticationMethodConfigurations()
                .byAuthenticationMethodConfigurationId(id);
    }

    private PoliciesRequestBuilder policies() {
        return client().identity().conditionalAccess().policies();
    }

    private static String configurationSubject(String id) {
        return "the '" + id + "' configuration of the authentication methods policy";
    }

    private static String policySubject(String id) {
        return "the Conditional Access policy '" + id + "'";
    }

    private GraphServiceClient client() {
        return gateway.client(PermissionSet.POLICY_WRITES);
    }
}
