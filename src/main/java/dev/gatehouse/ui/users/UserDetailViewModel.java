package dev.gatehouse.ui.users;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.plan.ClipboardAccess;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
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

    /** @param clipboard where the one-time secrets of recovery plans can be copied to */
    public UserDetailViewModel(TaskRunner runner, Clock clock, ClipboardAccess clipboard) {
        this.runner = runner;
        this.clock = clock;
        this.actions = new UserActionsViewModel(runner, clipboard, this);
        this.unfinishedRun = new UnfinishedRunViewModel(runner, clock.getZone());
    }

    public UserActionsViewModel actions() {
        return actions;
    }

    /** The banner for a compromised-account run of this user that stopped halfway. */
    public UnfinishedRunViewModel unfinishedRun() {
        return unfinishedRun;
    }

    /** The admin's time zone, for times shown in plans. */
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
        List<MethodRow> rows = detail.methods().stream()
                .sorted(Comparator.comparing(AuthMethod::created, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(method -> MethodRow.of(method, now, clock.getZone()))
                .toList();
        methods.setAll(rows);
        recentMethods.set(rows.stream().anyMatch(MethodRow::recentlyAdded));
        methodSummary.set(detail.whyUnreadable(UserDetail.Part.METHODS).map(why -> "Not shown: " + why)
                .orElseGet(() -> methodSummaryOf(rows, detail.profile().isGuest())));
        methodsHidden.set(!detail.readable(UserDetail.Part.METHODS));
        state.set(LoadState.LOADED);
        unfinishedRun.check(desk.get(), detail.profile().id());
    }

    private void fail(Throwable failure) {
        error.set(ErrorText.of(failure));
        state.set(LoadState.FAILED);
    }

    private void clear() {
        inFlight.cancel();
        actions.cancel();
        current = null;
        reset("", "", LoadState.IDLE);
    }

    /** Empties everything but the header, which names the user while their detail loads. */
    private void reset(String name, String upn, LoadState newState) {
        showHeader(name, upn, "");
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

    private static String methodSummaryOf(List<MethodRow> rows, boolean guest) {
        if (rows.isEmpty()) {
            // the table's placeholder already says "none"; for a guest, say why that is normal
            return guest ? "Guests sign in with their home organisation's methods; this tenant holds none for them" : "";
        }
        long recent = rows.stream().filter(MethodRow::recentlyAdded).count();
        long undated = rows.stream().filter(MethodRow::undated).count();
        StringBuilder summary = new StringBuilder(rows.size() + (rows.size() == 1 ? " method" : " methods"));
        if (recent > 0) {
            summary.append(" \u00b7 ").append(recent).append(" added in the last ").append(AuthMethod.RECENT.toDays())
                    .append(" days \u2014 check ").append(recent == 1 ? "it is" : "they are").append(" the user's own");
        }
        if (undated > 0) {
            // "not recent" would be a guess: Graph has no date for phone, email and OATH methods
            summary.append(" \u00b7 ").append(undated).append(" with no date in Graph");
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

    /** True when at least one method was added within {@link MethodRow#RECENT}. */
    /** True when the admin may not read this user's methods; the summary then says why. */
    public ReadOnlyBooleanProperty methodsHiddenProperty() {
        return methodsHidden.getReadOnlyProperty();
    }

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
