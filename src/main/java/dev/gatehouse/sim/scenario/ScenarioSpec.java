package dev.gatehouse.sim.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The scenario file format (documented in docs/demo-tenant.md). Users and groups use Graph's property
 * names plus a few sim fields ({@code licensed}, {@code licenses} of users and groups, {@code roles}, {@code methods},
 * {@code members}, {@code owners}, {@code notes}); tenant-wide documents are Graph JSON. PIM's schedules
 * ({@code roleAssignmentSchedules}, time-bound or activated active assignments, and {@code roleEligibilitySchedules})
 * are Graph JSON read by {@link PimSchedules}; PIM's role settings ({@code roleManagementPolicyAssignments}) are
 * merged onto the defaults by {@link PimPolicies}. Date-time values may be relative
 * ({@code -1d}); unknown fields are errors, so typos do not go unnoticed. Of
 * {@code identitySecurityDefaultsEnforcementPolicy} only {@code isEnabled} is read (default false): the rest of the
 * document is fixed by Graph.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
record ScenarioSpec(String name, String description, String tenantId, String signedInAdmin, String defaultLicense,
                    String demoPassword, ObjectNode organization,
                    List<UserSpec> users, List<GroupSpec> groups, ObjectNode authenticationMethodsPolicy,
                    ObjectNode identitySecurityDefaultsEnforcementPolicy, List<ObjectNode> conditionalAccessPolicies, List<ObjectNode> authenticationStrengthPolicies,
                    List<ObjectNode> subscribedSkus, List<ObjectNode> directoryAudits, List<ObjectNode> signIns,
                    List<ObjectNode> roleAssignmentSchedules, List<ObjectNode> roleEligibilitySchedules,
                    List<ObjectNode> roleManagementPolicyAssignments) {

    ScenarioSpec {
        users = users == null ? List.of() : users;
        groups = groups == null ? List.of() : groups;
        conditionalAccessPolicies = conditionalAccessPolicies == null ? List.of() : conditionalAccessPolicies;
        authenticationStrengthPolicies = authenticationStrengthPolicies == null ? List.of()
                : authenticationStrengthPolicies;
        subscribedSkus = subscribedSkus == null ? List.of() : subscribedSkus;
        directoryAudits = directoryAudits == null ? List.of() : directoryAudits;
        signIns = signIns == null ? List.of() : signIns;
        roleAssignmentSchedules = roleAssignmentSchedules == null ? List.of() : roleAssignmentSchedules;
        roleEligibilitySchedules = roleEligibilitySchedules == null ? List.of() : roleEligibilitySchedules;
        roleManagementPolicyAssignments = roleManagementPolicyAssignments == null ? List.of()
                : roleManagementPolicyAssignments;
    }

    /**
     * @param licensed true to assign the scenario's {@code defaultLicense}
     * @param licenses further skuPartNumbers of the tenant's subscribed SKUs assigned to the user
     * @param roles    directory roles (display name or template id) assigned directly and permanently
     * @param methods  authentication methods: {@code type} (e.g. {@code fido2}, {@code phone}) plus the
     *                 type's Graph properties; the password method is added to every member automatically
     * @param notes    free text for scenario authors; not served
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record UserSpec(String id, String userPrincipalName, String displayName, String givenName, String surname,
                    String mail, String mailNickname, String jobTitle, String department, String officeLocation,
                    String mobilePhone, List<String> businessPhones, List<String> otherMails, String preferredLanguage,
                    String usageLocation, String companyName, String city, String country, String employeeId,
                    Boolean accountEnabled, String userType, String creationType, String externalUserState,
                    String createdDateTime, Boolean onPremisesSyncEnabled, String onPremisesImmutableId,
                    String onPremisesLastSyncDateTime, String signInSessionsValidFromDateTime,
                    String lastPasswordChangeDateTime, String passwordPolicies, Boolean licensed, List<String> licenses,
                    List<String> roles, List<ObjectNode> methods, String notes) {
    }

    /**
     * @param members  user principal names, object ids or group display names
     * @param roles    directory roles assigned to the (role-assignable) group
     * @param licenses skuPartNumbers (or skuIds) of the tenant's subscribed SKUs assigned to the group: its direct
     *                 user members inherit them (group-based licensing)
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record GroupSpec(String id, String displayName, String description, String mailNickname, String mail,
                     Boolean mailEnabled, Boolean securityEnabled, List<String> groupTypes, Boolean isAssignableToRole,
                     String visibility, String membershipRule, String createdDateTime, Boolean onPremisesSyncEnabled,
                     List<String> members, List<String> owners, List<String> roles, List<String> licenses,
                     String notes) {
    }
}
