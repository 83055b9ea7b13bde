package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.Fido2Settings;
import dev.gatehouse.domain.policy.KeyRestrictions;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodConfigurationChange;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.policy.TapSettings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Graph's policy JSON to the domain's policy records. Read as JSON rather than through the SDK models for two
 * reasons: the SDK's {@code authenticationMethodModes} enum holds one mode per value, so Kiota silently drops
 * combinations such as {@code "password,microsoftAuthenticatorPush"} from {@code allowedCombinations}; and every
 * method configuration type declares its own {@code includeTargets} type, where the JSON has one shape.
 */
final class PolicyMapping {

    /** The TAP configuration's documented defaults (temporaryaccesspassauthenticationmethodconfiguration). */
    private static final TapSettings TAP_DEFAULTS = new TapSettings(60, 60, 480, false, 8);

    private PolicyMapping() {
    }

    /** {@code GET /policies/authenticationMethodsPolicy}. */
    static MethodsPolicy methodsPolicy(JsonNode policy) {
        List<MethodConfiguration> configurations = new ArrayList<>();
        TapSettings tap = null;
        Fido2Settings fido2 = null;
        for (JsonNode configuration : policy.path("authenticationMethodConfigurations")) {
            String id = configuration.path("id").asText();
            configurations.add(new MethodConfiguration(id,
                    "enabled".equalsIgnoreCase(configuration.path("state").asText()),
                    targets(configuration.path("includeTargets")), targets(configuration.path("excludeTargets"))));
            if (MethodsPolicy.TEMPORARY_ACCESS_PASS.equalsIgnoreCase(id)) {
                tap = new TapSettings(
                        integer(configuration, "defaultLifetimeInMinutes", TAP_DEFAULTS.defaultLifetimeMinutes()),
                        integer(configuration, "minimumLifetimeInMinutes", TAP_DEFAULTS.minimumLifetimeMinutes()),
                        integer(configuration, "maximumLifetimeInMinutes", TAP_DEFAULTS.maximumLifetimeMinutes()),
                        configuration.path("isUsableOnce").asBoolean(TAP_DEFAULTS.usableOnceOnly()),
                        integer(configuration, "defaultLength", TAP_DEFAULTS.defaultLength()));
            }
            if (MethodConfigurationChange.FIDO2.equalsIgnoreCase(id)) {
                fido2 = fido2Settings(configuration);
            }
        }
        return new MethodsPolicy(configurations, Optional.ofNullable(tap), Optional.ofNullable(fido2));
    }

    /**
     * {@code fido2AuthenticationMethodConfiguration}'s settings (v1.0 resources fido2authenticationmethodconfiguration
     * and fido2keyrestrictions). What Graph left out reads as the portal's defaults: self-service allowed, attestation
     * and key restrictions off; an enforced list without its {@code enforcementType} as a block list.
     */
    static Fido2Settings fido2Settings(JsonNode configuration) {
        JsonNode restrictions = configuration.path("keyRestrictions");
        Set<String> aaGuids = new LinkedHashSet<>();
        restrictions.path("aaGuids").forEach(guid -> {
            if (guid.isTextual() && !guid.asText().isBlank()) {
                aaGuids.add(guid.asText());
            }
        });
        KeyRestrictions.Enforcement enforcement = "allow".equalsIgnoreCase(restrictions.path("enforcementType")
                .asText()) ? KeyRestrictions.Enforcement.ALLOW : KeyRestrictions.Enforcement.BLOCK;
        return new Fido2Settings(configuration.path("isSelfServiceRegistrationAllowed").asBoolean(true),
                configuration.path("isAttestationEnforced").asBoolean(false),
                new KeyRestrictions(restrictions.path("isEnforced").asBoolean(false), enforcement, aaGuids));
    }

    private static List<PolicyTarget> targets(JsonNode targets) {
        List<PolicyTarget> list = new ArrayList<>();
        for (JsonNode target : targets) {
            String id = target.path("id").asText();
            if (PolicyTarget.ALL_USERS.equalsIgnoreCase(id)) {
                list.add(PolicyTarget.allUsers());
            } else {
                PolicyTarget.Kind kind = "user".equalsIgnoreCase(target.path("targetType").asText())
                        ? PolicyTarget.Kind.USER : PolicyTarget.Kind.GROUP;
                list.add(new PolicyTarget(kind, id, null));
            }
        }
        return list;
    }

    /**
     * One {@code conditionalAccessPolicy}.
     *
     * @param strengths resolves a required strength Graph returned without its combinations (by id)
     */
    static ConditionalAccessPolicy conditionalAccessPolicy(JsonNode policy,
                                                           Function<String, AuthenticationStrength> strengths) {
        JsonNode users = policy.path("conditions").path("users");
        JsonNode applications = policy.path("conditions").path("applications");
        JsonNode grant = policy.path("grantControls");
        JsonNode locations = policy.path("conditions").path("locations");
        return new ConditionalAccessPolicy(policy.path("id").asText(), policy.path("displayName").asText(null),
                ConditionalAccessPolicy.State.fromGraph(policy.path("state").asText()),
                new ConditionalAccessPolicy.Users(strings(users, "includeUsers"), strings(users, "excludeUsers"),
                        strings(users, "includeGroups"), strings(users, "excludeGroups"),
                        strings(users, "includeRoles"), strings(users, "excludeRoles"),
                        present(users, "includeGuestsOrExternalUsers"), present(users, "excludeGuestsOrExternalUsers")),
                strings(applications, "includeApplications"), strings(applications, "excludeApplications"),
                strings(applications, "includeUserActions"),
                new ConditionalAccessPolicy.Grant("AND".equalsIgnoreCase(grant.path("operator").asText()),
                        strings(grant, "builtInControls"), strength(grant.path("authenticationStrength"), strengths)),
                signInFrequencyHours(policy.path("sessionControls").path("signInFrequency")),
                strings(policy.path("conditions"), "clientAppTypes"),
                new ConditionalAccessPolicy.Locations(strings(locations, "includeLocations"),
                        strings(locations, "excludeLocations")));
    }

    /** The strength as Graph returned it inline, or resolved by id when the combinations were left out. */
    private static Optional<AuthenticationStrength> strength(JsonNode strength,
                                                             Function<String, AuthenticationStrength> byId) {
        if (!strength.isObject() || strength.path("id").asText().isEmpty()) {
            return Optional.empty();
        }
        if (!strength.path("allowedCombinations").isArray()) {
            return Optional.of(byId.apply(strength.path("id").asText()));
        }
        return Optional.of(authenticationStrength(strength));
    }

    /** {@code GET /policies/authenticationStrengthPolicies/{id}}. */
    static AuthenticationStrength authenticationStrength(JsonNode strength) {
        return new AuthenticationStrength(strength.path("id").asText(), strength.path("displayName").asText(null),
                strings(strength, "allowedCombinations"));
    }

    /** Hours between re-authentications; 0 for "every time"; empty when the policy sets no frequency. */
    private static Optional<Integer> signInFrequencyHours(JsonNode frequency) {
        if (!frequency.path("isEnabled").asBoolean(false)) {
            return Optional.empty();
        }
        if ("everyTime".equalsIgnoreCase(frequency.path("frequencyInterval").asText())) {
            return Optional.of(0);
        }
        int value = frequency.path("value").asInt(0);
        return Optional.of("days".equalsIgnoreCase(frequency.path("type").asText()) ? value * 24 : value);
    }

    private static Set<String> strings(JsonNode parent, String field) {
        Set<String> values = new LinkedHashSet<>();
        parent.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }

    private static boolean present(JsonNode parent, String field) {
        return parent.path(field).isObject();
    }

    private static int integer(JsonNode parent, String field, int fallback) {
        return parent.path(field).isNumber() ? parent.path(field).asInt() : fallback;
    }
}
