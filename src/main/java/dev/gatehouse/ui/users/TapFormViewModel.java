package dev.gatehouse.ui.users;

import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.recovery.RecoveryRequest;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The Issue TAP options: lifetime and one-time/multi-use, with the tenant policy's limits shown up front and a
 * value outside them refused with the allowed range before any plan is built.
 */
public final class TapFormViewModel {

    private final String target;
    private final Optional<TapSettings> limits;
    private final Consumer<RecoveryRequest.IssueTap> submit;
    private final StringProperty lifetime = new SimpleStringProperty(this, "lifetime", "");
    private final BooleanProperty multiUse = new SimpleBooleanProperty(this, "multiUse");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /** @param limits empty when the tenant's TAP policy could not be read */
    TapFormViewModel(String target, Optional<TapSettings> limits, Consumer<RecoveryRequest.IssueTap> submit) {
        this.target = target;
        this.limits = limits;
        this.submit = submit;
        limits.ifPresent(l -> lifetime.set(Integer.toString(l.defaultLifetimeMinutes())));
        lifetime.addListener((obs, old, now) -> problem.set(""));
    }

    public String target() {
        return target;
    }

    /** "This tenant allows 10–480 minutes (default 60); one-time or multi-use." */
    public String limitsText() {
        return limits.map(l -> "This tenant's TAP policy allows " + l.minimumLifetimeMinutes() + "\u2013"
                        + l.maximumLifetimeMinutes() + " minutes (default " + l.defaultLifetimeMinutes() + "); "
                        + (l.usableOnceOnly() ? "one-time passes only." : "one-time or multi-use."))
                .orElse("The tenant's TAP policy could not be read, so its limits are unknown; Entra refuses a "
                        + "lifetime outside them.");
    }

    /** True when the policy forces one-time passes: the multi-use choice is then off and disabled. */
    public boolean oneTimeOnly() {
        return limits.map(TapSettings::usableOnceOnly).orElse(false);
    }

    /** Builds the plan, or says what is wrong with the values and which are allowed. */
    public void submit() {
        String text = lifetime.get() == null ? "" : lifetime.get().strip();
        OptionalInt minutes = OptionalInt.empty();
        if (!text.isEmpty()) {
            try {
                minutes = OptionalInt.of(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                problem.set("Enter the lifetime as a whole number of minutes.");
                return;
            }
        }
        if (minutes.isPresent() && limits.isPresent() && !limits.get().allowsLifetime(minutes.getAsInt())) {
            TapSettings l = limits.get();
            problem.set(minutes.getAsInt() + " minutes is outside this tenant's TAP policy: enter "
                    + l.minimumLifetimeMinutes() + "\u2013" + l.maximumLifetimeMinutes() + " minutes.");
            return;
        }
        if (multiUse.get() && oneTimeOnly()) {
            problem.set("This tenant's TAP policy allows one-time passes only.");
            return;
        }
        submit.accept(new RecoveryRequest.IssueTap(minutes, multiUse.get()));
    }

    /** Minutes; empty for the policy's default. */
    public StringProperty lifetimeProperty() {
        return lifetime;
    }

    public BooleanProperty multiUseProperty() {
        return multiUse;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
