package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.audit.AuditActivity;
import dev.gatehouse.sim.audit.DirectoryAuditLog;
import dev.gatehouse.sim.audit.DirectoryAuditLog.ModifiedProperty;
import dev.gatehouse.sim.http.ApiCall;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.odata.DocumentShape;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireResponse;
import dev.gatehouse.sim.wire.Wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tenant-wide documents: {@code /organization}, {@code /subscribedSkus}, the authentication methods
 * policy with its method configurations, and the security defaults policy. They are stored as Graph JSON and sent as
 * stored, except the security defaults policy, whose only variable part is {@code isEnabled}.
 */
public final class TenantApi {

    static final DocumentShape ORGANIZATION = DocumentShape.open("microsoft.graph.organization", Set.of("id",
            "assignedPlans", "businessPhones", "city", "country", "countryLetterCode", "createdDateTime",
            "defaultUsageLocation", "deletedDateTime", "displayName", "marketingNotificationEmails",
            "mobileDeviceManagementAuthority", "onPremisesLastSyncDateTime", "onPremisesSyncEnabled",
            "partnerTenantType", "postalCode", "preferredLanguage", "privacyProfile", "provisionedPlans",
            "securityComplianceNotificationMails", "securityComplianceNotificationPhones", "state", "street",
            "technicalNotificationMails", "tenantType", "verifiedDomains"));

    static final DocumentShape SUBSCRIBED_SKU = DocumentShape.open("microsoft.graph.subscribedSku", Set.of("id",
            "accountId", "accountName", "appliesTo", "capabilityStatus", "consumedUnits", "prepaidUnits",
            "servicePlans", "skuId", "skuPartNumber", "subscriptionIds"));

    static final DocumentShape METHODS_POLICY = DocumentShape.open("microsoft.graph.authenticationMethodsPolicy",
            Set.of("id", "description", "displayName", "lastModifiedDateTime", "policyMigrationState",
                    "policyVersion", "reconfirmationInDays", "registrationEnforcement",
                    "authenticationMethodConfigurations"));

    static final DocumentShape METHOD_CONFIGURATION = DocumentShape.open(
            "microsoft.graph.authenticationMethodConfiguration", Set.of("id", "state", "excludeTargets",
                    "includeTargets", "isSelfServiceRegistrationAllowed", "isAttestationEnforced", "keyRestrictions",
                    "passkeyProfiles", "defaultPasskeyProfile", "featureSettings", "isSoftwareOathEnabled",
                    "isOfficePhoneAllowed", "defaultLength", "defaultLifetimeInMinutes", "isUsableOnce",
                    "maximumLifetimeInMinutes", "minimumLifetimeInMinutes", "allowExternalIdToUseEmailOtp",
                    "authenticationModeConfiguration", "certificateUserBindings", "crlValidationConfiguration",
                    "certificateAuthorityScopes", "issuerHintsConfiguration", "pinLength",
                    "standardQRCodeLifetimeInDays"));

    static final DocumentShape SECURITY_DEFAULTS = DocumentShape.open(
            "microsoft.graph.identitySecurityDefaultsEnforcementPolicy", Set.of("id", "displayName", "description",
                    "isEnabled"));

    private static final String POLICY = "/policies/authenticationMethodsPolicy";
    private static final String SECURITY_DEFAULTS_PATH = "/policies/identitySecurityDefaultsEnforcementPolicy";
    /** The policy's fixed id, name and description, as the v1.0 get page's example shows them. */
    private static final String SECURITY_DEFAULTS_ID = "00000000-0000-0000-0000-000000000005";
    private static final String SECURITY_DEFAULTS_NAME = "Security Defaults";
    private static final String SECURITY_DEFAULTS_DESCRIPTION = "Security defaults is a set of basic identity security "
            + "mechanisms recommended by Microsoft. When enabled, these recommendations will be automatically enforced "
            + "in your organization. Administrators and users will be better protected from common identity related "
            + "attacks.";
    private static final Set<String> COMMON_SETTINGS = Set.of("id", "state", "includeTargets", "excludeTargets");
    private static final Set<String> TAP_SETTINGS = Set.of("defaultLifetimeInMinutes", "defaultLength",
            "isUsableOnce", "maximumLifetimeInMinutes", "minimumLifetimeInMinutes");

    private TenantApi() {
    }

    public static void register(Router router) {
        router.get("/organization", call -> new Reply.Collection<>(ORGANIZATION, List.of(call.state().organization()),
                        "organization", null))
                .get("/organization/{organizationId}", TenantApi::organization)
                .get("/subscribedSkus", call -> new Reply.Collection<>(SUBSCRIBED_SKU, call.state().subscribedSkus(),
                        "subscribedSkus", null))
                .get("/subscribedSkus/{skuId}", TenantApi::subscribedSku)
                .get(POLICY, TenantApi::methodsPolicy)
                .get(POLICY + "/authenticationMethodConfigurations", TenantApi::methodConfigurations)
                .get(POLICY + "/authenticationMethodConfigurations/{configurationId}", TenantApi::methodConfiguration)
                .patch(POLICY + "/authenticationMethodConfigurations/{configurationId}",
                        TenantApi::updateMethodConfiguration)
                .get(SECURITY_DEFAULTS_PATH, TenantApi::securityDefaults)
                .patch(SECURITY_DEFAULTS_PATH, TenantApi::updateSecurityDefaults);
    }

    private static Reply organization(ApiCall call) {
        String id = call.path("organizationId");
        ObjectNode organization = call.state().organization();
        if (!organization.path("id").asText().equalsIgnoreCase(id)) {
            throw GraphException.resourceNotFound(id);
        }
        return new Reply.Entity<>(ORGANIZATION, organization, "organization");
    }

    private static Reply subscribedSku(ApiCall call) {
        String id = call.path("skuId");
        ObjectNode sku = call.state().subscribedSkus().stream()
                .filter(s -> s.path("id").asText().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> GraphException.resourceNotFound(id));
        return new Reply.Entity<>(SUBSCRIBED_SKU, sku, "subscribedSkus");
    }

    private static Reply methodsPolicy(ApiCall call) {
        requirePolicyReader(call);
        return new Reply.Entity<>(METHODS_POLICY, call.state().authenticationMethodsPolicy(),
                "policies/authenticationMethodsPolicy");
    }

    private static Reply methodConfigurations(ApiCall call) {
        requirePolicyReader(call);
        List<ObjectNode> configurations = new ArrayList<>();
        for (JsonNode configuration : call.state().authenticationMethodsPolicy()
                .path("authenticationMethodConfigurations")) {
            configurations.add((ObjectNode) configuration);
        }
        return new Reply.Collection<>(METHOD_CONFIGURATION, configurations, METHOD_CONFIGURATION.typeName(),
                "policies/authenticationMethodsPolicy/authenticationMethodConfigurations", null, false,
                Map.of());
    }

    private static Reply methodConfiguration(ApiCall call) {
        requirePolicyReader(call);
        String id = call.path("configurationId");
        ObjectNode configuration = call.state().authenticationMethodConfiguration(id)
                .orElseThrow(() -> GraphException.itemNotFound("authentication method configuration", id));
        return new Reply.Entity<>(METHOD_CONFIGURATION, configuration, METHOD_CONFIGURATION.typeName(),
                "policies/authenticationMethodsPolicy/authenticationMethodConfigurations", Map.of());
    }

    /**
     * PATCH of one method configuration (graph-facts §5.2): the body must name the configuration's
     * {@code @odata.type}; the properties given replace the stored ones; the Temporary Access Pass ranges are
     * checked on the result. 204, and an "Authentication Methods Policy Update" audit entry.
     */
    private static Reply updateMethodConfiguration(ApiCall call) {
        if (!call.rules().canWriteAuthenticationMethodsPolicy(call.actor())) {
            throw GraphException.insufficientPrivileges();
        }
        String id = call.path("configurationId");
        ObjectNode configuration = call.state().authenticationMethodConfiguration(id)
                .orElseThrow(() -> GraphException.itemNotFound("authentication method configuration", id));
        ObjectNode body = call.body();
        String type = configuration.path("@odata.type").asText();
        if (!body.path("@odata.type").asText().equals(type)) {
            throw GraphException.methodsBadRequest("The request body must carry \"@odata.type\": \"" + type
                    + "\" for the configuration '" + configuration.path("id").asText() + "'.");
        }
        ObjectNode updated = configuration.deepCopy();
        body.properties().forEach(field -> {
            String name = field.getKey();
            if (name.equals("@odata.type")) {
                return;
            }
            boolean settingOfThisType = configuration.has(name) || COMMON_SETTINGS.contains(name)
                    || type.endsWith("temporaryAccessPassAuthenticationMethodConfiguration") && TAP_SETTINGS.contains(name);
            if (!settingOfThisType) {
                throw GraphException.unknownBodyProperty(name, type.substring(1));
            }
            if (name.equals("id") && !field.getValue().asText().equalsIgnoreCase(configuration.path("id").asText())) {
                throw GraphException.methodsBadRequest("The id of a method configuration cannot be changed.");
            }
            updated.set(name, field.getValue().deepCopy());
        });
        MethodConfigurationRules.check(updated, call.state());
        configuration.removeAll();
        configuration.setAll(updated);
        call.state().authenticationMethodsPolicy().put("lastModifiedDateTime", Wire.formatDateTime(call.state().now()));
        new DirectoryAuditLog(call.state()).record(call.actor(), AuditActivity.METHODS_POLICY_UPDATE, "",
                DirectoryAuditLog.policy(configuration.path("id").asText(), configuration.path("id").asText(),
                        body.properties().stream().map(Map.Entry::getKey).filter(n -> !n.equals("@odata.type"))
                                .map(n -> ModifiedProperty.of(n, null, body.get(n).toString()))
                                .toArray(ModifiedProperty[]::new)));
        return new Reply.Raw(WireResponse.empty(204));
    }

    /**
     * {@code GET /policies/identitySecurityDefaultsEnforcementPolicy} (identitysecuritydefaultsenforcementpolicy-get):
     * Policy.Read.All. The page names no role; the demo tenant lets the Conditional Access readers read it, as the
     * question it answers ("can Conditional Access be used?") is theirs.
     */
    private static Reply securityDefaults(ApiCall call) {
        if (!call.rules().canReadConditionalAccess(call.actor())) {
            throw GraphException.insufficientPrivileges();
        }
        ObjectNode policy = Wire.object();
        policy.put("id", SECURITY_DEFAULTS_ID);
        policy.put("displayName", SECURITY_DEFAULTS_NAME);
        policy.put("description", SECURITY_DEFAULTS_DESCRIPTION);
        policy.put("isEnabled", call.state().securityDefaultsEnabled());
        return new Reply.Entity<>(SECURITY_DEFAULTS, policy, "policies/identitySecurityDefaultsEnforcementPolicy");
    }

    /**
     * {@code PATCH /policies/identitySecurityDefaultsEnforcementPolicy} (identitysecuritydefaultsenforcementpolicy-
     * update): {@code isEnabled} is the one writable property (the others are read-only on the resource page); 204.
     * Conditional Access writers (Global, Conditional Access and Security Administrators) may change it.
     */
    private static Reply updateSecurityDefaults(ApiCall call) {
        if (!call.rules().canWriteConditionalAccess(call.actor())) {
            throw GraphException.insufficientPrivileges();
        }
        ObjectNode body = call.body();
        for (String name : body.properties().stream().map(Map.Entry::getKey).toList()) {
            if (name.startsWith("@odata.") || name.equals("isEnabled")) {
                continue;
            }
            if (SECURITY_DEFAULTS.declares(name)) {
                throw GraphException.badRequest("The property '" + name + "' of the security defaults policy is "
                        + "read-only.");
            }
            throw GraphException.unknownBodyProperty(name, SECURITY_DEFAULTS.typeName());
        }
        if (body.has("isEnabled")) {
            if (!body.get("isEnabled").isBoolean()) {
                throw GraphException.badRequest("isEnabled must be true or false.");
            }
            call.state().securityDefaultsEnabled(body.get("isEnabled").asBoolean());
        }
        return new Reply.Raw(WireResponse.empty(204));
    }

    private static void requirePolicyReader(ApiCall call) {
        if (!call.rules().canReadAuthenticationMethodsPolicy(call.actor())) {
            throw GraphException.insufficientPrivileges();
        }
    }
}
