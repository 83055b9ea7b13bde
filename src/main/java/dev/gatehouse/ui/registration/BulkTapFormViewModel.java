package dev.gatehouse.ui.registration;

import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.registration.BulkTapStage;
import dev.gatehouse.domain.registration.BulkTapUser;
import dev.gatehouse.domain.registration.RegistrationReadiness;
import dev.gatehouse.ui.wizard.StageForm;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Step 2 of the registration-policy wizard: who gets a one-time Temporary Access Pass (the pre-flight's users who
 * could not register under the policy otherwise) and for how long, within the tenant's TAP policy. Optional: with
 * nobody in the list the stage has nothing to do and the wizard goes on.
 */
public final class BulkTapFormViewModel implements StageForm {

    public static final String TITLE = "Passes for those without a way in";

    private final ObservableList<BulkTapUser> users = FXCollections.observableArrayList();
    private final StringProperty lifetime = new SimpleStringProperty(this, "lifetime", "");
    private final ReadOnlyStringWrapper limits = new ReadOnlyStringWrapper(this, "limits",
            "The tenant's TAP policy is read by the pre-flight.");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final Observable changes = Bindings.createObjectBinding(Object::new, users, lifetime);
    private final javafx.beans.property.ObjectProperty<java.nio.file.Path> csvFile =
            new javafx.beans.property.SimpleObjectProperty<>(this, "csvFile");
    private Optional<TapSettings> settings = Optional.empty();
    /** Saved answers came back: the run's list stands, the pre-flight does not replace it. */
    private boolean restored;

    BulkTapFormViewModel() {
        changes.addListener(obs -> validate());
    }

    /** The pre-flight's findings: who needs a pass, and the tenant's limits. */
    void offer(List<RegistrationReadiness.UserRef> needPass, Optional<TapSettings> tap) {
        settings = tap;
        limits.set(tap.map(t -> "This tenant's TAP policy allows " + t.minimumLifetimeMinutes() + "\u2013"
                + t.maximumLifetimeMinutes() + " minutes (default " + t.defaultLifetimeMinutes() + "). Every pass is "
                + "one-time: the policy's strength accepts only a one-time pass.")
                .orElse("The tenant's TAP policy could not be read; Entra refuses a lifetime outside it."));
        if (lifetime.get().isBlank()) {
            tap.ifPresent(t -> lifetime.set(Integer.toString(t.defaultLifetimeMinutes())));
        }
        if (!restored) {
            users.setAll(needPass.stream().map(u -> new BulkTapUser(u.id(), u.userPrincipalName(),
                    u.userPrincipalName())).toList());
        }
        validate();
    }

    /** Leaves this user out of the hand-out. */
    public void remove(BulkTapUser user) {
        users.remove(user);
    }

    private OptionalMinutes minutes() {
        try {
            return new OptionalMinutes(Integer.parseInt(lifetime.get().strip()), null);
        } catch (NumberFormatException e) {
            return new OptionalMinutes(0, "Enter the lifetime as a whole number of minutes.");
        }
    }

    private record OptionalMinutes(int minutes, String problem) {
    }

    private void validate() {
        OptionalMinutes minutes = minutes();
        if (users.isEmpty()) {
            problem.set("");
        } else if (minutes.problem() != null) {
            problem.set(minutes.problem());
        } else if (settings.isPresent() && !settings.get().allowsLifetime(minutes.minutes())) {
            problem.set(minutes.minutes() + " minutes is outside this tenant's TAP policy: enter "
                    + settings.get().minimumLifetimeMinutes() + "\u2013" + settings.get().maximumLifetimeMinutes()
                    + " minutes.");
        } else {
            problem.set("");
        }
    }

    @Override
    public Optional<Answers> answers() {
        if (users.isEmpty()) {
            return Optional.of(Answers.none());
        }
        if (!problem.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BulkTapStage.answers(Answers.none(), List.copyOf(users), minutes().minutes()));
    }

    @Override
    public String problem() {
        return problem.get();
    }

    @Override
    public void restore(Answers saved) {
        saved.get(BulkTapStage.USERS, BulkTapUser[].class).ifPresent(list -> {
            users.setAll(Arrays.asList(list));
            restored = true;
        });
        saved.get(BulkTapStage.LIFETIME, Integer.class).ifPresent(minutes -> lifetime.set(Integer.toString(minutes)));
    }

    @Override
    public Observable changes() {
        return changes;
    }

    /**
     * Where the codes are also written as they are issued (owner-only, never over an existing file); null for the
     * screen only. Not saved with the run: a continued run asks again.
     */
    public javafx.beans.property.ObjectProperty<java.nio.file.Path> csvFileProperty() {
        return csvFile;
    }

    /** What a hand-out file holds, said wherever one is offered. */
    public String csvWarning() {
        return dev.gatehouse.domain.registration.BulkTapCsv.WARNING;
    }

    /** The user each step of the hand-out issues a pass to, by step id. */
    Optional<BulkTapUser> userOfStep(String stepId) {
        return users.stream().filter(u -> (BulkTapStage.STEP_PREFIX + u.id()).equals(stepId)).findFirst();
    }

    public ObservableList<BulkTapUser> users() {
        return users;
    }

    public StringProperty lifetimeProperty() {
        return lifetime;
    }

    public ReadOnlyStringProperty limitsProperty() {
        return limits.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
