package dev.gatehouse.domain.registration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The v1.0 {@code conditionalAccessPolicy} as Graph accepts it in a write and returns it in a GET: each field's kind
 * and, for enums, its values (conditionalAccessPolicy, conditionalAccessConditionSet, conditionalAccessGrantControls,
 * conditionalAccessSessionControls, signInFrequencySessionControl, conditionalAccessGuestsOrExternalUsers; the same
 * lists the demo tenant's ConditionalAccessPolicyRules checks). Fields Gatehouse does not manage are known, so that
 * they are reported as not imported instead of refused as unknown.
 */
final class PolicyShape {

    enum Kind {
        TEXT, ENUM, TEXT_LIST, ENUM_LIST, FLAGS, BOOLEAN, INTEGER, OBJECT,
        /** Set by Graph; accepted in a GET response, ignored, and said. */
        READ_ONLY,
        /** Returned with an expanded strength; only its id counts, so ignored without a word. */
        EXPANDED,
        /** Valid in Graph but not managed by Gatehouse: reported when it holds anything. */
        NOT_IMPORTED
    }

    static final Set<String> STATES = Set.of("enabled", "disabled", "enabledForReportingButNotEnforced");
    static final Set<String> OPERATORS = Set.of("AND", "OR");
    static final Set<String> BUILT_IN_CONTROLS = Set.of("block", "mfa", "compliantDevice", "domainJoinedDevice",
            "approvedApplication", "compliantApplication", "passwordChange", "riskRemediation");
    static final Set<String> CLIENT_APP_TYPES = Set.of("all", "browser", "mobileAppsAndDesktopClients",
            "exchangeActiveSync", "easSupported", "other");
    static final Set<String> USER_ACTIONS = Set.of("urn:user:registersecurityinfo", "urn:user:registerdevice");
    static final Set<String> GUEST_TYPES = Set.of("none", "internalGuest", "b2bCollaborationGuest",
            "b2bCollaborationMember", "b2bDirectConnectUser", "otherExternalUser", "serviceProvider");

    static final PolicyShape POLICY = object()
            .field("id", Kind.READ_ONLY).field("createdDateTime", Kind.READ_ONLY)
            .field("modifiedDateTime", Kind.READ_ONLY).field("templateId", Kind.READ_ONLY)
            .field("displayName", Kind.TEXT).field("description", Kind.NOT_IMPORTED)
            .field("state", enumOf(STATES))
            .field("conditions", object()
                    .field("applications", object()
                            .field("includeApplications", Kind.TEXT_LIST).field("excludeApplications", Kind.TEXT_LIST)
                            .field("includeUserActions", listOf(USER_ACTIONS))
                            .field("includeAuthenticationContextClassReferences", Kind.NOT_IMPORTED)
                            .field("applicationFilter", Kind.NOT_IMPORTED))
                    .field("users", object()
                            .field("includeUsers", Kind.TEXT_LIST).field("excludeUsers", Kind.TEXT_LIST)
                            .field("includeGroups", Kind.TEXT_LIST).field("excludeGroups", Kind.TEXT_LIST)
                            .field("includeRoles", Kind.TEXT_LIST).field("excludeRoles", Kind.TEXT_LIST)
                            .field("includeGuestsOrExternalUsers", guests())
                            .field("excludeGuestsOrExternalUsers", guests()))
                    .field("clientAppTypes", listOf(CLIENT_APP_TYPES))
                    .field("locations", object()
                            .field("includeLocations", Kind.TEXT_LIST).field("excludeLocations", Kind.TEXT_LIST))
                    .field("platforms", Kind.NOT_IMPORTED).field("devices", Kind.NOT_IMPORTED)
                    .field("signInRiskLevels", Kind.NOT_IMPORTED).field("userRiskLevels", Kind.NOT_IMPORTED)
                    .field("servicePrincipalRiskLevels", Kind.NOT_IMPORTED)
                    .field("insiderRiskLevels", Kind.NOT_IMPORTED).field("clientApplications", Kind.NOT_IMPORTED)
                    .field("authenticationFlows", Kind.NOT_IMPORTED))
            .field("grantControls", object()
                    .field("operator", enumOf(OPERATORS))
                    .field("builtInControls", listOf(BUILT_IN_CONTROLS))
                    .field("customAuthenticationFactors", Kind.NOT_IMPORTED).field("termsOfUse", Kind.NOT_IMPORTED)
                    .field("authenticationStrength", object()
                            .field("id", Kind.TEXT).field("displayName", Kind.TEXT)
                            .field("allowedCombinations", Kind.TEXT_LIST)
                            .field("description", Kind.EXPANDED).field("policyType", Kind.EXPANDED)
                            .field("requirementsSatisfied", Kind.EXPANDED).field("createdDateTime", Kind.EXPANDED)
                            .field("modifiedDateTime", Kind.EXPANDED)
                            .field("combinationConfigurations", Kind.EXPANDED)))
            .field("sessionControls", object()
                    .field("signInFrequency", object()
                            .field("isEnabled", Kind.BOOLEAN).field("type", enumOf(Set.of("days", "hours")))
                            .field("value", Kind.INTEGER)
                            .field("frequencyInterval", enumOf(Set.of("timeBased", "everyTime")))
                            .field("authenticationType", enumOf(Set.of("primaryAndSecondaryAuthentication",
                                    "secondaryAuthentication"))))
                    .field("applicationEnforcedRestrictions", Kind.NOT_IMPORTED)
                    .field("cloudAppSecurity", Kind.NOT_IMPORTED).field("persistentBrowser", Kind.NOT_IMPORTED)
                    .field("disableResilienceDefaults", Kind.NOT_IMPORTED)
                    .field("secureSignInSession", Kind.NOT_IMPORTED));

    final Kind kind;
    final Set<String> values;
    final Map<String, PolicyShape> fields = new LinkedHashMap<>();

    private PolicyShape(Kind kind, Set<String> values) {
        this.kind = kind;
        this.values = values;
    }

    private static PolicyShape object() {
        return new PolicyShape(Kind.OBJECT, Set.of());
    }

    private static PolicyShape enumOf(Set<String> values) {
        return new PolicyShape(Kind.ENUM, values);
    }

    private static PolicyShape listOf(Set<String> values) {
        return new PolicyShape(Kind.ENUM_LIST, values);
    }

    private static PolicyShape guests() {
        return object().field("guestOrExternalUserTypes", new PolicyShape(Kind.FLAGS, GUEST_TYPES))
                .field("externalTenants", object()
                        .field("membershipKind", enumOf(Set.of("all", "enumerated")))
                        .field("members", Kind.TEXT_LIST));
    }

    private PolicyShape field(String name, Kind fieldKind) {
        return field(name, new PolicyShape(fieldKind, Set.of()));
    }

    private PolicyShape field(String name, PolicyShape shape) {
        fields.put(name, shape);
        return this;
    }
}
