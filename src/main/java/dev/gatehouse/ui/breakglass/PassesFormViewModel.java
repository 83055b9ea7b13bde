package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.BreakGlassSetupRead;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.ui.wizard.StageForm;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;

/**
 * Step 6, the passes: how long each one-time pass lives, within the tenant's Temporary Access Pass policy (shown as
 * soon as a read of the tenant has it; blank for the tenant's default), and whether a usable pass an account already
 * holds is replaced — never unasked, since whoever holds its code may be about to use it.
 */
public final class PassesFormViewModel implements StageForm {

    private final SetupFormViewModel setup;
    private final StringProperty lifetime = new SimpleStringProperty(this, "lifetime", "");
    private final ReadOnlyStringWrapper limits = new ReadOnlyStringWrapper(this, "limits",
            "The tenant's Temporary Access Pass policy is read when this step opens.");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final Observable changes;
    private Optional<TapSettings> settings = Optional.empty();

    PassesFormViewModel(SetupFormViewModel setup) {
        this.setup = setup;
        // the choices keep a number; the field follows them back after a restart
        setup.lifetimeProperty().addListener((obs, old, minutes) -> {
            if (minutes != null && !lifetime.get().strip().equals(minutes.toString())) {
                lifetime.set(minutes.toString());
            }
        });
        lifetime.addListener((obs, old, text) -> validate());
        this.changes = Changes.of(setup.lifetimeProperty(), setup.newPassProperty(), problem);
    }

    /** A fresh read of the tenant: its pass policy's limits, and the lifetime checked against them. */
    void read(BreakGlassSetupRead read) {
        settings = read.methodsPolicy().flatMap(MethodsPolicy::temporaryAccessPass);
        limits.set(settings.map(t -> "This tenant's Temporary Access Pass policy allows " + t.minimumLifetimeMinutes()
                + "\u2013" + t.maximumLifetimeMinutes() + " minutes; leave the field empty for its default of "
                + t.defaultLifetimeMinutes() + " minutes.")
                .orElse("The tenant's Temporary Access Pass policy could not be read; Entra refuses a lifetime "
                        + "outside it."));
        validate();
    }

    private void validate() {
        String text = lifetime.get().strip();
        if (text.isEmpty()) {
            setup.lifetimeProperty().set(null);
            problem.set("");
            return;
        }
        int minutes;
        try {
            minutes = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            problem.set("Enter the passes' lifetime as a whole number of minutes, or leave it empty for the tenant's "
                    + "default.");
            return;
        }
        if (settings.isPresent() && !settings.get().allowsLifetime(minutes)) {
            problem.set(minutes + " minutes is outside this tenant's Temporary Access Pass policy: enter "
                    + settings.get().minimumLifetimeMinutes() + "\u2013" + settings.get().maximumLifetimeMinutes()
                    + " minutes.");
            return;
        }
        problem.set("");
        setup.lifetimeProperty().set(minutes);
    }

    @Override
    public Optional<Answers> answers() {
        return problem.get().isEmpty() ? setup.answers() : Optional.empty();
    }

    @Override
    public String problem() {
        return problem.get().isEmpty() ? setup.problem() : problem.get();
    }

    @Override
    public void restore(Answers saved) {
        // the plan's form puts the set-up's choices back, the lifetime and the replace flag with them
    }

    @Override
    public Observable changes() {
        return changes;
    }

    /** Minutes, as typed; empty for the tenant's default. */
    public StringProperty lifetimeProperty() {
        return lifetime;
    }

    public BooleanProperty newPassProperty() {
        return setup.newPassProperty();
    }

    /** The tenant's limits for a pass's lifetime, as last read. */
    public ReadOnlyStringProperty limitsProperty() {
        return limits.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
