package dev.gatehouse.sim.conformance;

import dev.gatehouse.sim.conformance.GraphShapeAssert.Expect;
import dev.gatehouse.sim.conformance.GraphShapeAssert.Strictness;

import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.wire.GraphException;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one list of Graph v1.0 endpoints Gatehouse needs from the demo tenant, each tied to the
 * documentation example its response is compared with. Whether the sim serves an endpoint is read
 * from its routing table when the tests run ({@link #isServedBy}), so an endpoint the sim starts to
 * serve is checked from then on without editing this list; until then its test is skipped with
 * "not yet served". Paths use placeholders that {@link TenantProbe} fills from the running tenant.
 */
final class DocumentedEndpoints {

    /**
     * One endpoint. {@code route} is the sim's route pattern ({@code GET /users/{userId}});
     * {@code request} is the concrete path and query with placeholders; {@code body} a JSON request
     * body or null; {@code headers} name/value pairs.
     */
    record Endpoint(String name, String route, String request, String body, List<String> headers, int status,
                    String example, Expect expect, Strictness strictness) {

        Endpoint withHeaders(String... nameValuePairs) {
            return new Endpoint(name, route, request, body, List.of(nameValuePairs), status, example, expect, strictness);
        }

        Endpoint withStatus(int expected) {
            return new Endpoint(name, route, request, body, headers, expected, example, expect, strictness);
        }

        /** $select may leave out the key, as Graph does. */
        Endpoint selecting() {
            return new Endpoint(name, route, request, body, headers, status, example, expect,
                    new Strictness(true, false));
        }

        String method() {
            return route.substring(0, route.indexOf(' '));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Handled by the sim's pipeline ahead of its route table. */
    private static final Set<String> PIPELINE_ROUTES = Set.of("POST /$batch");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");
    /** Stands for a path variable when asking the router; no literal segment looks like it. */
    private static final String UNUSED_ID = "00000000-0000-0000-0000-000000000000";
    private static final String CONFIGURATION = "GET /policies/authenticationMethodsPolicy/authenticationMethodConfigurations/{configurationId}";

    static final List<Endpoint> ALL = List.of(
            get("list users", "GET /users", "/users", "user-list", Expect.collection("microsoft.graph.user")),
            get("search users with a count", "GET /users", "/users?$search=\"displayName:a\"&$count=true",
                    "user-list-search-count", Expect.collection("microsoft.graph.user"))
                    .withHeaders("ConsistencyLevel", "eventual"),
            get("filter users with a count", "GET /users",
                    "/users?$filter=startswith(displayName,'a')&$orderby=displayName&$count=true&$top=1",
                    "user-list-count-filter", Expect.collection("microsoft.graph.user"))
                    .withHeaders("ConsistencyLevel", "eventual"),
            get("list users with signInActivity", "GET /users",
                    "/users?$select=displayName,userPrincipalName,signInActivity",
                    "user-list-select-signinactivity", Expect.collection("microsoft.graph.user")).selecting(),
            get("get a user", "GET /users/{userId}", "/users/{user}", "user-get", Expect.entity("microsoft.graph.user")),
            get("get a user with $select", "GET /users/{userId}",
                    "/users/{user}?$select=displayName,givenName,postalCode,identities",
                    "user-get-select", Expect.entity("microsoft.graph.user")).selecting(),
            get("get the signed-in user", "GET /users/{userId}", "/me", "me-get", Expect.entity("microsoft.graph.user")),
            get("list a user's memberOf", "GET /users/{userId}/memberOf", "/users/{user}/memberOf",
                    "user-list-memberof", Expect.collection("microsoft.graph.directoryObject")),
            get("list a user's group memberOf (cast)", "GET /users/{userId}/memberOf/microsoft.graph.group",
                    "/users/{user}/memberOf/microsoft.graph.group?$count=true&$orderby=displayName",
                    "user-list-memberof-cast-filter", Expect.collection("microsoft.graph.group"))
                    .withHeaders("ConsistencyLevel", "eventual"),
            get("list a user's transitiveMemberOf", "GET /users/{userId}/transitiveMemberOf",
                    "/users/{user}/transitiveMemberOf", "user-list-transitivememberof",
                    Expect.collection("microsoft.graph.directoryObject")),
            get("get the organization", "GET /organization/{organizationId}", "/organization/{organization}",
                    "organization-get", Expect.entity("microsoft.graph.organization")),
            get("get a group", "GET /groups/{groupId}", "/groups/{group}", "group-get", Expect.entity("microsoft.graph.group")),
            get("list role-assignable groups", "GET /groups",
                    "/groups?$filter=isAssignableToRole eq true&$select=id,displayName,isAssignableToRole&$top=999",
                    "group-list", Expect.collection("microsoft.graph.group")).selecting(),
            get("list groups by display name", "GET /groups",
                    "/groups?$filter=displayName eq 'Emergency Access Accounts'", "group-list",
                    Expect.collection("microsoft.graph.group")),
            get("list a group's members with $select", "GET /groups/{groupId}/members",
                    "/groups/{group}/members?$select=id,displayName,userPrincipalName&$top=999", "group-list-members",
                    Expect.collection("microsoft.graph.directoryObject")).selecting(),
            get("list a group's members", "GET /groups/{groupId}/members", "/groups/{group}/members",
                    "group-list-members", Expect.collection("microsoft.graph.directoryObject")),
            get("list a group's user members (cast, $search)", "GET /groups/{groupId}/members/microsoft.graph.user",
                    "/groups/{group}/members/microsoft.graph.user?$count=true&$search=\"displayName:a\"&$select=displayName,id",
                    "group-list-members-search-cast", Expect.collection("microsoft.graph.user"))
                    .withHeaders("ConsistencyLevel", "eventual").selecting(),
            get("list a group's owners", "GET /groups/{groupId}/owners", "/groups/{group}/owners",
                    "group-list-owners", Expect.collection("microsoft.graph.directoryObject")),
            get("list a group's owners with $select", "GET /groups/{groupId}/owners",
                    "/groups/{group}/owners?$select=id,displayName,userPrincipalName&$top=999", "group-list-owners",
                    Expect.collection("microsoft.graph.directoryObject")).selecting(),
            get("list sign-ins of one user, newest", "GET /auditLogs/signIns",
                    "/auditLogs/signIns?$filter=userId eq '{admin}'&$top=1", "signins-list-filter-top",
                    Expect.collection("microsoft.graph.signIn")),
            get("list directory audits about one object", "GET /auditLogs/directoryAudits",
                    "/auditLogs/directoryAudits?$filter=activityDateTime ge 2020-01-01T00:00:00Z and "
                            + "targetResources/any(t: t/id eq '{user}')", "directoryaudits-list",
                    Expect.collection("microsoft.graph.directoryAudit")),
            new Endpoint("assign and remove licences (none)", "POST /users/{userId}/assignLicense",
                    "/users/{newUser}/assignLicense", "{\"addLicenses\": [], \"removeLicenses\": []}",
                    List.of("Content-Type", "application/json"), 200, "user-assignlicense",
                    Expect.entity("microsoft.graph.user"), Strictness.SERVICE),
            get("list a group's memberOf", "GET /groups/{groupId}/memberOf", "/groups/{group}/memberOf",
                    "group-list-memberof", Expect.collection("microsoft.graph.directoryObject")),
            get("list a group's transitiveMemberOf", "GET /groups/{groupId}/transitiveMemberOf",
                    "/groups/{group}/transitiveMemberOf", "group-list-transitivememberof",
                    Expect.collection("microsoft.graph.directoryObject")),
            get("list a principal's role assignments", "GET /roleManagement/directory/roleAssignments",
                    "/roleManagement/directory/roleAssignments?$filter=principalId eq '{admin}'",
                    "roleassignments-list-filter-principal", Expect.collection("microsoft.graph.unifiedRoleAssignment")),
            get("list role assignments with their definitions", "GET /roleManagement/directory/roleAssignments",
                    "/roleManagement/directory/roleAssignments?$filter=principalId eq '{admin}'&$expand=roleDefinition",
                    "roleassignments-list-filter-principal", Expect.collection("microsoft.graph.unifiedRoleAssignment")),
            get("list role assignments with their principals", "GET /roleManagement/directory/roleAssignments",
                    "/roleManagement/directory/roleAssignments?$filter=roleDefinitionId eq '62e90394-69f5-4237-9190-012177145e10'&$expand=principal",
                    "roleassignments-list-expand-principal", Expect.collection("microsoft.graph.unifiedRoleAssignment")),
            get("get a role assignment with its definition", "GET /roleManagement/directory/roleAssignments/{assignmentId}",
                    "/roleManagement/directory/roleAssignments/{roleAssignment}?$expand=roleDefinition",
                    "roleassignment-get-expand-roledefinition", Expect.entity("microsoft.graph.unifiedRoleAssignment")),
            get("list role definitions", "GET /roleManagement/directory/roleDefinitions",
                    "/roleManagement/directory/roleDefinitions", "roledefinitions-list",
                    Expect.collection("microsoft.graph.unifiedRoleDefinition")),
            get("list a user's authentication methods", "GET /users/{userId}/authentication/methods",
                    "/users/{user}/authentication/methods", "authentication-methods-list",
                    Expect.collection("microsoft.graph.authenticationMethod")),
            methods("password", "passwordMethods", "passwordAuthenticationMethod"),
            method("password", "passwordMethods", "passwordAuthenticationMethod"),
            methods("phone", "phoneMethods", "phoneAuthenticationMethod"),
            method("phone", "phoneMethods", "phoneAuthenticationMethod"),
            methods("email", "emailMethods", "emailAuthenticationMethod"),
            method("email", "emailMethods", "emailAuthenticationMethod"),
            methods("fido2", "fido2Methods", "fido2AuthenticationMethod"),
            method("fido2", "fido2Methods", "fido2AuthenticationMethod"),
            methods("microsoftauthenticator", "microsoftAuthenticatorMethods", "microsoftAuthenticatorAuthenticationMethod"),
            method("microsoftauthenticator", "microsoftAuthenticatorMethods", "microsoftAuthenticatorAuthenticationMethod"),
            methods("softwareoath", "softwareOathMethods", "softwareOathAuthenticationMethod"),
            method("softwareoath", "softwareOathMethods", "softwareOathAuthenticationMethod"),
            methods("temporaryaccesspass", "temporaryAccessPassMethods", "temporaryAccessPassAuthenticationMethod"),
            method("temporaryaccesspass", "temporaryAccessPassMethods", "temporaryAccessPassAuthenticationMethod"),
            methods("windowshelloforbusiness", "windowsHelloForBusinessMethods", "windowsHelloForBusinessAuthenticationMethod"),
            method("windowshelloforbusiness", "windowsHelloForBusinessMethods", "windowsHelloForBusinessAuthenticationMethod"),
            methods("platformcredential", "platformCredentialMethods", "platformCredentialAuthenticationMethod"),
            method("platformcredential", "platformCredentialMethods", "platformCredentialAuthenticationMethod"),
            methods("external", "externalAuthenticationMethods", "externalAuthenticationMethod"),
            method("external", "externalAuthenticationMethods", "externalAuthenticationMethod"),
            new Endpoint("issue a Temporary Access Pass", "POST /users/{userId}/authentication/temporaryAccessPassMethods",
                    "/users/{plainUser}/authentication/temporaryAccessPassMethods",
                    "{\"lifetimeInMinutes\": 60, \"isUsableOnce\": true}", List.of("Content-Type", "application/json"),
                    201, "temporaryaccesspass-method-create",
                    Expect.entity("microsoft.graph.temporaryAccessPassAuthenticationMethod"), Strictness.SERVICE),
            get("get the authentication methods policy", "GET /policies/authenticationMethodsPolicy",
                    "/policies/authenticationMethodsPolicy", "authenticationmethodspolicy-get",
                    Expect.entity("microsoft.graph.authenticationMethodsPolicy")),
            configuration("fido2", "Fido2", "fido2AuthenticationMethodConfiguration"),
            configuration("temporaryaccesspass", "TemporaryAccessPass", "temporaryAccessPassAuthenticationMethodConfiguration"),
            configuration("microsoftauthenticator", "MicrosoftAuthenticator", "microsoftAuthenticatorAuthenticationMethodConfiguration"),
            configuration("sms", "Sms", "smsAuthenticationMethodConfiguration"),
            configuration("email", "Email", "emailAuthenticationMethodConfiguration"),
            configuration("softwareoath", "SoftwareOath", "softwareOathAuthenticationMethodConfiguration"),
            configuration("voice", "Voice", "voiceAuthenticationMethodConfiguration"),
            get("list subscribed SKUs", "GET /subscribedSkus", "/subscribedSkus", "subscribedskus-list",
                    Expect.collection("microsoft.graph.subscribedSku")),
            get("get the security defaults policy", "GET /policies/identitySecurityDefaultsEnforcementPolicy",
                    "/policies/identitySecurityDefaultsEnforcementPolicy",
                    "identitysecuritydefaultsenforcementpolicy-get",
                    Expect.entity("microsoft.graph.identitySecurityDefaultsEnforcementPolicy")),
            new Endpoint("send a $batch", "POST /$batch", "/$batch",
                    "{\"requests\": [{\"id\": \"1\", \"method\": \"GET\", \"url\": \"/me\"},"
                            + " {\"id\": \"2\", \"method\": \"GET\", \"url\": \"/users/{missingUser}\"}]}",
                    List.of("Content-Type", "application/json"), 200, "batch", Expect.batch(), Strictness.SERVICE),
            get("answer an unknown user with a Graph error", "GET /users/{userId}", "/users/{missingUser}", "error",
                    Expect.error()).withStatus(404),
            get("list conditional access policies", "GET /identity/conditionalAccess/policies",
                    "/identity/conditionalAccess/policies", "conditionalaccess-policies-list",
                    Expect.collection("microsoft.graph.conditionalAccessPolicy")),
            get("get a conditional access policy", "GET /identity/conditionalAccess/policies/{policyId}",
                    "/identity/conditionalAccess/policies/{caPolicy}", "conditionalaccess-policy-get",
                    Expect.entity("microsoft.graph.conditionalAccessPolicy")),
            new Endpoint("create a conditional access policy", "POST /identity/conditionalAccess/policies",
                    "/identity/conditionalAccess/policies",
                    "{\"displayName\": \"Conformance: require MFA to register security info\","
                            + " \"state\": \"enabledForReportingButNotEnforced\","
                            + " \"conditions\": {\"clientAppTypes\": [\"all\"],"
                            + " \"applications\": {\"includeUserActions\": [\"urn:user:registersecurityinfo\"]},"
                            + " \"users\": {\"includeUsers\": [\"All\"], \"excludeGroups\": [\"{group}\"]}},"
                            + " \"grantControls\": {\"operator\": \"OR\", \"builtInControls\": [\"mfa\"]}}",
                    List.of("Content-Type", "application/json"), 201, "conditionalaccess-policy-create",
                    Expect.entity("microsoft.graph.conditionalAccessPolicy"), Strictness.SERVICE),
            new Endpoint("evaluate conditional access (What If) for a user action", "POST /identity/conditionalAccess/evaluate",
                    "/identity/conditionalAccess/evaluate",
                    "{\"signInIdentity\": {\"@odata.type\": \"#microsoft.graph.userSignIn\", \"userId\": \"{plainUser}\"},"
                            + " \"signInContext\": {\"@odata.type\": \"#microsoft.graph.userActionContext\","
                            + " \"userAction\": \"registerSecurityInformation\"},"
                            + " \"signInConditions\": {\"clientAppType\": \"browser\", \"devicePlatform\": \"windows\"},"
                            + " \"appliedPoliciesOnly\": false}",
                    List.of("Content-Type", "application/json"), 200, "conditionalaccess-evaluate-useraction",
                    Expect.collection("microsoft.graph.whatIfAnalysisResult"), Strictness.SERVICE),
            get("list authentication strength policies", "GET /policies/authenticationStrengthPolicies",
                    "/policies/authenticationStrengthPolicies", "authenticationstrength-policies-list",
                    Expect.collection("microsoft.graph.authenticationStrengthPolicy")),
            get("get the built-in phishing-resistant strength", "GET /policies/authenticationStrengthPolicies/{policyId}",
                    "/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004",
                    "authenticationstrength-policy-get", Expect.entity("microsoft.graph.authenticationStrengthPolicy")),
            new Endpoint("create an authentication strength", "POST /policies/authenticationStrengthPolicies",
                    "/policies/authenticationStrengthPolicies",
                    "{\"@odata.type\": \"#microsoft.graph.authenticationStrengthPolicy\","
                            + " \"displayName\": \"Conformance: passkey or one-time TAP\","
                            + " \"allowedCombinations\": [\"fido2\", \"temporaryAccessPassOneTime\"]}",
                    List.of("Content-Type", "application/json"), 201, "authenticationstrength-policy-create",
                    Expect.entity("microsoft.graph.authenticationStrengthPolicy"), Strictness.SERVICE),
            get("list user registration details", "GET /reports/authenticationMethods/userRegistrationDetails",
                    "/reports/authenticationMethods/userRegistrationDetails", "userregistrationdetails-list",
                    Expect.collection("microsoft.graph.userRegistrationDetails")),
            get("get a user's registration details", "GET /reports/authenticationMethods/userRegistrationDetails/{userId}",
                    "/reports/authenticationMethods/userRegistrationDetails/{user}", "userregistrationdetails-get",
                    Expect.entity("microsoft.graph.userRegistrationDetails")),
            get("list directory audits", "GET /auditLogs/directoryAudits", "/auditLogs/directoryAudits",
                    "directoryaudits-list", Expect.collection("microsoft.graph.directoryAudit")),
            get("list sign-ins", "GET /auditLogs/signIns", "/auditLogs/signIns?$top=10", "signins-list-filter-top",
                    Expect.collection("microsoft.graph.signIn")),
            new Endpoint("revoke a user's sign-in sessions", "POST /users/{userId}/revokeSignInSessions",
                    "/users/{plainUser}/revokeSignInSessions", null, List.of(), 200, "user-revokesigninsessions",
                    Expect.primitive("Edm.Boolean"), Strictness.SERVICE),
            new Endpoint("create a user", "POST /users", "/users",
                    "{\"accountEnabled\": true, \"displayName\": \"Emergency access 09\", \"mailNickname\": \"bg-09\","
                            + " \"userPrincipalName\": \"bg-09@{initialDomain}\","
                            + " \"passwordProfile\": {\"password\": \"Qz-4#wr8-Tn2!\", \"forceChangePasswordNextSignIn\": false}}",
                    List.of("Content-Type", "application/json"), 201, "user-create", Expect.entity("microsoft.graph.user"),
                    Strictness.SERVICE),
            new Endpoint("create a role-assignable group", "POST /groups", "/groups",
                    "{\"displayName\": \"Conformance: emergency access\", \"mailEnabled\": false,"
                            + " \"mailNickname\": \"conformance-ea\", \"securityEnabled\": true, \"isAssignableToRole\": true}",
                    List.of("Content-Type", "application/json"), 201, "group-create", Expect.entity("microsoft.graph.group"),
                    Strictness.SERVICE),
            new Endpoint("assign a directory role at tenant scope", "POST /roleManagement/directory/roleAssignments",
                    "/roleManagement/directory/roleAssignments",
                    "{\"@odata.type\": \"#microsoft.graph.unifiedRoleAssignment\","
                            + " \"roleDefinitionId\": \"62e90394-69f5-4237-9190-012177145e10\","
                            + " \"principalId\": \"{newUser}\", \"directoryScopeId\": \"/\"}",
                    List.of("Content-Type", "application/json"), 201, "roleassignment-create",
                    Expect.entity("microsoft.graph.unifiedRoleAssignment"), Strictness.SERVICE),
            new Endpoint("delete a user", "DELETE /users/{userId}", "/users/{newUser}", null, List.of(), 204,
                    "user-delete", Expect.noContent(), Strictness.SERVICE),
            new Endpoint("delete a group", "DELETE /groups/{groupId}", "/groups/{newGroup}", null, List.of(), 204,
                    "group-delete", Expect.noContent(), Strictness.SERVICE),
            new Endpoint("reset a password (system-generated)",
                    "POST /users/{userId}/authentication/methods/{methodId}/resetPassword",
                    "/users/{plainUser}/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword",
                    null, List.of(), 202, "resetpassword-system-generated",
                    Expect.entity("microsoft.graph.passwordResetResponse"), Strictness.SERVICE));

    private DocumentedEndpoints() {
    }

    /**
     * Served when the sim's routing table routes this method and path to a route of the same shape
     * (variable names aside), or when its pipeline handles the path itself.
     */
    static boolean isServedBy(Router router, Endpoint endpoint) {
        if (PIPELINE_ROUTES.contains(endpoint.route())) {
            return true;
        }
        String path = endpoint.route().substring(endpoint.method().length() + 1);
        List<String> segments = Arrays.stream(path.substring(1).split("/"))
                .map(segment -> VARIABLE.matcher(segment).matches() ? UNUSED_ID : segment)
                .toList();
        try {
            return normalized(router.match(endpoint.method(), segments).pattern()).equals(normalized(path));
        } catch (GraphException notRouted) {
            return false;
        }
    }

    private static String normalized(String route) {
        return VARIABLE.matcher(route).replaceAll("{}");
    }

    private static Endpoint get(String name, String route, String request, String example, Expect expect) {
        return new Endpoint(name, route, request, null, List.of(), 200, example, expect, Strictness.SERVICE);
    }

    private static Endpoint methods(String fixturePrefix, String collection, String type) {
        return get("list " + collection, "GET /users/{userId}/authentication/" + collection,
                "/users/{methodUser:" + collection + "}/authentication/" + collection,
                fixturePrefix + "-methods-list", Expect.collection("microsoft.graph." + type));
    }

    private static Endpoint method(String fixturePrefix, String collection, String type) {
        return get("get one of " + collection, "GET /users/{userId}/authentication/" + collection + "/{methodId}",
                "/users/{methodUser:" + collection + "}/authentication/" + collection + "/{method}",
                fixturePrefix + "-method-get", Expect.entity("microsoft.graph." + type));
    }

    private static Endpoint configuration(String fixturePrefix, String id, String type) {
        return get("get the " + id + " method configuration", CONFIGURATION,
                "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/" + id,
                fixturePrefix + "-configuration-get", Expect.entity("microsoft.graph." + type));
    }
}
