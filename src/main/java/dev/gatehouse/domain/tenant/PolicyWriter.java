package dev.gatehouse.domain.tenant;

import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.GraphPolicyJson;
import dev.gatehouse.domain.policy.MethodConfigurationChange;
import dev.gatehouse.domain.policy.MethodConfigurationSnapshot;
import dev.gatehouse.domain.policy.NewAuthenticationStrength;

/**
 * The write side of a tenant's sign-in policies, as the registration-policy and break-glass wizards need them: method
 * configurations of the authentication methods policy, custom authentication strengths and Conditional Access
 * policies. Every creation has its undo here, so a plan can say how it is taken back.
 * <p>
 * Only plan steps call it, after the admin confirmed the plan. Every method blocks on the network (never on the FX
 * thread) and fails with a {@link TenantException} in the admin's words; an interrupted thread ends the call as
 * {@link TenantException.Kind#CANCELLED}. A change Graph neither confirmed nor refused (503, 504, a lost connection)
 * is sent once and reported as "may or may not have been applied". Strength and Conditional Access bodies are
 * exactly those of {@link GraphPolicyJson}, so a plan can show them.
 */
public interface PolicyWriter {

    /**
     * What a Conditional Access write needs (conditionalaccessroot-post-policies, conditionalaccesspolicy-update): the
     * permission, the least roles, and the licence. Plans of every workspace name it.
     */
    RequiredAccess CONDITIONAL_ACCESS = RequiredAccess.of("Policy.ReadWrite.ConditionalAccess",
            "Conditional Access Administrator", "Security Administrator").withLicence("Microsoft Entra ID P1");

    /**
     * Reads the configuration ({@code GET …/authenticationMethodConfigurations/{id}}), then sends one
     * {@code PATCH} of the state, the include targets and the settings the change names; every other property, and
     * every field of the targets it keeps, stays as it was. Undo: {@link #restoreMethodConfiguration} with the result.
     *
     * @return what the PATCH replaced, read just before it
     */
    MethodConfigurationSnapshot changeMethodConfiguration(MethodConfigurationChange change);

    /** {@code PATCH …/authenticationMethodConfigurations/{id}} with the snapshot: the replaced values come back. */
    void restoreMethodConfiguration(MethodConfigurationSnapshot previous);

    /**
     * {@code POST /policies/authenticationStrengthPolicies}. Needs Entra ID P1. Undo:
     * {@link #deleteAuthenticationStrength}.
     */
    AuthenticationStrength createAuthenticationStrength(NewAuthenticationStrength strength);

    /**
     * {@code DELETE /policies/authenticationStrengthPolicies/{id}} of a custom strength; Graph refuses while a
     * Conditional Access policy requires it, and always for the built-in ones.
     */
    void deleteAuthenticationStrength(String strengthId);

    /**
     * {@code POST /identity/conditionalAccess/policies} with {@code draft}'s conditions, grant, sign-in frequency and
     * state (its id is ignored). Needs Entra ID P1. Undo: {@link #deleteConditionalAccessPolicy}.
     *
     * @return the policy as Graph created it, with its id
     */
    ConditionalAccessPolicy createConditionalAccessPolicy(ConditionalAccessPolicy draft);

    /**
     * Reads the policy ({@code GET /identity/conditionalAccess/policies/{id}}), then sends one {@code PATCH} of its
     * display name, state, conditions, grant controls and session controls: the fields Gatehouse manages
     * (users, applications and user actions, client app types, locations, the grant, the sign-in frequency) come from
     * {@code draft}, every other condition (platforms, devices, risk levels…) and session control stays as it was
     * ({@link GraphPolicyJson#conditionalAccessUpdate}). A sign-in frequency the draft lacks is removed. Needs Entra ID
     * P1. Undo: this method again with the returned policy, or {@link #setConditionalAccessPolicyState}.
     *
     * @return the policy as it was just before the PATCH
     */
    ConditionalAccessPolicy updateConditionalAccessPolicy(String policyId, ConditionalAccessPolicy draft);

    /** {@code PATCH /identity/conditionalAccess/policies/{id}} with {@code state} alone (report-only → on, …). */
    void setConditionalAccessPolicyState(String policyId, ConditionalAccessPolicy.State state);

    /** {@code DELETE /identity/conditionalAccess/policies/{id}}. */
    void deleteConditionalAccessPolicy(String policyId);

    /**
     * Reads the policy ({@code GET /identity/conditionalAccess/policies/{id}}) and, unless the group is already in
     * {@code conditions.users.excludeGroups}, sends one {@code PATCH} of {@code conditions.users} exactly as read but
     * for the group added: every other user condition, and everything Gatehouse does not model, stays as it was.
     * Nothing is sent when the group is already excluded. Needs Entra ID P1. Undo: {@link #stopExcludingGroup}.
     */
    GroupExclusionChange excludeGroup(String policyId, String groupId);

    /**
     * As {@link #excludeGroup}, taking the group out of {@code conditions.users.excludeGroups}; nothing is sent when
     * it is not there. Undo: {@link #excludeGroup}.
     */
    GroupExclusionChange stopExcludingGroup(String policyId, String groupId);
}
