package dev.gatehouse.ui.users;

import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.signin.SignInMethod;
import dev.gatehouse.domain.signin.SignInSimulator;
import dev.gatehouse.domain.signin.SignInSituation;
import dev.gatehouse.domain.signin.SignInTarget;
import dev.gatehouse.domain.signin.SignInVerdict;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "What will this user experience?" for the open user, in a situation the trainer or help-desk engineer picks.
 * The user, their groups and the tenant's policies are read once (off the UI thread, through the same
 * {@link RecoveryDesk} plans use) when the simulator is in view, and again whenever the user is reloaded, e.g.
 * after an action ran; changing the situation only re-runs the domain's {@link SignInSimulator}, never the tenant.
 */
public final class SignInSimulatorViewModel {

    /** The session the simulated sign-in continues, if any. */
    public enum Session {
        FRESH("A fresh sign-in"),
        STARTED_YESTERDAY("Continuing a session started yesterday"),
        /** Offered only when Graph reported the user's sign-in sessions valid-from date. */
        BEFORE_LAST_REVOCATION("Continuing a session started before the last revocation");

        private final String label;

        Session(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final List<SignInTarget> TARGETS = List.of(SignInTarget.OFFICE_365, SignInTarget.OTHER_CLOUD_APP,
            SignInTarget.REGISTER_SECURITY_INFO);

    private final TaskRunner runner;
    private final ObjectProperty<SignInMethod> method =
            new SimpleObjectProperty<>(this, "method", SignInMethod.PASSWORD_AND_PUSH);
    private final ObjectProperty<SignInTarget> target = new SimpleObjectProperty<>(this, "target", SignInTarget.OFFICE_365);
    private final BooleanProperty compliantDevice = new SimpleBooleanProperty(this, "compliantDevice");
    private final ObjectProperty<Session> session = new SimpleObjectProperty<>(this, "session", Session.FRESH);
    private final ObservableList<Session> sessions = FXCollections.observableArrayList(Session.FRESH,
            Session.STARTED_YESTERDAY);

    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(this, "state", LoadState.IDLE);
    private final ReadOnlyObjectWrapper<SignInVerdict.Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyStringWrapper outcomeLabel = new ReadOnlyStringWrapper(this, "outcomeLabel", "");
    private final ReadOnlyBooleanWrapper mustSignInAgain = new ReadOnlyBooleanWrapper(this, "mustSignInAgain");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ObservableList<String> reasons = FXCollections.observableArrayList();
    /** Handed out once: listeners on an unmodifiable wrapper are lost when the wrapper is garbage-collected. */
    private final ObservableList<String> reasonsView = FXCollections.unmodifiableObservableList(reasons);
    private final ReadOnlyStringWrapper forecast = new ReadOnlyStringWrapper(this, "forecast", "");
    private final ReadOnlyStringWrapper assumptions = new ReadOnlyStringWrapper(this, "assumptions", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private boolean active;
    private boolean stale;
    private RecoveryDesk desk;
    private String userId;
    private Cancellable inFlight = Cancellable.NONE;
    private SignInSimulator simulator;
    private UserSnapshot user;
    private RecoveryContext context;

    SignInSimulatorViewModel(TaskRunner runner) {
        this.runner = runner;
        for (Observable choice : List.of(method, target, compliantDevice, session)) {
            choice.addListener(changed -> simulate());
        }
    }

    /** The simulator is in view: read what it needs if that is not done yet for the open user. */
    public void setActive(boolean inView) {
        active = inView;
        if (active && stale) {
            read();
        }
    }

    /** Reads the user and the tenant's policies again (after an error, or to see a change made elsewhere). */
    public void reload() {
        if (desk != null && userId != null) {
            stale = true;
            setActive(active);
        }
    }

    /** The detail pane shows {@code id} (anew, or reloaded after a change): what the simulator knows is stale. */
    void userShown(RecoveryDesk recoveryDesk, String id) {
        if (!Objects.equals(id, userId)) {
            inFlight.cancel();
            forget();
        }
        desk = recoveryDesk;
        userId = id;
        stale = desk != null;
        if (desk == null) {
            error.set("The sign-in simulator needs the tenant's policies, which are read once the tenant is open.");
            state.set(LoadState.FAILED);
            return;
        }
        setActive(active);
    }

    /** No user on screen. */
    void clear() {
        inFlight.cancel();
        desk = null;
        userId = null;
        stale = false;
        forget();
        state.set(LoadState.IDLE);
    }

    private void read() {
        stale = false;
        inFlight.cancel();
        RecoveryDesk source = desk;
        String id = userId;
        error.set("");
        state.set(LoadState.LOADING);
        inFlight = runner.run("Reading the policies that decide this user's sign-in", () -> source.read(id),
                this::adopt, failure -> {
                    error.set(ErrorText.of(failure));
                    state.set(LoadState.FAILED);
                });
    }

    private void adopt(RecoveryContext read) {
        context = read;
        simulator = read.simulator();
        user = read.snapshot();
        boolean revoked = user.profile().signInSessionsValidFrom() != null;
        if (revoked && !sessions.contains(Session.BEFORE_LAST_REVOCATION)) {
            sessions.add(Session.BEFORE_LAST_REVOCATION);
        } else if (!revoked) {
            session.set(session.get() == Session.BEFORE_LAST_REVOCATION ? Session.FRESH : session.get());
            sessions.remove(Session.BEFORE_LAST_REVOCATION);
        }
        forecast.set(simulator.forecast(user).summary());
        assumptions.set(assumptionsOf(read));
        simulate();
        state.set(LoadState.LOADED);
    }

    private void simulate() {
        if (simulator == null) {
            return;
        }
        SignInSituation situation = new SignInSituation(method.get(), target.get(), compliantDevice.get(),
                sessionStart());
        SignInVerdict verdict = simulator.simulate(user, situation);
        outcome.set(verdict.outcome());
        outcomeLabel.set(labelOf(verdict.outcome()));
        mustSignInAgain.set(verdict.mustSignInAgain());
        headline.set(verdict.headline());
        reasons.setAll(verdict.reasons());
    }

    private Optional<Instant> sessionStart() {
        return switch (session.get()) {
            case FRESH -> Optional.empty();
            case STARTED_YESTERDAY -> Optional.of(context.now().minus(Duration.ofDays(1)));
            case BEFORE_LAST_REVOCATION -> Optional.ofNullable(user.profile().signInSessionsValidFrom())
                    .map(revoked -> revoked.minus(Duration.ofMinutes(1)));
        };
    }

    private void forget() {
        context = null;
        simulator = null;
        user = null;
        outcome.set(null);
        outcomeLabel.set("");
        mustSignInAgain.set(false);
        headline.set("");
        reasons.clear();
        forecast.set("");
        assumptions.set("");
        error.set("");
    }

    /** The domain's assumptions, with Graph's reason for each part that could not be read. */
    private static String assumptionsOf(RecoveryContext read) {
        String assumed = read.simulationAssumptions();
        if (assumed.isEmpty()) {
            return "";
        }
        List<String> why = new ArrayList<>();
        read.unreadable().forEach((part, reason) -> why.add(part + ": " + reason));
        return why.isEmpty() ? assumed : assumed + " Not readable \u2014 " + String.join("; ", why);
    }

    static String labelOf(SignInVerdict.Outcome outcome) {
        return switch (outcome) {
            case SIGNS_IN -> "Signs in";
            case PROMPTED_TO_REGISTER -> "Prompted to register";
            case MUST_CHANGE_PASSWORD -> "Must change password";
            case METHOD_UNAVAILABLE -> "Method unavailable";
            case MFA_REQUIRED -> "MFA required";
            case BLOCKED -> "Blocked";
        };
    }

    public ObjectProperty<SignInMethod> methodProperty() {
        return method;
    }

    public ObjectProperty<SignInTarget> targetProperty() {
        return target;
    }

    public BooleanProperty compliantDeviceProperty() {
        return compliantDevice;
    }

    public ObjectProperty<Session> sessionProperty() {
        return session;
    }

    /** The sessions that can be simulated for this user ("before the last revocation" needs a revocation date). */
    public ObservableList<Session> sessions() {
        return sessions;
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Null until a verdict is in. */
    public ReadOnlyObjectProperty<SignInVerdict.Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** "Signs in", "Prompted to register", "Blocked"… */
    public ReadOnlyStringProperty outcomeLabelProperty() {
        return outcomeLabel.getReadOnlyProperty();
    }

    /** The simulated sign-in continued a session that no longer holds. */
    public ReadOnlyBooleanProperty mustSignInAgainProperty() {
        return mustSignInAgain.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** The facts that decided the verdict, in the order the simulator checked them. */
    public ObservableList<String> reasons() {
        return reasonsView;
    }

    /** The one-line forecast for the user as they are ("signs in with password + push, not prompted to register…"). */
    public ReadOnlyStringProperty forecastProperty() {
        return forecast.getReadOnlyProperty();
    }

    /** What the simulation assumes because a policy or the user's methods could not be read; empty otherwise. */
    public ReadOnlyStringProperty assumptionsProperty() {
        return assumptions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
