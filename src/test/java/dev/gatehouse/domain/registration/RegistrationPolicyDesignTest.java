package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Grant;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Locations;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign.Audience;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Design step's choices: seed 000's defaults, the strength reused or created, Graph's refusals, consequences. */
class RegistrationPolicyDesignTest {

    static final String BREAK_GLASS = "bg-group-1";
    static final AuthenticationStrength EXACT = new AuthenticationStrength("s-exact", "Bootstrap FIDO2 or TAP",
            Set.of("fido2", "temporaryAccessPassOneTime"));
    static final AuthenticationStrength CREATED = new AuthenticationStrength("s-new", "Passkey or one-time TAP",
            Set.of("fido2", "temporaryAccessPassOneTime"));
    static final AuthenticationStrength PHISHING_RESISTANT = new AuthenticationStrength(
            "00000000-0000-0000-0000-000000000004", "Phishing-resistant MFA",
            Set.of("windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor"));

    static RegistrationPolicyDesign defaults() {
        return RegistrationPolicyDesign.defaults(Optional.of(BREAK_GLASS), List.of(PHISHING_RESISTANT));
    }

    private static List<String> fields(RegistrationPolicyDesign design) {
        return design.problems().stream().map(DesignProblem::field).toList();
    }

    @Test
    void defaultsAreSeed000sPolicyInReportOnly() {
        RegistrationPolicyDesign design = defaults();

        assertThat(design.displayName()).isEqualTo("Gatehouse: Protect security info registration");
        assertThat(design.state()).isEqualTo(State.REPORT_ONLY);
        assertThat(design.audience()).isEqualTo(Audience.ALL_USERS);
        assertThat(design.problems()).isEmpty();
        assertThat(design.strengthToCreate()).contains(RegistrationPolicyDesign.DEFAULT_STRENGTH);
        assertThat(design.strengthToCreate().orElseThrow().allowedCombinations())
                .containsExactly("fido2", "temporaryAccessPassOneTime");
        assertThat(design.reusedStrength()).isEmpty();
        assertThat(design.toPolicy(CREATED)).isEqualTo(new ConditionalAccessPolicy(null,
                "Gatehouse: Protect security info registration", State.REPORT_ONLY,
                new Users(Set.of("All"), Set.of(), Set.of(), Set.of(BREAK_GLASS), Set.of(), Set.of(), false, true),
                Set.of(), Set.of(), Set.of("urn:user:registersecurityinfo"),
                new Grant(false, Set.of("compliantDevice"), Optional.of(CREATED)), Optional.of(1), Set.of("all"),
                Locations.NONE));
    }

    @Test
    void aStrengthWithExactlyPasskeyAndOneTimeTapIsReusedAndNoOtherIs() {
        AuthenticationStrength wider = new AuthenticationStrength("s-wider", "A wider one",
                Set.of("fido2", "temporaryAccessPassOneTime", "temporaryAccessPassMultiUse"));
        AuthenticationStrength narrower = new AuthenticationStrength("s-narrow", "Passkeys only", Set.of("fido2"));
        AuthenticationStrength sameLaterName = new AuthenticationStrength("s-0", "Zulu", EXACT.allowedCombinations());

        RegistrationPolicyDesign reusing = RegistrationPolicyDesign.defaults(Optional.empty(),
                List.of(wider, sameLaterName, narrower, EXACT, PHISHING_RESISTANT));
        RegistrationPolicyDesign creating = RegistrationPolicyDesign.defaults(Optional.empty(),
                List.of(wider, narrower, PHISHING_RESISTANT));

        assertThat(reusing.reusedStrength()).contains(EXACT);
        assertThat(reusing.strengthToCreate()).isEmpty();
        assertThat(reusing.toPolicy().grant().strength()).contains(EXACT);
        assertThat(creating.reusedStrength()).isEmpty();
        assertThat(creating.strengthToCreate()).isPresent();
        assertThatThrownBy(creating::toPolicy).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("create the strength Passkey or one-time TAP first");
    }

    @Test
    void editorsReturnNewDesignsAndLeaveTheOriginalAlone() {
        RegistrationPolicyDesign original = defaults();
        RegistrationPolicyDesign pilot = original.withPilotGroup("pilot-1").withCompliantDevice(false)
                .withSignInFrequency(Optional.of(48)).withTrustedLocationsExcluded(true).withState(State.ENABLED)
                .withGuestsOrExternalUsersExcluded(false).withEmergencyGroup(Optional.empty())
                .withDisplayName("Pilot");

        assertThat(original).isEqualTo(defaults());
        ConditionalAccessPolicy policy = pilot.withStrength(EXACT).toPolicy();
        assertThat(policy.users().includeUsers()).isEmpty();
        assertThat(policy.users().includeGroups()).containsExactly("pilot-1");
        assertThat(policy.users().excludeGroups()).isEmpty();
        assertThat(policy.users().excludeGuestsOrExternalUsers()).isFalse();
        assertThat(policy.grant().builtInControls()).isEmpty();
        assertThat(policy.grant().requireAll()).isFalse();
        assertThat(policy.signInFrequency()).contains(48);
        assertThat(policy.locations()).isEqualTo(new Locations(Set.of("All"), Set.of("AllTrusted")));
        assertThat(policy.state()).isEqualTo(State.ENABLED);
        assertThat(policy.displayName()).isEqualTo("Pilot");
        assertThat(policy.includeApplications()).isEmpty();
        assertThat(policy.includeUserActions()).containsExactly("urn:user:registersecurityinfo");
        assertThat(policy.clientAppTypes()).containsExactly("all");
        assertThat(policy.id()).isNull();
        assertThat(pilot.withAllUsers().toPolicy(CREATED).users().includeUsers()).containsExactly("All");
        assertThat(pilot.withAllUsers().pilotGroupId()).isEmpty();
    }

    @Test
    void mfaBesideAStrengthIsRefusedWithTheDemoTenantsWords() {
        RegistrationPolicyDesign design = defaults().withMfa(true);

        assertThat(design.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("grantControls.builtInControls");
            assertThat(problem.message()).startsWith("The grant controls 'mfa' and 'authenticationStrength' cannot "
                    + "be used together in one policy: an authentication strength already requires multifactor "
                    + "authentication.");
        });
        assertThat(design.withoutStrength().problems()).isEmpty();
        assertThat(design.withoutStrength().toPolicy(null).grant().builtInControls())
                .containsExactlyInAnyOrder("mfa", "compliantDevice");
    }

    @Test
    void noGrantNoNameAndAPilotWithoutGroupAreRefused() {
        assertThat(fields(defaults().withoutStrength().withCompliantDevice(false))).containsExactly("grantControls");
        assertThat(fields(defaults().withDisplayName("  "))).containsExactly("displayName");
        assertThat(fields(defaults().withDisplayName(null))).containsExactly("displayName");
        assertThat(fields(defaults().withPilotGroup(" "))).containsExactly("conditions.users.includeGroups");
        assertThat(fields(defaults().withPilotGroup(null))).containsExactly("conditions.users.includeGroups");
        assertThat(fields(defaults().withPilotGroup("g"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 12, 23, 24, 48, 24 * 365})
    void signInFrequenciesGraphAccepts(int hours) {
        assertThat(defaults().withSignInFrequency(Optional.of(hours)).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 25, 47, 24 * 366})
    void signInFrequenciesGraphRefuses(int hours) {
        assertThat(defaults().withSignInFrequency(Optional.of(hours)).problems()).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("sessionControls.signInFrequency");
                    assertThat(problem.message()).contains("1 to 23 hours, or 1 to 365 whole days");
                });
    }

    @Test
    void noSignInFrequencyIsAllowedAndSendsNoSessionControl() {
        RegistrationPolicyDesign design = defaults().withSignInFrequency(Optional.empty());

        assertThat(design.problems()).isEmpty();
        assertThat(design.toPolicy(CREATED).signInFrequency()).isEmpty();
    }

    @Test
    void eachChoiceSaysItsConsequence() {
        List<String> defaults = defaults().consequences();
        List<String> changed = defaults().withCompliantDevice(false).withTrustedLocationsExcluded(true)
                .withGuestsOrExternalUsersExcluded(false).withEmergencyGroup(Optional.empty())
                .withSignInFrequency(Optional.empty()).withState(State.ENABLED).withPilotGroup("p").consequences();

        assertThat(defaults).hasSize(changed.size()).doesNotHaveDuplicates();
        assertThat(defaults).anyMatch(line -> line.contains("report-only") && line.contains("What If"));
        assertThat(defaults).anyMatch(line -> line.contains(BREAK_GLASS) && line.contains("left out"));
        assertThat(defaults).anyMatch(line -> line.contains("passkey") && line.contains("one-time Temporary Access "
                + "Pass") && line.contains("\"Passkey or one-time TAP\" is created first"));
        assertThat(defaults).anyMatch(line -> line.contains("within the last hour"));
        assertThat(defaults).anyMatch(line -> line.contains("every network"));
        assertThat(changed).anyMatch(line -> line.contains("managed laptops will need a passkey or a one-time pass "
                + "too"));
        assertThat(changed).anyMatch(line -> line.contains("trusted network") && line.contains("MT.1011")
                && line.contains("attacker inside the network"));
        assertThat(changed).anyMatch(line -> line.contains("cannot use a Temporary Access Pass"));
        assertThat(changed).anyMatch(line -> line.startsWith("No emergency-access group is excluded"));
        assertThat(changed).anyMatch(line -> line.contains("stolen session token"));
        assertThat(changed).anyMatch(line -> line.startsWith("Enforced"));
        assertThat(changed).anyMatch(line -> line.startsWith("Only the pilot group"));
        assertThat(defaults().withStrength(EXACT).consequences())
                .anyMatch(line -> line.contains("\"Bootstrap FIDO2 or TAP\" is reused"));
        assertThat(defaults().withSignInFrequency(Optional.of(48)).consequences())
                .anyMatch(line -> line.contains("within the last 2 days"));
        assertThat(defaults().withStrength(PHISHING_RESISTANT).consequences())
                .anyMatch(line -> line.contains("fido2, windowsHelloForBusiness, x509CertificateMultiFactor"));
        assertThat(defaults().withoutStrength().withMfa(true).consequences())
                .anyMatch(line -> line.contains("SMS and voice"));
    }

    @Test
    void toPolicyRefusesAStrengthThatDoesNotMatchTheDesign() {
        assertThatThrownBy(() -> defaults().toPolicy(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requires the strength");
        assertThatThrownBy(() -> defaults().withoutStrength().toPolicy(CREATED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requires no authentication");
        assertThatThrownBy(() -> defaults().toPolicy(new AuthenticationStrength(null, "x", Set.of("fido2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its id");
    }

    @Test
    void aPolicyTheDesignMadeReadsBackAsTheSameDesign() {
        RegistrationPolicyDesign design = defaults().withStrength(EXACT).withTrustedLocationsExcluded(true)
                .withPilotGroup("pilot-1").withSignInFrequency(Optional.of(72));

        DerivedDesign derived = RegistrationPolicyDesign.fromPolicy(design.toPolicy(), Optional.of(BREAK_GLASS));

        assertThat(derived.notCarried()).isEmpty();
        assertThat(derived.design()).isEqualTo(design);
        assertThat(RegistrationPolicyDesign.fromPolicy(design.toPolicy()).design().emergencyGroupId()).isEmpty();
        assertThat(RegistrationPolicyDesign.fromPolicy(design.toPolicy()).design().otherExclusions().groups())
                .containsExactly(BREAK_GLASS);
    }

    @Test
    void seed000sOwnPolicyReadsWithItsGuestExclusionAndKeepsOtherExclusions() {
        ConditionalAccessPolicy seed = new ConditionalAccessPolicy("p1", "CA0XX-Global-SecurityInfoRegistration",
                State.DISABLED, new Users(Set.of("All"), Set.of("GuestsOrExternalUsers", "bg-user-1"), Set.of(),
                Set.of("BG-GROUP-1", "other-group"), Set.of(), Set.of("role-1"), false, false), Set.of(), Set.of(),
                Set.of(ConditionalAccessPolicy.REGISTER_SECURITY_INFO),
                new Grant(false, Set.of("compliantDevice"), Optional.of(EXACT)), Optional.of(1));

        DerivedDesign derived = RegistrationPolicyDesign.fromPolicy(seed, Optional.of(BREAK_GLASS));
        RegistrationPolicyDesign design = derived.design();

        assertThat(design.excludeGuestsOrExternalUsers()).isTrue();
        assertThat(design.emergencyGroupId()).contains(BREAK_GLASS);
        assertThat(design.otherExclusions().users()).containsExactly("bg-user-1");
        assertThat(design.otherExclusions().groups()).containsExactly("other-group");
        assertThat(design.otherExclusions().roles()).containsExactly("role-1");
        assertThat(design.reusedStrength()).contains(EXACT);
        assertThat(design.state()).isEqualTo(State.DISABLED);
        assertThat(derived.notCarried()).singleElement().asString().startsWith("conditions.users.excludeUsers")
                .contains("excludeGuestsOrExternalUsers object");
        ConditionalAccessPolicy again = design.toPolicy();
        assertThat(again.users().excludeUsers()).containsExactly("bg-user-1");
        assertThat(again.users().excludeGroups()).containsExactlyInAnyOrder("other-group", BREAK_GLASS);
        assertThat(again.users().excludeRoles()).containsExactly("role-1");
        assertThat(design.consequences()).anyMatch(line -> line.contains("bg-user-1") && line.contains("role-1"));
    }

    @Test
    void whatTheDesignCannotHoldIsNamedAndTheSaferReadingIsTaken() {
        ConditionalAccessPolicy wide = new ConditionalAccessPolicy("p2", "Odd", State.ENABLED,
                new Users(Set.of("user-1"), Set.of(), Set.of("g1", "g2"), Set.of(), Set.of(), Set.of(), true, false),
                Set.of("All"), Set.of("app-1"), Set.of("urn:user:registerdevice"),
                new Grant(true, Set.of("mfa", "compliantDevice", "block"), Optional.empty()), Optional.of(0),
                Set.of("browser"), new Locations(Set.of("loc-1"), Set.of()));

        DerivedDesign derived = RegistrationPolicyDesign.fromPolicy(wide);

        assertThat(derived.design().audience()).isEqualTo(Audience.PILOT_GROUP);
        assertThat(derived.design().pilotGroupId()).isEmpty();
        assertThat(derived.design().excludeTrustedLocations()).isFalse();
        assertThat(derived.design().mfa()).isTrue();
        assertThat(derived.design().compliantDevice()).isTrue();
        assertThat(derived.notCarried()).extracting(line -> line.substring(0, line.indexOf(':'))).containsExactly(
                "conditions.users", "conditions.users.includeGuestsOrExternalUsers", "conditions.locations",
                "conditions.applications", "conditions.applications.includeUserActions", "conditions.clientAppTypes",
                "grantControls.builtInControls", "grantControls.operator");
        assertThat(fields(derived.design())).containsExactly("conditions.users.includeGroups",
                "sessionControls.signInFrequency");
    }

    @Test
    void aPilotOfOneGroupReadsAsThatPilot() {
        ConditionalAccessPolicy pilot = defaults().withPilotGroup("pilot-9").toPolicy(CREATED);

        RegistrationPolicyDesign design = RegistrationPolicyDesign.fromPolicy(pilot, Optional.of(BREAK_GLASS)).design();

        assertThat(design.audience()).isEqualTo(Audience.PILOT_GROUP);
        assertThat(design.pilotGroupId()).contains("pilot-9");
    }
}
