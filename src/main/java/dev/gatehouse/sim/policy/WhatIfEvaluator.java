package dev.gatehouse.sim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a Conditional Access policy applies to a sign-in, as {@code POST /identity/conditionalAccess/evaluate}
 * (What If) answers it: {@code policyApplies} and the {@code analysisReasons} that kept it from applying. Only
 * the policy's conditions count (assignments, resources, client apps, platforms, device filter, risks,
 * authentication flows); grant and session controls do not decide applicability. Report-only policies are
 * evaluated like enabled ones; disabled policies never apply ({@code policyNotEnabled}).
 *
 * <p>Sources: conditionalaccessroot-evaluate (examples: policies targeting "All" resources apply to a
 * user-action sign-in as well as the policies naming the action; missing sign-in details leave a condition
 * unevaluated), whatIfAnalysisReasons (the reason names), conditionalAccessUsers and
 * conditionalAccessGuestsOrExternalUsers (assignments).</p>
 */
public final class WhatIfEvaluator {

    /** whatIfAnalysisReasons members, in the enum's order, which is the order they are reported in. */
    public enum Reason {
        notEnoughInformation, users, application, userActions, authenticationContext, devicePlatform, devices,
        clientApps, location, signInRisk, policyNotEnabled, userRisk, insiderRisk, authenticationFlow
    }

    /** User actions as What If names them, with the policies' {@code includeUserActions} values. */
    private static final Map<String, String> USER_ACTIONS = Map.of(
            "registersecurityinformation", "urn:user:registersecurityinfo",
            "registerorjoindevices", "urn:user:registerdevice");

    /** Apps the {@code Office365} resource group covers (Exchange Online, SharePoint Online, Teams). */
    private static final Set<String> OFFICE_365 = Set.of("00000002-0000-0ff1-ce00-000000000000",
            "00000003-0000-0ff1-ce00-000000000000", "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe");

    /**
     * Apps the {@code MicrosoftAdminPortals} group covers that the demo tenant knows: the Azure portal (Microsoft's
     * "Conditional Access target resources: Microsoft Admin Portals" lists it among the portals).
     */
    private static final Set<String> ADMIN_PORTALS = Set.of("c44b4083-3bb0-49c1-b47d-974e53cbdf3c");

    /**
     * Who signs in.
     *
     * @param guestType the {@code conditionalAccessGuestOrExternalUserTypes} member the user is, e.g.
     *                  {@code b2bCollaborationGuest}; null for an internal member
     */
    public record Subject(String userId, String guestType, Set<String> groupIds, Set<String> roleTemplateIds) {
        public Subject {
            groupIds = lower(groupIds);
            roleTemplateIds = lower(roleTemplateIds);
        }
    }

    /** What the sign-in is for: applications, a user action, or an authentication context. */
    public sealed interface Target {
        record Applications(List<String> appIds) implements Target {
        }

        /** @param action What If's name, {@code registerSecurityInformation} or {@code registerOrJoinDevices} */
        record UserAction(String action) implements Target {
        }

        record AuthenticationContext(String value) implements Target {
        }
    }

    /**
     * The sign-in details What If was given ({@code signInConditions}); null where not given.
     *
     * @param deviceInfo the {@code deviceInfo} object, or a missing node
     */
    public record Conditions(String clientAppType, String devicePlatform, JsonNode deviceInfo, String signInRiskLevel,
                             String userRiskLevel, String insiderRiskLevel, String transferMethod) {
        public Conditions {
            deviceInfo = deviceInfo == null ? MissingNode.getInstance() : deviceInfo;
        }

        public static Conditions none() {
            return new Conditions(null, null, null, null, null, null, null);
        }
    }

    /** {@code policyApplies} and the reasons it does not ({@code notSet} when it does). */
    public record Result(boolean applies, Set<Reason> reasons) {
        public String analysisReasons() {
            return reasons.isEmpty() ? "notSet" : reasons.stream().map(Reason::name).collect(Collectors.joining(","));
        }
    }

    public Result evaluate(JsonNode policy, Subject subject, Target target, Conditions sign) {
        EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);
        JsonNode conditions = policy.path("conditions");
        if (!usersMatch(conditions.path("users"), subject)) {
            reasons.add(Reason.users);
        }
        resourcesMatch(conditions.path("applications"), target, reasons);
        listCondition(conditions.path("clientAppTypes"), "all", sign.clientAppType(), Reason.clientApps, reasons);
        platformsMatch(conditions.path("platforms"), sign.devicePlatform(), reasons);
        devicesMatch(conditions.path("devices"), sign.deviceInfo(), reasons);
        locationsMatch(conditions.path("locations"), reasons);
        listCondition(conditions.path("signInRiskLevels"), null, sign.signInRiskLevel(), Reason.signInRisk, reasons);
        listCondition(conditions.path("userRiskLevels"), null, sign.userRiskLevel(), Reason.userRisk, reasons);
        listCondition(conditions.path("insiderRiskLevels"), null, sign.insiderRiskLevel(), Reason.insiderRisk, reasons);
        flowsMatch(conditions.path("authenticationFlows"), sign.transferMethod(), reasons);
        if (policy.path("state").asText().equals("disabled")) {
            reasons.add(Reason.policyNotEnabled);
        }
        return new Result(reasons.isEmpty(), reasons);
    }

    private static boolean usersMatch(JsonNode users, Subject subject) {
        Set<String> includeUsers = values(users.path("includeUsers"));
        boolean guest = subject.guestType() != null;
        boolean included = !includeUsers.contains("none") && (includeUsers.contains("all")
                || includeUsers.contains(subject.userId().toLowerCase(Locale.ROOT))
                || guest && includeUsers.contains("guestsorexternalusers")
                || intersects(values(users.path("includeGroups")), subject.groupIds())
                || intersects(values(users.path("includeRoles")), subject.roleTemplateIds())
                || guestTypesMatch(users.path("includeGuestsOrExternalUsers"), subject));
        Set<String> excludeUsers = values(users.path("excludeUsers"));
        boolean excluded = excludeUsers.contains(subject.userId().toLowerCase(Locale.ROOT))
                || guest && excludeUsers.contains("guestsorexternalusers")
                || intersects(values(users.path("excludeGroups")), subject.groupIds())
                || intersects(values(users.path("excludeRoles")), subject.roleTemplateIds())
                || guestTypesMatch(users.path("excludeGuestsOrExternalUsers"), subject);
        return included && !excluded;
    }

    /**
     * The user's guest type must be among {@code guestOrExternalUserTypes}; the tenant filter matches all
     * external tenants, or enumerated ones (the demo tenant does not know guests' home tenants, so those never match).
     */
    private static boolean guestTypesMatch(JsonNode guests, Subject subject) {
        if (!guests.isObject() || subject.guestType() == null) {
            return false;
        }
        Set<String> types = values(guests.path("guestOrExternalUserTypes"));
        if (!types.contains(subject.guestType().toLowerCase(Locale.ROOT))) {
            return false;
        }
        JsonNode tenants = guests.path("externalTenants");
        return !tenants.isObject() || tenants.path("membershipKind").asText("all").equals("all");
    }

    private static void resourcesMatch(JsonNode applications, Target target, Set<Reason> reasons) {
        Set<String> include = values(applications.path("includeApplications"));
        Set<String> exclude = values(applications.path("excludeApplications"));
        boolean allResources = include.contains("all");
        if (target instanceof Target.Applications apps) {
            Set<String> requested = lower(Set.copyOf(apps.appIds()));
            boolean included = allResources || names(include, requested);
            boolean excluded = names(exclude, requested);
            if (!included || excluded) {
                reasons.add(Reason.application);
            }
        } else if (target instanceof Target.UserAction action) {
            String urn = USER_ACTIONS.get(action.action().toLowerCase(Locale.ROOT));
            if (!allResources && (urn == null || !values(applications.path("includeUserActions")).contains(urn))) {
                reasons.add(Reason.userActions);
            }
        } else if (target instanceof Target.AuthenticationContext context) {
            Set<String> contexts = values(applications.path("includeAuthenticationContextClassReferences"));
            if (!allResources && !contexts.contains(context.value().toLowerCase(Locale.ROOT))) {
                reasons.add(Reason.authenticationContext);
            }
        }
    }

    /** Whether the listed resources name a requested app, by its id or an app group that holds it. */
    private static boolean names(Set<String> listed, Set<String> requested) {
        return intersects(listed, requested)
                || listed.contains("office365") && requested.stream().anyMatch(OFFICE_365::contains)
                || listed.contains("microsoftadminportals") && requested.stream().anyMatch(ADMIN_PORTALS::contains);
    }

    /**
     * A list condition ({@code clientAppTypes}, risk levels): empty or null, or holding {@code any} (when given),
     * always matches; otherwise the sign-in's value must be listed, and a value What If was not given leaves the
     * condition unevaluated ({@code notEnoughInformation}).
     */
    private static void listCondition(JsonNode list, String any, String value, Reason reason, Set<Reason> reasons) {
        Set<String> listed = values(list);
        if (listed.isEmpty() || any != null && listed.contains(any)) {
            return;
        }
        if (value == null) {
            reasons.add(Reason.notEnoughInformation);
        } else if (!listed.contains(value.toLowerCase(Locale.ROOT))) {
            reasons.add(reason);
        }
    }

    private static void platformsMatch(JsonNode platforms, String platform, Set<Reason> reasons) {
        if (!platforms.isObject()) {
            return;
        }
        if (platform == null) {
            reasons.add(Reason.notEnoughInformation);
            return;
        }
        String value = platform.toLowerCase(Locale.ROOT);
        Set<String> include = values(platforms.path("includePlatforms"));
        Set<String> exclude = values(platforms.path("excludePlatforms"));
        boolean included = include.contains("all") || include.contains(value);
        boolean excluded = exclude.contains("all") || exclude.contains(value);
        if (!included || excluded) {
            reasons.add(Reason.devicePlatform);
        }
    }

    private static void devicesMatch(JsonNode devices, JsonNode deviceInfo, Set<Reason> reasons) {
        JsonNode filter = devices.path("deviceFilter");
        if (!filter.isObject()) {
            return;
        }
        if (!deviceInfo.isObject()) {
            reasons.add(Reason.notEnoughInformation);
            return;
        }
        boolean ruleHolds = DeviceFilterRule.parse(filter.path("rule").asText()).matches(deviceInfo);
        boolean include = filter.path("mode").asText("include").equals("include");
        if (ruleHolds != include) {
            reasons.add(Reason.devices);
        }
    }

    /** The demo tenant has no named locations: only "All" without exclusions can be evaluated. */
    private static void locationsMatch(JsonNode locations, Set<Reason> reasons) {
        if (!locations.isObject()) {
            return;
        }
        Set<String> include = values(locations.path("includeLocations"));
        if (!include.contains("all") || !values(locations.path("excludeLocations")).isEmpty()) {
            reasons.add(Reason.notEnoughInformation);
        }
    }

    private static void flowsMatch(JsonNode flows, String transferMethod, Set<Reason> reasons) {
        Set<String> methods = values(flows.path("transferMethods"));
        if (!methods.isEmpty() && (transferMethod == null || !methods.contains(transferMethod.toLowerCase(Locale.ROOT)))) {
            reasons.add(Reason.authenticationFlow);
        }
    }

    /** An array's strings, or a flags string's members, lower-cased. */
    private static Set<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else if (node.isTextual()) {
            for (String part : node.asText().split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return lower(Set.copyOf(values));
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }
}
