package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Locations;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign.Audience;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign.OtherExclusions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An existing policy read as a registration-policy design. Where the policy holds what the design cannot, the
 * design takes the stricter or the safer reading (a pilot without a group rather than All users; exclusions kept)
 * and says so, so continuing from the tenant's policy never quietly widens it or drops a break-glass exclusion.
 */
final class DesignReading {

    /** The legacy {@code excludeUsers} value seed 000's script uses for guests. */
    private static final String LEGACY_GUESTS = "GuestsOrExternalUsers";
    private static final Set<String> CARRIED_CONTROLS = Set.of(RegistrationPolicyDesign.COMPLIANT_DEVICE,
            RegistrationPolicyDesign.MFA);

    private DesignReading() {
    }

    static DerivedDesign read(ConditionalAccessPolicy policy, Optional<String> emergencyGroupId) {
        List<String> notCarried = new ArrayList<>();
        ConditionalAccessPolicy.Users users = policy.users();

        Audience audience = Audience.ALL_USERS;
        Optional<String> pilot = Optional.empty();
        boolean allUsers = users.includeUsers().stream().anyMatch(RegistrationPolicyDesign.ALL_USERS::equalsIgnoreCase);
        if (!allUsers) {
            audience = Audience.PILOT_GROUP;
            if (users.includeGroups().size() == 1 && users.includeUsers().isEmpty() && users.includeRoles().isEmpty()) {
                pilot = Optional.of(users.includeGroups().iterator().next());
            } else {
                notCarried.add("conditions.users: the policy reaches " + reach(users) + "; the design reaches All "
                        + "users or one pilot group, so it becomes a pilot without a group until you choose one.");
            }
        }
        if (users.includeGuestsOrExternalUsers()) {
            notCarried.add("conditions.users.includeGuestsOrExternalUsers: guests are included explicitly; the design "
                    + "does not include them on their own.");
        }

        Set<String> excludedUsers = new HashSet<>(users.excludeUsers());
        boolean legacyGuests = excludedUsers.removeIf(LEGACY_GUESTS::equalsIgnoreCase);
        if (legacyGuests && !users.excludeGuestsOrExternalUsers()) {
            notCarried.add("conditions.users.excludeUsers: \"" + LEGACY_GUESTS + "\" becomes the "
                    + "excludeGuestsOrExternalUsers object (every kind of guest and external user, from every "
                    + "tenant).");
        }
        Set<String> excludedGroups = new HashSet<>(users.excludeGroups());
        Optional<String> emergency = emergencyGroupId.filter(id -> excludedGroups.removeIf(id::equalsIgnoreCase));

        boolean excludeTrusted = false;
        Locations locations = policy.locations();
        if (isTrustedLocationsExcluded(locations)) {
            excludeTrusted = true;
        } else if (!locations.isNone()) {
            notCarried.add("conditions.locations: include " + list(locations.includeLocations()) + ", exclude "
                    + list(locations.excludeLocations()) + "; the design either applies everywhere or everywhere but "
                    + "trusted locations, so it applies everywhere.");
        }
        applicationsNotCarried(policy, notCarried);

        ConditionalAccessPolicy.Grant grant = policy.grant();
        Set<String> dropped = new TreeSet<>(grant.builtInControls());
        dropped.removeIf(control -> CARRIED_CONTROLS.stream().anyMatch(control::equalsIgnoreCase));
        if (!dropped.isEmpty()) {
            notCarried.add("grantControls.builtInControls: " + list(dropped) + " not part of the design; dropped.");
        }
        boolean compliantDevice = has(grant.builtInControls(), RegistrationPolicyDesign.COMPLIANT_DEVICE);
        boolean mfa = has(grant.builtInControls(), RegistrationPolicyDesign.MFA);
        int controls = (compliantDevice ? 1 : 0) + (mfa ? 1 : 0) + (grant.strength().isPresent() ? 1 : 0);
        if (grant.requireAll() && controls > 1) {
            notCarried.add("grantControls.operator: AND (every control required) becomes OR (any one of them).");
        }

        RegistrationPolicyDesign design = new RegistrationPolicyDesign(policy.displayName(), policy.state(), audience,
                pilot, users.excludeGuestsOrExternalUsers() || legacyGuests, emergency,
                new OtherExclusions(excludedUsers, excludedGroups, users.excludeRoles()),
                grant.strength().map(StrengthChoice.Reuse::new), compliantDevice, mfa, policy.signInFrequency(),
                excludeTrusted);
        return new DerivedDesign(design, notCarried);
    }

    private static void applicationsNotCarried(ConditionalAccessPolicy policy, List<String> notCarried) {
        if (!policy.includeApplications().isEmpty() || !policy.excludeApplications().isEmpty()) {
            notCarried.add("conditions.applications: applications " + list(policy.includeApplications())
                    + (policy.excludeApplications().isEmpty() ? "" : " (except " + list(policy.excludeApplications())
                    + ")") + "; the design targets the user action alone.");
        }
        Set<String> actions = new TreeSet<>(policy.includeUserActions());
        actions.removeIf(ConditionalAccessPolicy.REGISTER_SECURITY_INFO::equalsIgnoreCase);
        if (!actions.isEmpty()) {
            notCarried.add("conditions.applications.includeUserActions: " + list(actions) + " becomes "
                    + ConditionalAccessPolicy.REGISTER_SECURITY_INFO + " alone.");
        }
        if (!policy.clientAppTypes().equals(Set.of(ConditionalAccessPolicy.ALL_CLIENT_APPS))) {
            notCarried.add("conditions.clientAppTypes: " + list(policy.clientAppTypes()) + " becomes all.");
        }
    }

    static boolean isTrustedLocationsExcluded(Locations locations) {
        return locations.includeLocations().equals(Set.of(Locations.ALL))
                && locations.excludeLocations().equals(Set.of(Locations.ALL_TRUSTED));
    }

    private static String reach(ConditionalAccessPolicy.Users users) {
        List<String> parts = new ArrayList<>();
        if (!users.includeUsers().isEmpty()) {
            parts.add("users " + list(users.includeUsers()));
        }
        if (!users.includeGroups().isEmpty()) {
            parts.add("groups " + list(users.includeGroups()));
        }
        if (!users.includeRoles().isEmpty()) {
            parts.add("directory roles " + list(users.includeRoles()));
        }
        return parts.isEmpty() ? "nobody" : String.join(" and ", parts);
    }

    private static boolean has(Set<String> controls, String control) {
        return controls.stream().anyMatch(control::equalsIgnoreCase);
    }

    private static String list(Set<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", new TreeSet<>(values));
    }
}
