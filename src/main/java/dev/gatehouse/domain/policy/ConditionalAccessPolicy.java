package dev.gatehouse.domain.policy;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a Conditional Access policy that decide what a user experiences at sign-in. Values keep Graph's
 * spelling: {@code All}, {@code None}, {@code GuestsOrExternalUsers}, object ids, role template ids,
 * {@code urn:user:registersecurityinfo}, {@code mfa}, {@code compliantDevice}, {@code block}.
 *
 * @param signInFrequency hours between forced re-authentications, empty when the policy sets none
 * @param clientAppTypes  Graph's {@code conditions.clientAppTypes} ({@code all}, {@code browser},
 *                        {@code mobileAppsAndDesktopClients}, {@code exchangeActiveSync}, {@code other}); empty
 *                        counts as {@code all}
 * @param locations       Graph's {@code conditions.locations}; {@link Locations#NONE} when the policy sets no location
 *                        condition (every location)
 */
public record ConditionalAccessPolicy(String id, String displayName, State state, Users users,
                                      Set<String> includeApplications, Set<String> excludeApplications,
                                      Set<String> includeUserActions, Grant grant, Optional<Integer> signInFrequency,
                                      Set<String> clientAppTypes, Locations locations) {

    /** Graph's value for a policy without a client-app condition. */
    public static final String ALL_CLIENT_APPS = "all";

    /** The user action "Register security information". */
    public static final String REGISTER_SECURITY_INFO = "urn:user:registersecurityinfo";

    public enum State {
        ENABLED("enabled"), REPORT_ONLY("enabledForReportingButNotEnforced"), DISABLED("disabled");

        private final String graphValue;

        State(String graphValue) {
            this.graphValue = graphValue;
        }

        /** As the Entra admin center says it: On, Report-only, Off. */
        public String words() {
            return switch (this) {
                case ENABLED -> "On";
                case REPORT_ONLY -> "report-only";
                case DISABLED -> "Off";
            };
        }

        /** Graph's spelling: {@code enabled}, {@code enabledForReportingButNotEnforced}, {@code disabled}. */
        public String graphValue() {
            return graphValue;
        }

        /** Unknown values read as {@link #DISABLED}. */
        public static State fromGraph(String value) {
            return Arrays.stream(values()).filter(s -> s.graphValue.equalsIgnoreCase(value)).findFirst()
                    .orElse(DISABLED);
        }
    }

    public record Users(Set<String> includeUsers, Set<String> excludeUsers, Set<String> includeGroups,
                        Set<String> excludeGroups, Set<String> includeRoles, Set<String> excludeRoles,
                        boolean includeGuestsOrExternalUsers, boolean excludeGuestsOrExternalUsers) {
        public Users {
            includeUsers = Set.copyOf(includeUsers);
            excludeUsers = Set.copyOf(excludeUsers);
            includeGroups = Set.copyOf(includeGroups);
            excludeGroups = Set.copyOf(excludeGroups);
            includeRoles = Set.copyOf(includeRoles);
            excludeRoles = Set.copyOf(excludeRoles);
        }

        /** Whether {@code groupId} is among the excluded groups; object ids compare case-insensitively. */
        public boolean excludesGroup(String groupId) {
            return excludeGroups.stream().anyMatch(groupId::equalsIgnoreCase);
        }

        /** Whether {@code groupId} is among the included groups; object ids compare case-insensitively. */
        public boolean includesGroup(String groupId) {
            return includeGroups.stream().anyMatch(groupId::equalsIgnoreCase);
        }
    }

    /**
     * @param requireAll true for Graph's operator {@code AND}, false for {@code OR}
     * @param strength   the required authentication strength, with its allowed combinations resolved
     */
    public record Grant(boolean requireAll, Set<String> builtInControls, Optional<AuthenticationStrength> strength) {
        public Grant {
            builtInControls = Set.copyOf(builtInControls);
            strength = strength == null ? Optional.empty() : strength;
        }
    }

    /**
     * {@code conditions.locations}: named-location ids, {@code All} or {@code AllTrusted}. A policy that includes
     * {@code All} and excludes {@code AllTrusted} applies everywhere except on trusted networks.
     */
    public record Locations(Set<String> includeLocations, Set<String> excludeLocations) {
        /** No location condition: the policy applies wherever the user signs in. */
        public static final Locations NONE = new Locations(Set.of(), Set.of());
        /** Graph's value for every location. */
        public static final String ALL = "All";
        /** Graph's value for every location marked trusted (and the MFA trusted IPs). */
        public static final String ALL_TRUSTED = "AllTrusted";

        public Locations {
            includeLocations = Set.copyOf(includeLocations);
            excludeLocations = Set.copyOf(excludeLocations);
        }

        /** True when Graph receives no location condition. */
        public boolean isNone() {
            return includeLocations.isEmpty() && excludeLocations.isEmpty();
        }
    }

    public ConditionalAccessPolicy {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(grant, "grant");
        includeApplications = Set.copyOf(includeApplications);
        excludeApplications = Set.copyOf(excludeApplications);
        includeUserActions = Set.copyOf(includeUserActions);
        signInFrequency = signInFrequency == null ? Optional.empty() : signInFrequency;
        clientAppTypes = clientAppTypes == null || clientAppTypes.isEmpty() ? Set.of(ALL_CLIENT_APPS)
                : Set.copyOf(clientAppTypes);
        locations = locations == null ? Locations.NONE : locations;
    }

    /** The same policy under another id (a draft given the id of the policy it replaces). */
    public ConditionalAccessPolicy withId(String newId) {
        return new ConditionalAccessPolicy(newId, displayName, state, users, includeApplications, excludeApplications,
                includeUserActions, grant, signInFrequency, clientAppTypes, locations);
    }

    /** The same policy in another state. */
    public ConditionalAccessPolicy withState(State newState) {
        return new ConditionalAccessPolicy(id, displayName, newState, users, includeApplications, excludeApplications,
                includeUserActions, grant, signInFrequency, clientAppTypes, locations);
    }

    /** A policy without a location condition. */
    public ConditionalAccessPolicy(String id, String displayName, State state, Users users,
                                   Set<String> includeApplications, Set<String> excludeApplications,
                                   Set<String> includeUserActions, Grant grant, Optional<Integer> signInFrequency,
                                   Set<String> clientAppTypes) {
        this(id, displayName, state, users, includeApplications, excludeApplications, includeUserActions, grant,
                signInFrequency, clientAppTypes, Locations.NONE);
    }

    /** A policy on every client app, as most are. */
    public ConditionalAccessPolicy(String id, String displayName, State state, Users users,
                                   Set<String> includeApplications, Set<String> excludeApplications,
                                   Set<String> includeUserActions, Grant grant, Optional<Integer> signInFrequency) {
        this(id, displayName, state, users, includeApplications, excludeApplications, includeUserActions, grant,
                signInFrequency, Set.of(ALL_CLIENT_APPS));
    }
}
