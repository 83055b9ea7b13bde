package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign.OtherExclusions;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The admin's design choices as a run saves them: plain values, no strength object, so a run continued tomorrow
 * resolves the strength against the tenant as it is then — the one this run created is found and reused, never
 * created twice.
 *
 * @param strengthId      an existing strength the admin chose; null for "a passkey or a one-time TAP" (reused when
 *                        the tenant has one that allows exactly that, else created)
 * @param continueFrom    the id of the existing policy this run changes; null to create one
 * @param pilotGroupId    the group the pilot stage turns the policy on for; null until chosen
 */
public record RegistrationChoices(String displayName, boolean excludeGuestsOrExternalUsers, String emergencyGroupId,
                                  Set<String> otherExcludedUsers, Set<String> otherExcludedGroups,
                                  Set<String> otherExcludedRoles, boolean requireStrength, String strengthId,
                                  boolean compliantDevice, boolean mfa, Integer signInFrequencyHours,
                                  boolean excludeTrustedLocations, String continueFrom, String pilotGroupId) {

    /** The answer's name in a run. */
    public static final String ANSWER = "registrationDesign";

    public RegistrationChoices {
        otherExcludedUsers = otherExcludedUsers == null ? Set.of() : Set.copyOf(otherExcludedUsers);
        otherExcludedGroups = otherExcludedGroups == null ? Set.of() : Set.copyOf(otherExcludedGroups);
        otherExcludedRoles = otherExcludedRoles == null ? Set.of() : Set.copyOf(otherExcludedRoles);
    }

    public static RegistrationChoices of(RegistrationPolicyDesign design, Optional<String> continueFrom) {
        String strengthId = design.strength().flatMap(choice -> choice instanceof StrengthChoice.Reuse reuse
                && !RegistrationPolicyDesign.passkeyOrOneTimeTap(List.of(reuse.strength())).isPresent()
                ? Optional.of(reuse.strength().id()) : Optional.empty()).orElse(null);
        return new RegistrationChoices(design.displayName(), design.excludeGuestsOrExternalUsers(),
                design.emergencyGroupId().orElse(null), design.otherExclusions().users(),
                design.otherExclusions().groups(), design.otherExclusions().roles(), design.strength().isPresent(),
                strengthId, design.compliantDevice(), design.mfa(), design.signInFrequencyHours().orElse(null),
                design.excludeTrustedLocations(), continueFrom.orElse(null), design.pilotGroupId().orElse(null));
    }

    public Optional<String> continuing() {
        return Optional.ofNullable(continueFrom).filter(id -> !id.isBlank());
    }

    public Optional<String> pilotGroup() {
        return Optional.ofNullable(pilotGroupId).filter(id -> !id.isBlank());
    }

    public RegistrationChoices withPilotGroup(String groupId) {
        return new RegistrationChoices(displayName, excludeGuestsOrExternalUsers, emergencyGroupId, otherExcludedUsers,
                otherExcludedGroups, otherExcludedRoles, requireStrength, strengthId, compliantDevice, mfa,
                signInFrequencyHours, excludeTrustedLocations, continueFrom, groupId);
    }

    /**
     * The design against the tenant's strengths now, in {@code state} for All users.
     *
     * @throws IllegalArgumentException the chosen strength no longer exists
     */
    public RegistrationPolicyDesign design(List<AuthenticationStrength> strengths, State state) {
        RegistrationPolicyDesign design = RegistrationPolicyDesign.defaults(Optional.ofNullable(emergencyGroupId),
                        strengths)
                .withDisplayName(displayName).withState(state)
                .withGuestsOrExternalUsersExcluded(excludeGuestsOrExternalUsers)
                .withOtherExclusions(new OtherExclusions(otherExcludedUsers, otherExcludedGroups, otherExcludedRoles))
                .withCompliantDevice(compliantDevice).withMfa(mfa)
                .withSignInFrequency(Optional.ofNullable(signInFrequencyHours))
                .withTrustedLocationsExcluded(excludeTrustedLocations);
        if (!requireStrength) {
            return design.withoutStrength();
        }
        if (strengthId != null) {
            AuthenticationStrength chosen = strengths.stream().filter(s -> s.id().equalsIgnoreCase(strengthId))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("The authentication strength "
                            + strengthId + " chosen for this policy no longer exists in the tenant; choose the "
                            + "strength again in the design."));
            return design.withStrength(chosen);
        }
        return design;
    }
}
