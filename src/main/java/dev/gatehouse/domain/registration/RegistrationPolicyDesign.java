package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Grant;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Locations;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import dev.gatehouse.domain.policy.NewAuthenticationStrength;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Conditional Access policy that protects "Register security information" ({@code urn:user:registersecurityinfo}),
 * as the admin chooses it in the wizard's Design step. Defaults follow seed 000: All users but guests and the
 * emergency-access group; a passkey or a one-time TAP, OR a compliant device; sign in again after an hour; no trust
 * in network location; report-only first. Immutable: every {@code with…} returns a new design, so Back in the wizard
 * never loses a choice.
 *
 * @param audience               who the policy reaches; {@link Audience#PILOT_GROUP} needs {@code pilotGroupId}
 * @param emergencyGroupId       the tenant's emergency-access group, excluded (domain.emergency); empty when none
 * @param otherExclusions        exclusions an existing policy already had, kept when continuing from it
 * @param strength               the authentication strength required; empty when none is
 * @param mfa                    Graph's built-in {@code mfa} control (cannot stand beside a strength)
 * @param signInFrequencyHours   sign in again after this long (whole days as multiples of 24); empty for none
 * @param excludeTrustedLocations Microsoft's template choice: include {@code All}, exclude {@code AllTrusted}
 */
public record RegistrationPolicyDesign(String displayName, State state, Audience audience,
                                       Optional<String> pilotGroupId, boolean excludeGuestsOrExternalUsers,
                                       Optional<String> emergencyGroupId, OtherExclusions otherExclusions,
                                       Optional<StrengthChoice> strength, boolean compliantDevice, boolean mfa,
                                       Optional<Integer> signInFrequencyHours, boolean excludeTrustedLocations) {

    /** Named like seed 000's policy, with the product in front so admins see where it came from. */
    public static final String DEFAULT_DISPLAY_NAME = "Gatehouse: Protect security info registration";
    /** Seed 000's strength: a passkey, or a one-time TAP to bootstrap one. */
    public static final List<String> PASSKEY_OR_ONE_TIME_TAP = List.of("fido2", "temporaryAccessPassOneTime");
    public static final NewAuthenticationStrength DEFAULT_STRENGTH = new NewAuthenticationStrength(
            "Passkey or one-time TAP", "A passkey (FIDO2) or a one-time Temporary Access Pass, required to register "
            + "security information (created by Gatehouse)", PASSKEY_OR_ONE_TIME_TAP);
    public static final int DEFAULT_SIGN_IN_FREQUENCY_HOURS = 1;
    /** Graph's Conditional Access built-in control names used here. */
    public static final String COMPLIANT_DEVICE = "compliantDevice";
    public static final String MFA = "mfa";
    /**
     * Graph's 400 for {@code mfa} beside an authentication strength, word for word as the demo tenant answers it
     * ({@code sim.api.ConditionalAccessPolicyRules}), so the wizard and the tenant say the same thing.
     */
    public static final String MFA_WITH_STRENGTH = "The grant controls 'mfa' and 'authenticationStrength' cannot be "
            + "used together in one policy: an authentication strength already requires multifactor authentication.";
    /** Graph's {@code includeUsers} value for every user. */
    public static final String ALL_USERS = "All";

    public enum Audience { ALL_USERS, PILOT_GROUP }

    /** Users, groups and directory roles (template ids) left out besides guests and the emergency group. */
    public record OtherExclusions(Set<String> users, Set<String> groups, Set<String> roles) {
        public static final OtherExclusions NONE = new OtherExclusions(Set.of(), Set.of(), Set.of());

        public OtherExclusions {
            users = Set.copyOf(users);
            groups = Set.copyOf(groups);
            roles = Set.copyOf(roles);
        }

        public boolean isEmpty() {
            return users.isEmpty() && groups.isEmpty() && roles.isEmpty();
        }
    }

    public RegistrationPolicyDesign {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(audience, "audience");
        displayName = displayName == null ? "" : displayName;
        pilotGroupId = blankless(pilotGroupId);
        emergencyGroupId = blankless(emergencyGroupId);
        otherExclusions = otherExclusions == null ? OtherExclusions.NONE : otherExclusions;
        strength = strength == null ? Optional.empty() : strength;
        signInFrequencyHours = signInFrequencyHours == null ? Optional.empty() : signInFrequencyHours;
    }

    /**
     * Seed 000's policy, in report-only. The strength is an existing one whose combinations are exactly a passkey and
     * a one-time TAP when the tenant has one (no duplicate is created), else {@link #DEFAULT_STRENGTH} to create.
     */
    public static RegistrationPolicyDesign defaults(Optional<String> emergencyGroupId,
                                                    List<AuthenticationStrength> existingStrengths) {
        StrengthChoice strength = passkeyOrOneTimeTap(existingStrengths)
                .<StrengthChoice>map(StrengthChoice.Reuse::new)
                .orElse(new StrengthChoice.Create(DEFAULT_STRENGTH));
        return new RegistrationPolicyDesign(DEFAULT_DISPLAY_NAME, State.REPORT_ONLY, Audience.ALL_USERS,
                Optional.empty(), true, emergencyGroupId, OtherExclusions.NONE, Optional.of(strength), true, false,
                Optional.of(DEFAULT_SIGN_IN_FREQUENCY_HOURS), false);
    }

    /**
     * The existing strength that allows exactly a passkey and a one-time TAP, nothing more or less; the first by name
     * then id when several do, so the same tenant always gives the same answer.
     */
    public static Optional<AuthenticationStrength> passkeyOrOneTimeTap(List<AuthenticationStrength> existing) {
        Set<String> wanted = Set.copyOf(PASSKEY_OR_ONE_TIME_TAP);
        return existing.stream().filter(s -> s.id() != null && s.allowedCombinations().equals(wanted))
                .min(Comparator.comparing((AuthenticationStrength s) -> Objects.requireNonNullElse(s.displayName(), ""))
                        .thenComparing(AuthenticationStrength::id));
    }

    /**
     * The design an existing policy amounts to, so the wizard continues from what the tenant has, with what the
     * design cannot hold named rather than dropped.
     *
     * @param emergencyGroupId the tenant's emergency-access group: when the policy excludes it, it becomes
     *                         {@link #emergencyGroupId()} rather than one of the other exclusions
     */
    public static DerivedDesign fromPolicy(ConditionalAccessPolicy policy, Optional<String> emergencyGroupId) {
        return DesignReading.read(policy, blankless(emergencyGroupId));
    }

    /** As {@link #fromPolicy(ConditionalAccessPolicy, Optional)} without a known emergency-access group. */
    public static DerivedDesign fromPolicy(ConditionalAccessPolicy policy) {
        return fromPolicy(policy, Optional.empty());
    }

    public RegistrationPolicyDesign withDisplayName(String name) {
        return edit(draft -> draft.displayName = name);
    }

    public RegistrationPolicyDesign withState(State newState) {
        return edit(draft -> draft.state = newState);
    }

    /** Every user; a pilot group chosen before is forgotten. */
    public RegistrationPolicyDesign withAllUsers() {
        return edit(draft -> {
            draft.audience = Audience.ALL_USERS;
            draft.pilotGroupId = Optional.empty();
        });
    }

    /** Only the members of {@code groupId}; null or blank leaves the pilot without a group, which is a problem. */
    public RegistrationPolicyDesign withPilotGroup(String groupId) {
        return edit(draft -> {
            draft.audience = Audience.PILOT_GROUP;
            draft.pilotGroupId = Optional.ofNullable(groupId);
        });
    }

    public RegistrationPolicyDesign withGuestsOrExternalUsersExcluded(boolean excluded) {
        return edit(draft -> draft.excludeGuestsOrExternalUsers = excluded);
    }

    public RegistrationPolicyDesign withEmergencyGroup(Optional<String> groupId) {
        return edit(draft -> draft.emergencyGroupId = groupId);
    }

    public RegistrationPolicyDesign withOtherExclusions(OtherExclusions exclusions) {
        return edit(draft -> draft.otherExclusions = exclusions);
    }

    /** Require a strength the tenant has (custom or built-in). */
    public RegistrationPolicyDesign withStrength(AuthenticationStrength existing) {
        StrengthChoice choice = new StrengthChoice.Reuse(existing);
        return edit(draft -> draft.strength = Optional.of(choice));
    }

    /** Require a custom strength that is created before the policy. */
    public RegistrationPolicyDesign withNewStrength(NewAuthenticationStrength toCreate) {
        StrengthChoice choice = new StrengthChoice.Create(toCreate);
        return edit(draft -> draft.strength = Optional.of(choice));
    }

    public RegistrationPolicyDesign withoutStrength() {
        return edit(draft -> draft.strength = Optional.empty());
    }

    public RegistrationPolicyDesign withCompliantDevice(boolean required) {
        return edit(draft -> draft.compliantDevice = required);
    }

    public RegistrationPolicyDesign withMfa(boolean required) {
        return edit(draft -> draft.mfa = required);
    }

    /** Hours; whole days as multiples of 24 (48 = 2 days); empty for no sign-in frequency. */
    public RegistrationPolicyDesign withSignInFrequency(Optional<Integer> hours) {
        return edit(draft -> draft.signInFrequencyHours = hours);
    }

    public RegistrationPolicyDesign withTrustedLocationsExcluded(boolean excluded) {
        return edit(draft -> draft.excludeTrustedLocations = excluded);
    }

    /** One line per choice: what it means for the people it reaches, in the admin's language. */
    public List<String> consequences() {
        return DesignConsequences.of(this);
    }

    /** What Graph would refuse (with its reason) or what cannot work; empty when the design can be sent. */
    public List<DesignProblem> problems() {
        return DesignRules.problems(this);
    }

    /** The strength to create before the policy, when the design requires one the tenant does not have yet. */
    public Optional<NewAuthenticationStrength> strengthToCreate() {
        return strength.filter(StrengthChoice.Create.class::isInstance)
                .map(choice -> ((StrengthChoice.Create) choice).strength());
    }

    /** The tenant's strength the policy names, when the design reuses one. */
    public Optional<AuthenticationStrength> reusedStrength() {
        return strength.filter(StrengthChoice.Reuse.class::isInstance)
                .map(choice -> ((StrengthChoice.Reuse) choice).strength());
    }

    /**
     * The policy to send, as {@link dev.gatehouse.domain.policy.GraphPolicyJson} writes it: the user action alone (no
     * applications), every client app, OR of the chosen controls. Its id is null: Graph assigns one on create, an
     * update names the policy in its URL.
     *
     * @param resolvedStrength the strength the policy requires, with its id: the one reused, or the one just created
     *                         from {@link #strengthToCreate()}; null when the design requires none
     * @throws IllegalArgumentException when a strength is required and none is given, or one is given and none is
     *                                  required
     */
    public ConditionalAccessPolicy toPolicy(AuthenticationStrength resolvedStrength) {
        if (strength.isPresent() != (resolvedStrength != null)) {
            throw new IllegalArgumentException(strength.isPresent()
                    ? "the design requires the strength " + strength.get().displayName() + "; pass it with its id"
                    : "the design requires no authentication strength");
        }
        if (resolvedStrength != null && resolvedStrength.id() == null) {
            throw new IllegalArgumentException("the strength must have its id, the only thing the policy sends");
        }
        Set<String> excludeGroups = new HashSet<>(otherExclusions.groups());
        emergencyGroupId.ifPresent(excludeGroups::add);
        boolean allUsers = audience == Audience.ALL_USERS;
        Users users = new Users(allUsers ? Set.of(ALL_USERS) : Set.of(),
                otherExclusions.users(), allUsers ? Set.of() : pilotGroupId.map(Set::of).orElse(Set.of()),
                excludeGroups, Set.of(), otherExclusions.roles(), false, excludeGuestsOrExternalUsers);
        Set<String> controls = new HashSet<>();
        if (compliantDevice) {
            controls.add(COMPLIANT_DEVICE);
        }
        if (mfa) {
            controls.add(MFA);
        }
        Locations locations = excludeTrustedLocations
                ? new Locations(Set.of(Locations.ALL), Set.of(Locations.ALL_TRUSTED)) : Locations.NONE;
        return new ConditionalAccessPolicy(null, displayName, state, users, Set.of(), Set.of(),
                Set.of(ConditionalAccessPolicy.REGISTER_SECURITY_INFO),
                new Grant(false, controls, Optional.ofNullable(resolvedStrength)), signInFrequencyHours,
                Set.of(ConditionalAccessPolicy.ALL_CLIENT_APPS), locations);
    }

    /**
     * {@link #toPolicy(AuthenticationStrength)} with the strength the design reuses, or none.
     *
     * @throws IllegalStateException when the strength must be created first: its id is not known yet
     */
    public ConditionalAccessPolicy toPolicy() {
        if (strengthToCreate().isPresent()) {
            throw new IllegalStateException("create the strength " + strength.get().displayName()
                    + " first; the policy names it by the id Graph gives it");
        }
        return toPolicy(reusedStrength().orElse(null));
    }

    private static Optional<String> blankless(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
    }

    /** One editor's change: a copy of every choice, one or two of them changed, made a design again. */
    private RegistrationPolicyDesign edit(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.design();
    }

    /** The choices of a design while an editor changes them; never leaves this class. */
    private static final class Draft {
        String displayName;
        State state;
        Audience audience;
        Optional<String> pilotGroupId;
        boolean excludeGuestsOrExternalUsers;
        Optional<String> emergencyGroupId;
        OtherExclusions otherExclusions;
        Optional<StrengthChoice> strength;
        boolean compliantDevice;
        boolean mfa;
        Optional<Integer> signInFrequencyHours;
        boolean excludeTrustedLocations;

        Draft(RegistrationPolicyDesign design) {
            displayName = design.displayName;
            state = design.state;
            audience = design.audience;
            pilotGroupId = design.pilotGroupId;
            excludeGuestsOrExternalUsers = design.excludeGuestsOrExternalUsers;
            emergencyGroupId = design.emergencyGroupId;
            otherExclusions = design.otherExclusions;
            strength = design.strength;
            compliantDevice = design.compliantDevice;
            mfa = design.mfa;
            signInFrequencyHours = design.signInFrequencyHours;
            excludeTrustedLocations = design.excludeTrustedLocations;
        }

        RegistrationPolicyDesign design() {
            return new RegistrationPolicyDesign(displayName, state, audience, pilotGroupId,
                    excludeGuestsOrExternalUsers, emergencyGroupId, otherExclusions, strength, compliantDevice, mfa,
                    signInFrequencyHours, excludeTrustedLocations);
        }
    }
}
