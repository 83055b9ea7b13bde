package dev.gatehouse.ui.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import dev.gatehouse.domain.registration.ActionCoverage.Reach;
import dev.gatehouse.domain.registration.ActionCoverage.Route;
import dev.gatehouse.domain.role.DirectoryRole;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One policy that reaches "Register security information", as the home shows it. Names come from the tenant: the
 * view puts them on screen through {@code VisibleText}.
 *
 * @param name       the policy's display name
 * @param state      the policy's state
 * @param stateLabel "On", "Report-only" or "Off"
 * @param route      how it reaches the action, in words
 * @param appliesTo  who it includes, group names resolved where they could be read
 * @param grant      what it requires, in words
 * @param exclusions one entry per excluded kind or object: "Guests and external users", "Group: Break-glass", …
 * @param warning    what its state means for this action, when it is not On; empty when On
 */
public record PolicyRow(String name, State state, String stateLabel, String route, String appliesTo, String grant,
                        List<String> exclusions, Optional<String> warning) {

    static final String REPORT_ONLY_WARNING = "Report-only protects nothing here: Entra does not even evaluate"
            + " report-only policies for user actions, so sign-in logs will show nothing for it. Only On enforces.";
    static final String OFF_WARNING = "Off: it is not enforced and not evaluated.";

    public PolicyRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        exclusions = List.copyOf(exclusions);
    }

    /** @param groupNames display names by group id; an id missing here is shown as the id */
    static PolicyRow of(Reach reach, Map<String, String> groupNames) {
        ConditionalAccessPolicy policy = reach.policy();
        String route = reach.route() == Route.USER_ACTION ? "Targets the user action Register security information"
                : "Targets All resources, which include user actions";
        Optional<String> warning = switch (policy.state()) {
            case ENABLED -> Optional.empty();
            case REPORT_ONLY -> Optional.of(REPORT_ONLY_WARNING);
            case DISABLED -> Optional.of(OFF_WARNING);
        };
        String name = policy.displayName() == null || policy.displayName().isBlank() ? policy.id()
                : policy.displayName();
        return new PolicyRow(name, policy.state(), reach.state(), route, appliesTo(policy.users(), groupNames),
                reach.grant(), exclusions(policy.users(), groupNames), warning);
    }

    private static String appliesTo(Users users, Map<String, String> groupNames) {
        if (has(users.includeUsers(), "All")) {
            return "All users";
        }
        List<String> parts = new ArrayList<>();
        List<String> people = users.includeUsers().stream().filter(u -> !u.equalsIgnoreCase("None")
                && !u.equalsIgnoreCase("GuestsOrExternalUsers")).sorted().toList();
        listed(parts, "User", people);
        listed(parts, "Group", names(users.includeGroups(), groupNames));
        listed(parts, "Role", roles(users.includeRoles()));
        if (users.includeGuestsOrExternalUsers() || has(users.includeUsers(), "GuestsOrExternalUsers")) {
            parts.add("Guests and external users");
        }
        return parts.isEmpty() ? "Nobody" : String.join("; ", parts);
    }

    private static List<String> exclusions(Users users, Map<String, String> groupNames) {
        List<String> out = new ArrayList<>();
        if (users.excludeGuestsOrExternalUsers() || has(users.excludeUsers(), "GuestsOrExternalUsers")) {
            out.add("Guests and external users");
        }
        names(users.excludeGroups(), groupNames).forEach(group -> out.add("Group: " + group));
        users.excludeUsers().stream().filter(u -> !u.equalsIgnoreCase("GuestsOrExternalUsers")).sorted()
                .forEach(user -> out.add("User: " + user));
        roles(users.excludeRoles()).forEach(role -> out.add("Role: " + role));
        return out;
    }

    private static List<String> names(Collection<String> groupIds, Map<String, String> groupNames) {
        return groupIds.stream().sorted().map(id -> groupNames.getOrDefault(id, id)).toList();
    }

    private static List<String> roles(Collection<String> templateIds) {
        return templateIds.stream().sorted()
                .map(id -> DirectoryRole.byTemplateId(id).map(DirectoryRole::displayName).orElse(id)).toList();
    }

    private static boolean has(Collection<String> values, String wanted) {
        return values.stream().anyMatch(wanted::equalsIgnoreCase);
    }

    /** "Group: Finance", "Roles: Global Administrator, User Administrator". */
    private static void listed(List<String> parts, String noun, List<String> items) {
        if (!items.isEmpty()) {
            parts.add(noun + (items.size() == 1 ? "" : "s") + ": " + String.join(", ", items));
        }
    }
}
