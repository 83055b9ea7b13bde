package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;

import java.util.Collection;

/**
 * Whether a Conditional Access policy's assignments reach a sign-in, whatever its state: the user (by id, group,
 * role, guest status, with exclusions winning) and the resource. A policy on "All" resources also covers user
 * actions such as Register security information (graph-facts §10.5, the What If examples). Ids compare
 * case-insensitively. Every simulated sign-in is a modern one (a browser, or a mobile or desktop app with modern
 * authentication; legacy protocols cannot do MFA at all), so a policy only on legacy clients
 * ({@code exchangeActiveSync}, {@code other}) does not reach it.
 */
public final class PolicyScope {

    static final String ALL = "All";
    static final String NONE = "None";
    static final String GUESTS = "GuestsOrExternalUsers";
    static final String OFFICE_365 = "Office365";
    /** Conditional Access's group of Microsoft's admin portals, the Azure portal among them. */
    static final String ADMIN_PORTALS = "MicrosoftAdminPortals";
    /** The client-app types a simulated sign-in can be. */
    private static final java.util.List<String> MODERN_CLIENTS = java.util.List.of(
            ConditionalAccessPolicy.ALL_CLIENT_APPS, "browser", "mobileAppsAndDesktopClients");

    private PolicyScope() {
    }

    public static boolean appliesTo(ConditionalAccessPolicy policy, UserSnapshot user, SignInTarget target) {
        return includesUser(policy.users(), user) && coversTarget(policy, target);
    }

    public static boolean includesUser(Users users, UserSnapshot user) {
        String id = user.profile().id();
        boolean guest = user.profile().isGuest();
        boolean included = !contains(users.includeUsers(), NONE) && (contains(users.includeUsers(), ALL)
                || contains(users.includeUsers(), id)
                || guest && (contains(users.includeUsers(), GUESTS) || users.includeGuestsOrExternalUsers())
                || intersects(users.includeGroups(), user.groupIds())
                || intersects(users.includeRoles(), user.roleTemplateIds()));
        boolean excluded = contains(users.excludeUsers(), id)
                || guest && (contains(users.excludeUsers(), GUESTS) || users.excludeGuestsOrExternalUsers())
                || intersects(users.excludeGroups(), user.groupIds())
                || intersects(users.excludeRoles(), user.roleTemplateIds());
        return included && !excluded;
    }

    public static boolean coversTarget(ConditionalAccessPolicy policy, SignInTarget target) {
        if (MODERN_CLIENTS.stream().noneMatch(type -> contains(policy.clientAppTypes(), type))) {
            return false;
        }
        boolean allResources = contains(policy.includeApplications(), ALL);
        if (target.isUserAction()) {
            return allResources || contains(policy.includeUserActions(), target.id());
        }
        boolean adminPortal = target.equals(SignInTarget.AZURE_PORTAL);
        boolean included = allResources || contains(policy.includeApplications(), target.id())
                || adminPortal && contains(policy.includeApplications(), ADMIN_PORTALS);
        return included && !contains(policy.excludeApplications(), target.id())
                && !(adminPortal && contains(policy.excludeApplications(), ADMIN_PORTALS));
    }

    private static boolean contains(Collection<String> values, String wanted) {
        return values.stream().anyMatch(wanted::equalsIgnoreCase);
    }

    private static boolean intersects(Collection<String> a, Collection<String> b) {
        return a.stream().anyMatch(x -> contains(b, x));
    }
}
