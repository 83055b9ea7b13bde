package dev.gatehouse.ui.registration;

import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.registration.DerivedDesign;
import dev.gatehouse.domain.registration.DesignProblem;
import dev.gatehouse.domain.registration.RegistrationChoices;
import dev.gatehouse.domain.registration.RegistrationPolicyDesign;
import dev.gatehouse.domain.registration.RegistrationProcedure;
import dev.gatehouse.domain.registration.RegistrationRead;
import dev.gatehouse.ui.wizard.StageForm;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;

/**
 * Step 3 of the registration-policy wizard: the policy's choices, seed 000's defaults until the admin changes them
 * (or the tenant's existing policy on the action, which the run then continues from), each with its one-line
 * consequence, and what Graph would refuse said before anything is sent.
 */
public final class DesignFormViewModel implements StageForm {

    private final StringProperty displayName = new SimpleStringProperty(this, "displayName",
            RegistrationPolicyDesign.DEFAULT_DISPLAY_NAME);
    private final BooleanProperty excludeGuests = new SimpleBooleanProperty(this, "excludeGuests", true);
    private final BooleanProperty excludeEmergency = new SimpleBooleanProperty(this, "excludeEmergency", true);
    private final BooleanProperty requireStrength = new SimpleBooleanProperty(this, "requireStrength", true);
    private final BooleanProperty compliantDevice = new SimpleBooleanProperty(this, "compliantDevice", true);
    private final BooleanProperty mfa = new SimpleBooleanProperty(this, "mfa");
    private final BooleanProperty signInFrequency = new SimpleBooleanProperty(this, "signInFrequency", true);
    private final StringProperty hours = new SimpleStringProperty(this, "hours",
            Integer.toString(RegistrationPolicyDesign.DEFAULT_SIGN_IN_FREQUENCY_HOURS));
    private final BooleanProperty excludeTrustedLocations = new SimpleBooleanProperty(this, "excludeTrusted");
    private final ReadOnlyStringWrapper emergencyGroup = new ReadOnlyStringWrapper(this, "emergencyGroup", "");
    private final ReadOnlyStringWrapper strengthName = new ReadOnlyStringWrapper(this, "strengthName",
            RegistrationPolicyDesign.DEFAULT_STRENGTH.displayName());
    private final ReadOnlyStringWrapper continuing = new ReadOnlyStringWrapper(this, "continuing", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ObservableList<String> consequences = FXCollections.observableArrayList();
    private final ObservableList<String> notCarried = FXCollections.observableArrayList();
    private final Observable changes = Bindings.createObjectBinding(Object::new, displayName, excludeGuests,
            excludeEmergency, requireStrength, compliantDevice, mfa, signInFrequency, hours, excludeTrustedLocations,
            continuing);
    private String emergencyGroupId;
    private String strengthId;
    private String continueFrom;
    private RegistrationPolicyDesign.OtherExclusions other = RegistrationPolicyDesign.OtherExclusions.NONE;
    private List<AuthenticationStrength> strengths = List.of();

    DesignFormViewModel() {
        changes.addListener(obs -> evaluate());
        evaluate();
    }

    /**
     * What the tenant holds: its strengths, its emergency-access group and any policy already on the action. The
     * first time, and unless saved answers came back, the form starts from that policy (the run continues it) or from
     * the defaults.
     */
    void load(RegistrationRead read) {
        strengths = read.strengths();
        Optional<EmergencyGroup> group = read.emergencyAccess().group();
        if (!loaded.get() && continueFrom == null) {
            emergencyGroupId = group.map(EmergencyGroup::id).orElse(null);
            emergencyGroup.set(group.map(EmergencyGroup::label).orElse(""));
            // the same rule as the command line: the tenant's only policy on the action is continued
            Optional<ConditionalAccessPolicy> existing = RegistrationProcedure.soleExisting(read);
            if (existing.isPresent()) {
                continueFrom(existing.get(), group.map(EmergencyGroup::id));
            } else if (read.registrationPolicies().size() > 1) {
                continuing.set(read.registrationPolicies().size() + " policies already name Register security "
                        + "information; this run creates its own. Every enforced one must be met: turn off those it "
                        + "replaces once it is on.");
            }
        } else if (emergencyGroup.get().isEmpty()) {
            emergencyGroup.set(group.filter(g -> g.id().equalsIgnoreCase(String.valueOf(emergencyGroupId)))
                    .map(EmergencyGroup::label).orElse(emergencyGroupId == null ? "" : emergencyGroupId));
        }
        loaded.set(true);
        evaluate();
    }

    /** Starts the design from a policy (the tenant's own, or an imported one), keeping what it excludes. */
    void continueFrom(ConditionalAccessPolicy policy, Optional<String> emergencyGroupId) {
        DerivedDesign derived = RegistrationPolicyDesign.fromPolicy(policy, emergencyGroupId);
        show(RegistrationChoices.of(derived.design(), Optional.ofNullable(policy.id())));
        notCarried.setAll(derived.notCarried());
        continuing.set(policy.id() == null ? "" : "Continues \u201c" + policy.displayName() + "\u201d ("
                + policy.state().graphValue() + "): the run changes this policy rather than adding one.");
    }

    /**
     * Takes an imported policy's choices as the design; the run still changes the policy it continued from, if any.
     *
     * @return what the design could not carry from it
     */
    List<String> adopt(ConditionalAccessPolicy imported) {
        DerivedDesign derived = RegistrationPolicyDesign.fromPolicy(imported, Optional.ofNullable(emergencyGroupId));
        show(RegistrationChoices.of(derived.design(), Optional.ofNullable(continueFrom)));
        notCarried.setAll(derived.notCarried());
        return derived.notCarried();
    }

    /** Forgets the policy the design continued from: the run will create a new one. */
    public void startAfresh() {
        continueFrom = null;
        continuing.set("");
        notCarried.clear();
        show(RegistrationChoices.of(RegistrationPolicyDesign.defaults(Optional.ofNullable(emergencyGroupId),
                strengths), Optional.empty()));
    }

    private void show(RegistrationChoices choices) {
        displayName.set(choices.displayName());
        excludeGuests.set(choices.excludeGuestsOrExternalUsers());
        if (choices.emergencyGroupId() != null) {
            emergencyGroupId = choices.emergencyGroupId();
        }
        excludeEmergency.set(choices.emergencyGroupId() != null);
        other = new RegistrationPolicyDesign.OtherExclusions(choices.otherExcludedUsers(),
                choices.otherExcludedGroups(), choices.otherExcludedRoles());
        requireStrength.set(choices.requireStrength());
        strengthId = choices.strengthId();
        strengthName.set(strengths.stream().filter(s -> s.id().equalsIgnoreCase(String.valueOf(strengthId)))
                .map(AuthenticationStrength::displayName).findFirst()
                .orElse(RegistrationPolicyDesign.DEFAULT_STRENGTH.displayName()));
        compliantDevice.set(choices.compliantDevice());
        mfa.set(choices.mfa());
        signInFrequency.set(choices.signInFrequencyHours() != null);
        if (choices.signInFrequencyHours() != null) {
            hours.set(Integer.toString(choices.signInFrequencyHours()));
        }
        excludeTrustedLocations.set(choices.excludeTrustedLocations());
        continueFrom = choices.continueFrom();
        evaluate();
    }

    /** The choices as they stand, whether valid or not; empty when the hours are not a number. */
    Optional<RegistrationChoices> choices() {
        Integer frequency = null;
        if (signInFrequency.get()) {
            try {
                frequency = Integer.parseInt(hours.get().strip());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new RegistrationChoices(displayName.get() == null ? "" : displayName.get().strip(),
                excludeGuests.get(), excludeEmergency.get() ? emergencyGroupId : null, other.users(), other.groups(),
                other.roles(), requireStrength.get(), strengthId, compliantDevice.get(), mfa.get(), frequency,
                excludeTrustedLocations.get(), continueFrom, null));
    }

    /** The design against the tenant's strengths as last read, in report-only. */
    Optional<RegistrationPolicyDesign> design() {
        try {
            return choices().map(c -> c.design(strengths, State.REPORT_ONLY));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Optional<String> continuedPolicyId() {
        return Optional.ofNullable(continueFrom);
    }

    private void evaluate() {
        Optional<RegistrationChoices> choices = choices();
        if (choices.isEmpty()) {
            fail("Enter the sign-in frequency as a whole number of hours.");
            return;
        }
        RegistrationPolicyDesign design;
        try {
            design = choices.get().design(strengths, State.REPORT_ONLY);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        consequences.setAll(design.consequences());
        List<DesignProblem> problems = design.problems();
        if (!problems.isEmpty()) {
            problem.set(problems.get(0).message());
            valid.set(false);
            return;
        }
        problem.set("");
        valid.set(true);
    }

    private void fail(String message) {
        problem.set(message);
        valid.set(false);
    }

    @Override
    public Optional<Answers> answers() {
        return valid.get() ? choices().map(c -> Answers.none().with(RegistrationChoices.ANSWER, c))
                : Optional.empty();
    }

    @Override
    public String problem() {
        return problem.get();
    }

    @Override
    public void restore(Answers saved) {
        saved.get(RegistrationChoices.ANSWER, RegistrationChoices.class).ifPresent(choices -> {
            show(choices);
            loaded.set(true);
            if (choices.continueFrom() != null) {
                continuing.set("Continues the policy " + choices.continueFrom() + ": the run changes it rather than "
                        + "adding one.");
            }
        });
    }

    @Override
    public Observable changes() {
        return changes;
    }

    /** The tenant has no emergency-access group chosen: the exclusion cannot be ticked. */
    public boolean emergencyGroupKnown() {
        return emergencyGroupId != null;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public BooleanProperty excludeGuestsProperty() {
        return excludeGuests;
    }

    public BooleanProperty excludeEmergencyProperty() {
        return excludeEmergency;
    }

    public BooleanProperty requireStrengthProperty() {
        return requireStrength;
    }

    public BooleanProperty compliantDeviceProperty() {
        return compliantDevice;
    }

    public BooleanProperty mfaProperty() {
        return mfa;
    }

    public BooleanProperty signInFrequencyProperty() {
        return signInFrequency;
    }

    public StringProperty hoursProperty() {
        return hours;
    }

    public BooleanProperty excludeTrustedLocationsProperty() {
        return excludeTrustedLocations;
    }

    /** "Emergency Access Accounts (id)"; empty when the tenant has none chosen. */
    public ReadOnlyStringProperty emergencyGroupProperty() {
        return emergencyGroup.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty strengthNameProperty() {
        return strengthName.getReadOnlyProperty();
    }

    /** Which existing policy the run changes; empty when it creates one. */
    public ReadOnlyStringProperty continuingProperty() {
        return continuing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The tenant was read (or answers came back), so the form holds real choices. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** One line per choice: what it means for users. */
    public ObservableList<String> consequences() {
        return consequences;
    }

    /** What the continued policy holds that the design cannot (kept out of the change, said here). */
    public ObservableList<String> notCarried() {
        return notCarried;
    }
}
