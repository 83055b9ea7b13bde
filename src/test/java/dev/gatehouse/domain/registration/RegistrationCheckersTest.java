package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Locations;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.registration.CheckerVerdict.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.gatehouse.domain.registration.Policies.*;
import static org.assertj.core.api.Assertions.assertThat;

/** peer-tools.md §3.3's table, point by point, and the checkers' sources behind it. */
class RegistrationCheckersTest {

    @Test
    void noPolicyOnTheActionFailsAllThreeWithOnePoint() {
        List<CheckerVerdict> verdicts = RegistrationCheckers.all(List.of(mfaEverywhere(State.ENABLED)));

        assertThat(verdicts).extracting(CheckerVerdict::id).containsExactly("MT.1011", "MS.AAD.3.8v1", "ZTA 21806");
        assertThat(verdicts).allSatisfy(v -> {
            assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(v.points()).singleElement().satisfies(p -> assertThat(p.met()).isFalse());
        });
    }

    @Test
    void peerTools3_3_theDesignOnPassesScubaGearAndZtaButFailsMaesterForItsLocations() {
        List<CheckerVerdict> verdicts = RegistrationCheckers.all(List.of(design(State.ENABLED)));

        assertThat(verdicts).extracting(CheckerVerdict::outcome)
                .containsExactly(Outcome.FAIL, Outcome.PASS, Outcome.PASS);
        CheckerVerdict maester = verdicts.get(0);
        assertThat(maester.points()).filteredOn(p -> !p.met()).extracting(CheckPoint::text).containsExactly(
                "Locations: includes any location (All)",
                "Locations: excludes a trusted location (All trusted locations, or a named location marked trusted)");
        assertThat(maester.note()).hasValueSatisfying(n -> assertThat(n)
                .contains("Protect security info registration").contains("without a location condition"));
    }

    @Test
    void peerTools3_3_reportOnlyCountsForNoneOfThem() {
        List<CheckerVerdict> verdicts = RegistrationCheckers.all(List.of(design(State.REPORT_ONLY),
                template(State.REPORT_ONLY)));

        assertThat(verdicts).allSatisfy(v -> {
            assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(v.points()).filteredOn(p -> !p.met()).extracting(CheckPoint::text)
                    .contains("State is On (report-only and Off do not count); it is Report-only");
        });
    }

    @Test
    void maesterPassesMicrosoftsTemplateWithItsTrustedLocationExclusion() {
        CheckerVerdict verdict = RegistrationCheckers.maester(List.of(template(State.ENABLED)));

        assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
        assertThat(verdict.points()).hasSize(7).allMatch(CheckPoint::met);
    }

    @Test
    void maesterWantsAllClientAppsNotTheBrowserAlone() {
        ConditionalAccessPolicy browserOnly = templateWith(everyone(), anyOf("mfa"), "browser");

        CheckerVerdict verdict = RegistrationCheckers.maester(List.of(browserOnly));

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.points()).filteredOn(p -> !p.met()).extracting(CheckPoint::text)
                .containsExactly("Client apps: all (a browser-only policy does not count)");
    }

    @Test
    void maesterSetsPasswordChangePoliciesAside() {
        ConditionalAccessPolicy passwordChange = templateWith(everyone(), anyOf("mfa", "passwordChange"), "all");

        assertThat(RegistrationCheckers.maester(List.of(passwordChange)).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void maesterNeedsAllUsersNotAGroup() {
        ConditionalAccessPolicy pilot = templateWith(new ConditionalAccessPolicy.Users(Set.of(), Set.of(),
                Set.of("pilot-group"), Set.of(), Set.of(), Set.of(), false, false), anyOf("mfa"), "all");

        CheckerVerdict verdict = RegistrationCheckers.maester(List.of(pilot));

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.points()).filteredOn(p -> !p.met()).extracting(CheckPoint::text)
                .containsExactly("Users: includes All users");
    }

    @Test
    void thePointsAreThoseOfTheClosestPolicyAndAnyPassingPolicyPasses() {
        ConditionalAccessPolicy off = onAction("p-off", "Old attempt", State.DISABLED, everyone(), anyOf("mfa"));

        CheckerVerdict verdict = RegistrationCheckers.maester(List.of(off, template(State.ENABLED)));

        assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
        assertThat(verdict.note()).hasValueSatisfying(n -> assertThat(n).startsWith(
                "Points tried on policy 'Securing security info registration' (On), the closest of the 2"));
    }

    @Test
    void scubaGearLooksForACompliantOrHybridJoinedDeviceWhateverTheOperator() {
        ConditionalAccessPolicy mfaOnly = onAction("p-1", "MFA to register", State.ENABLED, everyone(),
                anyOf("mfa"));
        ConditionalAccessPolicy hybridAnd = onAction("p-2", "Hybrid joined to register", State.ENABLED, everyone(),
                new ConditionalAccessPolicy.Grant(true, Set.of("mfa", "domainJoinedDevice"), Optional.empty()));

        assertThat(RegistrationCheckers.scubaGear(List.of(mfaOnly)).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(RegistrationCheckers.scubaGear(List.of(hybridAnd)).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void scubaGearSaysWhichExclusionsMustBeDeclaredInItsConfig() {
        CheckerVerdict verdict = RegistrationCheckers.scubaGear(List.of(design(State.ENABLED)));

        assertThat(verdict.note()).hasValueSatisfying(n -> assertThat(n)
                .contains("groups " + BREAK_GLASS_GROUP + " under CapExclusions.Groups")
                .contains("a PASS here holds only once they are declared"));
    }

    @Test
    void scubaGearWithoutExclusionsNeedsNoConfigEntry() {
        ConditionalAccessPolicy compliant = onAction("p-c", "Compliant device to register", State.ENABLED,
                everyone(), anyOf("compliantDevice"));

        assertThat(RegistrationCheckers.scubaGear(List.of(compliant)).note()).hasValueSatisfying(n -> assertThat(n)
                .contains("needs no CapExclusions entry"));
    }

    @Test
    void ztaIgnoresTheGrantButNeedsAllUsers() {
        ConditionalAccessPolicy noGrant = onAction("p-n", "Anything", State.ENABLED, everyone(), anyOf());
        ConditionalAccessPolicy guestsOnly = onAction("p-g", "Guests", State.ENABLED,
                new ConditionalAccessPolicy.Users(Set.of("GuestsOrExternalUsers"), Set.of(), Set.of(), Set.of(),
                        Set.of(), Set.of(), false, false), anyOf("block"));

        assertThat(RegistrationCheckers.zeroTrustAssessment(List.of(noGrant)).outcome()).isEqualTo(Outcome.PASS);
        assertThat(RegistrationCheckers.zeroTrustAssessment(List.of(guestsOnly)).outcome()).isEqualTo(Outcome.FAIL);
    }

    /** Microsoft's template, enabled, with other users, grant or client apps. */
    private static ConditionalAccessPolicy templateWith(ConditionalAccessPolicy.Users users,
                                                        ConditionalAccessPolicy.Grant grant, String clientApps) {
        return new ConditionalAccessPolicy("p-variant", "Variant of the template", State.ENABLED, users, Set.of(),
                Set.of(), Set.of(ACTION), grant, Optional.empty(), Set.of(clientApps),
                new Locations(Set.of(Locations.ALL), Set.of(Locations.ALL_TRUSTED)));
    }
}
