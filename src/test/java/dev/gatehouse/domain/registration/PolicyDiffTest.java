package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import dev.gatehouse.domain.registration.PolicyDiff.FieldChange;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign.OtherExclusions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.gatehouse.domain.registration.RegistrationPolicyDesignTest.EXACT;
import static dev.gatehouse.domain.registration.RegistrationPolicyDesignTest.PHISHING_RESISTANT;
import static dev.gatehouse.domain.registration.RegistrationPolicyDesignTest.defaults;
import static org.assertj.core.api.Assertions.assertThat;

/** The field-by-field diff the Review step shows before an existing policy is changed. */
class PolicyDiffTest {

    private static final RegistrationPolicyDesign BASE = defaults().withStrength(EXACT);

    @Test
    void identicalPoliciesDifferInNothingEvenWithOtherIdsCaseOrAnExpandedStrength() {
        ConditionalAccessPolicy policy = BASE.toPolicy();
        ConditionalAccessPolicy read = new ConditionalAccessPolicy("tenant-id", policy.displayName(), policy.state(),
                new Users(Set.of("All"), Set.of(), Set.of(), Set.of("BG-GROUP-1"), Set.of(), Set.of(), false, true),
                policy.includeApplications(), policy.excludeApplications(), policy.includeUserActions(),
                new ConditionalAccessPolicy.Grant(false, Set.of("compliantDevice"),
                        Optional.of(new AuthenticationStrength("S-EXACT", null, Set.of()))),
                policy.signInFrequency(), policy.clientAppTypes(), policy.locations());

        assertThat(PolicyDiff.between(policy, policy)).isEmpty();
        assertThat(PolicyDiff.between(read, policy)).isEmpty();
    }

    @Test
    void everyChangedFieldIsNamedByItsGraphPathInBodyOrder() {
        ConditionalAccessPolicy current = BASE.toPolicy();
        ConditionalAccessPolicy proposed = BASE.withDisplayName("Renamed").withState(State.ENABLED)
                .withEmergencyGroup(Optional.of("bg-group-2"))
                .withOtherExclusions(new OtherExclusions(Set.of("u1"), Set.of(), Set.of("r1")))
                .withGuestsOrExternalUsersExcluded(false).withTrustedLocationsExcluded(true).withCompliantDevice(false)
                .withStrength(PHISHING_RESISTANT).withSignInFrequency(Optional.of(48)).toPolicy();

        List<FieldChange> changes = PolicyDiff.between(current, proposed);

        assertThat(changes).extracting(FieldChange::path).containsExactly("displayName", "state",
                "conditions.users.excludeUsers", "conditions.users.excludeGroups", "conditions.users.excludeRoles",
                "conditions.users.excludeGuestsOrExternalUsers", "conditions.locations",
                "grantControls.builtInControls", "grantControls.authenticationStrength",
                "sessionControls.signInFrequency");
        assertThat(changes).extracting(FieldChange::describe).containsExactly(
                "displayName: \"Gatehouse: Protect security info registration\" \u2192 \"Renamed\"",
                "state: enabledForReportingButNotEnforced \u2192 enabled",
                "conditions.users.excludeUsers: adds u1",
                "conditions.users.excludeGroups: adds bg-group-2; removes bg-group-1",
                "conditions.users.excludeRoles: adds r1",
                "conditions.users.excludeGuestsOrExternalUsers: every guest and external user \u2192 none",
                "conditions.locations: every location (no condition) \u2192 include All, exclude AllTrusted",
                "grantControls.builtInControls: removes compliantDevice",
                "grantControls.authenticationStrength: \"Bootstrap FIDO2 or TAP\" (s-exact) \u2192 "
                        + "\"Phishing-resistant MFA\" (00000000-0000-0000-0000-000000000004)",
                "sessionControls.signInFrequency: after 1 hour \u2192 after 2 days");
        FieldChange groups = changes.get(3);
        assertThat(groups.before()).isEqualTo("bg-group-1");
        assertThat(groups.after()).isEqualTo("bg-group-2");
        assertThat(groups.added()).containsExactly("bg-group-2");
        assertThat(groups.removed()).containsExactly("bg-group-1");
    }

    @Test
    void audienceOperatorApplicationsAndFrequencyChangesAreNamedToo() {
        ConditionalAccessPolicy current = new ConditionalAccessPolicy("x", "Old", State.DISABLED,
                new Users(Set.of("u9"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), true, false),
                Set.of("All"), Set.of("app-1"), Set.of(), new ConditionalAccessPolicy.Grant(true, Set.of("mfa"),
                Optional.empty()), Optional.of(0), Set.of("browser"));
        ConditionalAccessPolicy proposed = BASE.withoutStrength().withPilotGroup("pilot")
                .withSignInFrequency(Optional.empty()).toPolicy();

        List<FieldChange> changes = PolicyDiff.between(current, proposed);

        assertThat(changes).extracting(FieldChange::path).containsExactly("displayName", "state",
                "conditions.clientAppTypes", "conditions.applications.includeApplications",
                "conditions.applications.excludeApplications", "conditions.applications.includeUserActions",
                "conditions.users.includeUsers", "conditions.users.includeGroups", "conditions.users.excludeGroups",
                "conditions.users.includeGuestsOrExternalUsers", "conditions.users.excludeGuestsOrExternalUsers",
                "grantControls.operator", "grantControls.builtInControls", "sessionControls.signInFrequency");
        assertThat(changes.get(6).describe()).isEqualTo("conditions.users.includeUsers: removes u9");
        assertThat(changes.get(11).describe()).isEqualTo("grantControls.operator: AND \u2192 OR");
        assertThat(changes.get(12).describe()).isEqualTo("grantControls.builtInControls: adds compliantDevice; "
                + "removes mfa");
        assertThat(changes.get(13).describe()).isEqualTo("sessionControls.signInFrequency: every time \u2192 none");
        assertThat(PolicyDiff.between(proposed, BASE.withoutStrength().withPilotGroup("pilot").toPolicy()).get(0)
                .describe()).isEqualTo("sessionControls.signInFrequency: none \u2192 after 1 hour");
    }

    @Test
    void aStrengthAddedOrRemovedIsAChange() {
        List<FieldChange> removed = PolicyDiff.between(BASE.toPolicy(), BASE.withoutStrength().toPolicy());

        assertThat(removed).extracting(FieldChange::describe).containsExactly(
                "grantControls.authenticationStrength: \"Bootstrap FIDO2 or TAP\" (s-exact) \u2192 none");
    }
}
