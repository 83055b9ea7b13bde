package dev.gatehouse.ui.users;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.RegistrationEvent;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.recovery.IssuedHere;
import dev.gatehouse.domain.recovery.MethodDates;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.recovery.RegistrationDate;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.Debouncer;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.Preferences;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.plan.ClipboardAccess;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The selected user's recovery-relevant profile and every authentication method, newest first so that a
 * method an attacker just added is at the top. Selecting another user cancels the load in flight.
 */
public final class UserDetailViewModel {

    private final TaskRunner runner;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(this, "state", LoadState.IDLE);
    private final ReadOnlyStringWrapper displayName = new ReadOnlyStringWrapper(this, "displayName", "");
    private final ReadOnlyStringWrapper userPrincipalName = new ReadOnlyStringWrapper(this, "userPrincipalName", "");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyStringWrapper privilegedNote = new ReadOnlyStringWrapper(this, "privilegedNote", "");
    private final ReadOnlyStringWrapper methodSummary = new ReadOnlyStringWrapper(this, "methodSummary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper recentMethods = new ReadOnlyBooleanWrapper(this, "recentMethods");
    private final ReadOnlyBooleanWrapper methodsHidden = new ReadOnlyBooleanWrapper(this, "methodsHidden");
    private final ObservableList<ProfileFact> facts = FXCollections.observableArrayList();
    /** Handed out once: listeners on an unmodifiable wrapper are lost when the wrapper is garbage-collected. */
    private final ObservableList<ProfileFact> factsView = FXCollections.unmodifiableObservableList(facts);
    private final ObservableList<MethodRow> methods = FXCollections.observableArrayList();
    /** Handed out once: listeners on an unmodifiable wrapper are lost when the wrapper is garbage-collected. */
    private final ObservableList<MethodRow> methodsView = FXCollections.unmodifiableObservableList(methods);

    private final ReadOnlyObjectWrapper<RecoveryDesk> desk = new ReadOnlyObjectWrapper<>(this, "desk");
    private TenantDirectory directory;
    private Cancellable inFlight = Cancellable.NONE;
    private UserSummary current;

    private final UserActionsViewModel actions;
    private final UnfinishedRunViewModel unfinishedRun;
    private final ReadOnlyBooleanWrapper accountEnabled = new ReadOnlyBooleanWrapper(this, "accountEnabled", true);
    private final SignInSimulatorViewModel simulator;
    /** Days back a method counts as recently added, for the table, the summary and plans. */
    private final ObjectProperty<Integer> recentDays =
            new SimpleObjectProperty<>(this, "recentDays", (int) AuthMethod.RECENT.toDays());
    private final Debouncer settingsWriter;
    /** Where the window is saved; none until {@link #usePreferences}, and not before they have been read. */
    private Preferences preferences;
    /** The detail on screen and when it was read, so a new recent window re-flags it without asking the tenant. */
    private UserDetail shown;
    private Instant shownAt;
    /** The audit log's registrations for the user on screen: null until read; with {@link #auditProblem} on failure. */
    private List<RegistrationEvent> registrations;
    private String auditProblem;
    private Cancellable auditRead = Cancellable.NONE;
    /** The pass and password the signed-in admin issued to the user on screen from Gatehouse, per the journal. */
    private IssuedHere issuedHere = IssuedHere.NONE;
    private Cancellable journalRead = Cancellable.NONE;
    private final BooleanProperty simulatorShown = new SimpleBooleanProperty(this, "simulatorShown");

    /** @param clipboard where the one-time secrets of recovery plans can be copied to */
    public UserDetailViewModel(TaskRunner runner, Clock clock, ClipboardAccess clipboard) {
        this.runner = runner;
        this.clock = clock;
        this.actions = new UserActionsViewModel(runner, clipboard, this);
        this.simulator = new SignInSimulatorViewModel(runner);
        this.unfinishedRun = new UnfinishedRunViewModel(runner, clock.getZone());
        this.settingsWriter = new Debouncer(runner, SETTINGS_WRITE_DELAY);
        recentDays.addListener((obs, old, days) -> recentWindowChanged());
    }

    /** Spinner clicks come in bursts; the window is saved once they stop. */
    static final Duration SETTINGS_WRITE_DELAY = Duration.ofMillis(500);

    public SignInSimulatorViewModel simulator() {
        return simulator;
    }

    /** Brings the sign-in simulator's tab to the front ("see what the user sees"); the view follows both ways. */
    public void showSimulator() {
        simulatorShown.set(true);
    }

    /** True while the sign-in simulator's tab is the one in front. */
    public BooleanProperty simulatorShownProperty() {
        return simulatorShown;
    }

    /** Takes the saved recent-method window from {@code saved}, then saves every change to it. */
    public void usePreferences(Preferences saved) {
        saved.readRecentWindow(window -> {
            recentDays.set((int) window.toDays());
            preferences = saved; // only now: the window just read is not saved back
        });
    }

    private void recentWindowChanged() {
        Duration window = recentWindow();
        RecoveryDesk recoveryDesk = desk.get();
        if (recoveryDesk != null) {
            recoveryDesk.recentWindow(window);
        }
        if (shown != null) {
            showMethods(shown, shownAt);
        }
        Preferences saved = preferences;
        if (saved != null) {
            settingsWriter.submit(() -> saved.saveRecentWindow(window,
                    problem -> error.set("Could not save the recent-method window: " + problem)));
        }
    }

    private Duration recentWindow() {
        Integer days = recentDays.get();
        return Duration.ofDays(days == null || days < Preferences.MIN_RECENT_DAYS ? AuthMethod.RECENT.toDays()
                : Math.min(days, Preferences.MAX_RECENT_DAYS));
    }

    public UserActionsViewModel actions() {
        return actions;
    }

    /** The banner for a compromised-account run of this user that stopped halfway. */
    public UnfinishedRunViewModel unfinishedRun() {
        return unfinishedRun;
    }

    /** The admin's time zone, for times shown in plans. */
    /** The clock the detail dates by, for windows opened from it. */
    Clock clock() {
        return clock;
    }

    ZoneId zone() {
        return clock.getZone();
    }

    /** The object id of the user on screen, null when none is. */
    String currentUserId() {
        return current == null ? null : current.id();
    }

    void attach(TenantDirectory newDirectory) {
        directory = newDirectory;
    }

    void allowChanges(RecoveryDesk recoveryDesk) {
        recoveryDesk.recentWindow(recentWindow());
        desk.set(recoveryDesk);
    }

    void detach() {
        directory = null;
        desk.set(null);
        clear();
    }

    public void load(UserSummary user) {
        inFlight.cancel();
        if (current == null || !current.id().equals(user.id())) {
            actions.cancel();
        }
        if (directory == null) {
            return;
        }
        current = user;
        reset(user.displayName(), user.userPrincipalName(), LoadState.LOADING);
        TenantDirectory source = directory;
        inFlight = runner.run("Loading " + user.displayName(), () -> source.findUser(user.id()),
                this::show, this::fail);
    }

    /**
     * Loads the current user again after the tenant changed under the window: a plan still being prepared or reviewed
     * was made for the tenant as it was (and perhaps for another admin), so it is dropped.
     */
    public void reloadAfresh() {
        actions.cancel();
        reload();
    }

    /** Loads the current user again, e.g. after an error or to see a change made elsewhere. */
    public void reload() {
        if (current != null) {
            load(current);
        }
    }

    private void show(Optional<UserDetail> found) {
        if (found.isEmpty()) {
            error.set("This user no longer exists in the tenant. Search again to refresh the list.");
            state.set(LoadState.NOT_FOUND);
            return;
        }
        UserDetail detail = found.get();
        Instant now = clock.instant();
        showHeader(detail.profile().displayName(), detail.profile().userPrincipalName(), subtitleOf(detail));
        facts.setAll(ProfileFacts.of(detail, now, clock.getZone()));
        accountEnabled.set(detail.profile().accountEnabled());
        privilegedNote.set(privilegedNoteOf(detail));
        registrations = null;
        auditProblem = null;
        issuedHere = IssuedHere.NONE;
        showMethods(detail, now);
        datePhoneEmailAndOathMethods(detail, now);
        recogniseWhatYouIssued(detail);
        methodsHidden.set(!detail.readable(UserDetail.Part.METHODS));
        state.set(LoadState.LOADED);
        simulator.userShown(desk.get(), detail.profile().id());
        unfinishedRun.check(desk.get(), detail.profile().id());
    }

    /**
     * Graph gives phone, email and OATH methods no date, yet an attacker's phone added yesterday must stand out:
     * the directory audit log's registrations date them, read in the background once the user is on screen.
     */
    private void datePhoneEmailAndOathMethods(UserDetail detail, Instant now) {
        auditRead.cancel();
        TenantDirectory source = directory;
        if (source == null || detail.methods().stream().noneMatch(AuthMethod::undated)) {
            return;
        }
        String userId = detail.profile().id();
        Instant since = now.minus(RecoveryContext.auditLookBack(recentWindow()));
        auditRead = runner.run("Reading registrations from the audit log",
                () -> source.registrationEvents(userId, since),
                events -> {
                    if (shown == detail) {
                        registrations = events;
                        showMethods(detail, shownAt);
                    }
                },
                failure -> {
                    if (shown == detail) {
                        auditProblem = ErrorText.of(failure);
                        showMethods(detail, shownAt);
                    }
                });
    }

    /**
     * A pass or password this admin issued from Gatehouse is new, but not an attacker's: the journal says which, read
     * in the background, and those rows say "Issued by you" instead of "Recently added".
     */
    private void recogniseWhatYouIssued(UserDetail detail) {
        journalRead.cancel();
        RecoveryDesk recoveryDesk = desk.get();
        if (recoveryDesk == null || detail.methods().stream().noneMatch(m -> m.type() == MethodType.PASSWORD
                || m.type() == MethodType.TEMPORARY_ACCESS_PASS)) {
            return;
        }
        journalRead = runner.run("Reading what you issued from the journal",
                () -> recoveryDesk.issuedHere(detail.profile().id(), detail.methods()),
                issued -> {
                    if (shown == detail && !issued.at().isEmpty()) {
                        issuedHere = issued;
                        showMethods(detail, shownAt);
                    }
                },
                failure -> { }); // nothing vouches for them: each method is judged by its date, as before
    }

    private Optional<RegistrationDate> registration(AuthMethod method, MethodDates dates) {
        if (!method.undated() || (registrations == null && auditProblem == null)) {
            return Optional.empty();
        }
        return Optional.of(dates.of(method));
    }

    private void showMethods(UserDetail detail, Instant now) {
        shown = detail;
        shownAt = now;
        Duration window = recentWindow();
        MethodDates dates = new MethodDates(detail.methods(), registrations == null ? List.of() : registrations,
                Optional.ofNullable(auditProblem), RecoveryContext.auditLookBack(window));
        List<MethodRow> rows = detail.methods().stream()
                .sorted(Comparator.comparing((AuthMethod method) -> method.created() != null ? method.created()
                                : registration(method, dates).flatMap(RegistrationDate::date).orElse(null),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .map(method -> MethodRow.of(method, registration(method, dates), issuedHere.of(method), now,
                        clock.getZone(), window))
                .toList();
        methods.setAll(rows);
        recentMethods.set(rows.stream().anyMatch(MethodRow::recentlyAdded));
        methodSummary.set(detail.whyUnreadable(UserDetail.Part.METHODS).map(why -> "Not shown: " + why)
                .orElseGet(() -> methodSummaryOf(rows, detail.profile().isGuest(), window)));
    }

    private void fail(Throwable failure) {
        error.set(ErrorText.of(failure));
        state.set(LoadState.FAILED);
    }

    private void clear() {
        inFlight.cancel();
        auditRead.cancel();
        journalRead.cancel();
        actions.cancel();
        current = null;
        simulator.clear();
        reset("", "", LoadState.IDLE);
    }

    /** Empties everything but the header, which names the user while their detail loads. */
    private void reset(String name, String upn, LoadState newState) {
        showHeader(name, upn, "");
        shown = null;
        facts.clear();
        methods.clear();
        recentMethods.set(false);
        methodsHidden.set(false);
        privilegedNote.set("");
        methodSummary.set("");
        error.set("");
        unfinishedRun.clear();
        state.set(newState);
    }

    private void showHeader(String name, String upn, String details) {
        displayName.set(name == null ? "" : name);
        userPrincipalName.set(upn == null ? "" : upn);
        subtitle.set(details);
    }

    private static String subtitleOf(UserDetail detail) {
        UserProfile profile = detail.profile();
        String mail = profile.mail() != null && profile.mail().equalsIgnoreCase(profile.userPrincipalName()) ? null
                : profile.mail();
        return Stream.of(profile.jobTitle(), profile.department(), mail)
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" \u00b7 "));
    }

    private static String privilegedNoteOf(UserDetail detail) {
        if (!detail.readable(UserDetail.Part.ROLES)) {
            return "Could not tell whether this user is an admin, so treat them as one: "
                    + detail.whyUnreadable(UserDetail.Part.ROLES).orElseThrow();
        }
        return detail.isPrivilegedTarget()
                ? "Privileged target: " + UserDetail.PRIVILEGED_TARGET_EXPLANATION + "."
                : "";
    }

    private static String methodSummaryOf(List<MethodRow> rows, boolean guest, Duration window) {
        if (rows.isEmpty()) {
            // the table's placeholder already says "none"; for a guest, say why that is normal
            return guest ? "Guests sign in with their home organisation's methods; this tenant holds none for them" : "";
        }
        long recent = rows.stream().filter(MethodRow::recentlyAdded).count();
        long undated = rows.stream().filter(MethodRow::undated).count();
        long fromAudit = rows.stream().filter(MethodRow::datedFromAuditLog).count();
        StringBuilder summary = new StringBuilder(rows.size() + (rows.size() == 1 ? " method" : " methods"));
        if (recent > 0) {
            summary.append(" \u00b7 ").append(recent).append(" added in the last ").append(window.toDays())
                    .append(window.toDays() == 1 ? " day" : " days")
                    .append(" \u2014 check ").append(recent == 1 ? "it is" : "they are").append(" the user's own");
        }
        if (undated > 0) {
            // "not recent" would be a guess: Graph has no date for phone, email and OATH methods
            summary.append(" \u00b7 ").append(undated).append(" with no date in Graph");
        }
        if (fromAudit > 0) {
            summary.append(" \u00b7 ").append(fromAudit).append(" dated from the audit log");
        }
        long issued = rows.stream().filter(row -> !row.issuedByYou().isEmpty()).count();
        if (issued > 0) {
            summary.append(" \u00b7 ").append(issued).append(" issued by you");
        }
        return summary.toString();
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty displayNameProperty() {
        return displayName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userPrincipalNameProperty() {
        return userPrincipalName.getReadOnlyProperty();
    }

    /** Job title, department and mail, when known. */
    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** Set when only the most privileged admins may reset this user; empty otherwise. */
    public ReadOnlyStringProperty privilegedNoteProperty() {
        return privilegedNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty methodSummaryProperty() {
        return methodSummary.getReadOnlyProperty();
    }

    /** True when the admin may not read this user's methods; the summary then says why. */
    public ReadOnlyBooleanProperty methodsHiddenProperty() {
        return methodsHidden.getReadOnlyProperty();
    }

    /** How many days back a method counts as recently added (1–90, default 7); changing it re-flags the table. */
    public ObjectProperty<Integer> recentDaysProperty() {
        return recentDays;
    }

    /** True when at least one method was added within {@link #recentDaysProperty()}. */
    public ReadOnlyBooleanProperty recentMethodsProperty() {
        return recentMethods.getReadOnlyProperty();
    }

    /** Whether the open user may sign in: the action bar offers Disable or Enable accordingly. */
    public ReadOnlyBooleanProperty accountEnabledProperty() {
        return accountEnabled.getReadOnlyProperty();
    }

    /** How this tenant is changed (plans, journal); null while no tenant is open. */
    public ReadOnlyObjectProperty<RecoveryDesk> deskProperty() {
        return desk.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<ProfileFact> facts() {
        return factsView;
    }

    public ObservableList<MethodRow> methods() {
        return methodsView;
    }
}
