package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Locations;
import dev.gatehouse.domain.text.InertText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changing a policy into another would change, field by field, named by Graph's JSON path in the order the
 * body lists them. Ids compare case-insensitively, as Graph's object ids do; the policies' own ids are not compared.
 * An empty list means applying the proposal changes nothing.
 */
public final class PolicyDiff {

    /**
     * One field that differs.
     *
     * @param before  the current value, readable
     * @param after   the proposed value, readable
     * @param added   for lists: the values the proposal adds; empty otherwise
     * @param removed for lists: the values the proposal removes; empty otherwise
     */
    public record FieldChange(String path, String before, String after, List<String> added, List<String> removed) {
        public FieldChange {
            Objects.requireNonNull(path, "path");
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        /** "conditions.users.excludeGroups: adds g1; removes g2" or "state: disabled → enabled". */
        public String describe() {
            if (added.isEmpty() && removed.isEmpty()) {
                return path + ": " + before + " \u2192 " + after;
            }
            List<String> parts = new ArrayList<>();
            if (!added.isEmpty()) {
                parts.add("adds " + String.join(", ", added));
            }
            if (!removed.isEmpty()) {
                parts.add("removes " + String.join(", ", removed));
            }
            return path + ": " + String.join("; ", parts);
        }
    }

    private final List<FieldChange> changes = new ArrayList<>();

    private PolicyDiff() {
    }

    public static List<FieldChange> between(ConditionalAccessPolicy current, ConditionalAccessPolicy proposed) {
        PolicyDiff diff = new PolicyDiff();
        diff.value("displayName", current, proposed, p -> "\"" + InertText.escape(p.displayName()) + "\"");
        diff.value("state", current, proposed, p -> p.state().graphValue());
        diff.list("conditions.clientAppTypes", current.clientAppTypes(), proposed.clientAppTypes());
        diff.list("conditions.applications.includeApplications", current.includeApplications(),
                proposed.includeApplications());
        diff.list("conditions.applications.excludeApplications", current.excludeApplications(),
                proposed.excludeApplications());
        diff.list("conditions.applications.includeUserActions", current.includeUserActions(),
                proposed.includeUserActions());
        ConditionalAccessPolicy.Users was = current.users();
        ConditionalAccessPolicy.Users will = proposed.users();
        diff.list("conditions.users.includeUsers", was.includeUsers(), will.includeUsers());
        diff.list("conditions.users.excludeUsers", was.excludeUsers(), will.excludeUsers());
        diff.list("conditions.users.includeGroups", was.includeGroups(), will.includeGroups());
        diff.list("conditions.users.excludeGroups", was.excludeGroups(), will.excludeGroups());
        diff.list("conditions.users.includeRoles", was.includeRoles(), will.includeRoles());
        diff.list("conditions.users.excludeRoles", was.excludeRoles(), will.excludeRoles());
        diff.value("conditions.users.includeGuestsOrExternalUsers", current, proposed,
                p -> guests(p.users().includeGuestsOrExternalUsers()));
        diff.value("conditions.users.excludeGuestsOrExternalUsers", current, proposed,
                p -> guests(p.users().excludeGuestsOrExternalUsers()));
        diff.value("conditions.locations", current, proposed, p -> locations(p.locations()));
        diff.value("grantControls.operator", current, proposed, p -> p.grant().requireAll() ? "AND" : "OR");
        diff.list("grantControls.builtInControls", current.grant().builtInControls(),
                proposed.grant().builtInControls());
        diff.strength(current.grant().strength(), proposed.grant().strength());
        diff.value("sessionControls.signInFrequency", current, proposed, p -> frequency(p.signInFrequency()));
        return List.copyOf(diff.changes);
    }

    private void value(String path, ConditionalAccessPolicy current, ConditionalAccessPolicy proposed,
                       Function<ConditionalAccessPolicy, String> reading) {
        String before = reading.apply(current);
        String after = reading.apply(proposed);
        if (!before.equalsIgnoreCase(after)) {
            changes.add(new FieldChange(path, before, after, List.of(), List.of()));
        }
    }

    /** By id: the name and combinations a read returns beside it do not change what the policy requires. */
    private void strength(Optional<AuthenticationStrength> current, Optional<AuthenticationStrength> proposed) {
        String was = current.map(AuthenticationStrength::id).orElse("");
        String will = proposed.map(AuthenticationStrength::id).orElse("");
        if (!was.equalsIgnoreCase(will)) {
            changes.add(new FieldChange("grantControls.authenticationStrength", strength(current), strength(proposed),
                    List.of(), List.of()));
        }
    }

    private void list(String path, Set<String> current, Set<String> proposed) {
        List<String> added = missingFrom(current, proposed);
        List<String> removed = missingFrom(proposed, current);
        if (!added.isEmpty() || !removed.isEmpty()) {
            changes.add(new FieldChange(path, readable(current), readable(proposed), added, removed));
        }
    }

    /** The values of {@code values} that {@code others} lacks, ignoring case; sorted. */
    private static List<String> missingFrom(Set<String> others, Set<String> values) {
        Set<String> lowered = others.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return values.stream().filter(v -> !lowered.contains(v.toLowerCase(Locale.ROOT))).map(InertText::escape)
                .sorted().toList();
    }

    private static String readable(Set<String> values) {
        return values.isEmpty() ? "none" : new TreeSet<>(values).stream().map(InertText::escape)
                .collect(Collectors.joining(", "));
    }

    private static String guests(boolean set) {
        return set ? "every guest and external user" : "none";
    }

    private static String locations(Locations locations) {
        if (locations.isNone()) {
            return "every location (no condition)";
        }
        return "include " + readable(locations.includeLocations()) + ", exclude "
                + readable(locations.excludeLocations());
    }

    private static String strength(Optional<AuthenticationStrength> strength) {
        return strength.map(s -> s.displayName() == null || s.displayName().isBlank() ? InertText.escape(s.id())
                : "\"" + InertText.escape(s.displayName()) + "\" (" + InertText.escape(s.id()) + ")").orElse("none");
    }

    private static String frequency(Optional<Integer> hours) {
        return hours.map(h -> h == 0 ? "every time" : "after " + (h % 24 == 0 ? plural(h / 24, "day")
                : plural(h, "hour"))).orElse("none");
    }

    private static String plural(int count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
