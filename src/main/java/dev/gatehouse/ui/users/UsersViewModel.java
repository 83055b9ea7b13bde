package dev.gatehouse.ui.users;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.user.UserPage;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.Debouncer;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.workspace.OpenTenant;
import dev.gatehouse.ui.workspace.WorkspaceModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Users workspace's list side: type-ahead search over the tenant, one page at a time, and the
 * selected user's detail. Every keystroke cancels the search in flight; the new search starts once
 * typing pauses, so a large tenant sees one request per pause, not one per key.
 */
public final class UsersViewModel implements WorkspaceModel {

    public static final Duration SEARCH_DELAY = Duration.ofMillis(200);
    public static final int PAGE_SIZE = 50;

    private final TaskRunner runner;
    private final Debouncer debouncer;
    private final UserDetailViewModel detail;
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObservableList<UserSummary> users = FXCollections.observableArrayList();
    /** Handed out once: listeners on an unmodifiable wrapper are lost when the wrapper is garbage-collected. */
    private final ObservableList<UserSummary> usersView = FXCollections.unmodifiableObservableList(users);
    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(this, "state", LoadState.IDLE);
    private final ReadOnlyBooleanWrapper loadingMore = new ReadOnlyBooleanWrapper(this, "loadingMore");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyStringWrapper matchSummary = new ReadOnlyStringWrapper(this, "matchSummary", "");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private TenantDirectory directory;
    private Cancellable inFlight = Cancellable.NONE;
    /** Set by {@link #readAhead} on a worker, taken once by the next {@link #attach(OpenTenant)}. */
    private final AtomicReference<PageAhead> ahead = new AtomicReference<>();
    /** The query whose results are on screen (or were last asked for, when it failed). */
    private UserQuery shownQuery;
    private Optional<String> nextCursor = Optional.empty();
    private Runnable retry = () -> { };

    public UsersViewModel(TaskRunner runner, UserDetailViewModel detail) {
        this.runner = runner;
        this.detail = detail;
        this.debouncer = new Debouncer(runner, SEARCH_DELAY);
        searchText.addListener((obs, old, text) -> searchSoon());
    }

    /**
     * Reads the first page of users on the worker that opened the tenant, so the list fills as soon as the window
     * attaches it: at startup the window is still laying out its first frame while this page is on its way.
     */
    @Override
    public void readAhead(TenantConnection connection) {
        UserQuery first = UserQuery.firstPage("", PAGE_SIZE);
        ahead.set(new PageAhead(connection, first, connection.directory().searchUsers(first)));
    }

    /** Shows the users of a newly opened tenant, and lets the panel change it through its own recovery desk. */
    @Override
    public void attach(OpenTenant tenant) {
        PageAhead early = ahead.getAndSet(null);
        boolean forThisTenant = early != null && early.connection() == tenant.connection();
        attach(tenant.connection().directory(), forThisTenant ? early : null);
        // nothing is read or written here: the desk touches the data folder only when a plan runs
        allowChanges(RecoveryDesk.open(tenant.connection(), tenant.dataFolder(), tenant.clock(), AuthMethod.RECENT));
    }

    /** Shows the users of a newly connected tenant, read-only until {@link #allowChanges}. */
    public void attach(TenantDirectory newDirectory) {
        attach(newDirectory, null);
    }

    /** @param early the first page read ahead for this tenant, or null */
    private void attach(TenantDirectory newDirectory, PageAhead early) {
        detach();
        directory = newDirectory;
        detail.attach(newDirectory);
        if (early != null && early.query().equals(UserQuery.firstPage(searchText.get(), PAGE_SIZE))) {
            show(early.query(), early.page(), false);
        } else {
            search();
        }
    }

    /** A first page read for {@code connection} before the window attached it. */
    private record PageAhead(TenantConnection connection, UserQuery query, UserPage page) {
    }

    /** Lets the users panel change the tenant attached last, through the one recovery path GUI and CLI share. */
    public void allowChanges(RecoveryDesk desk) {
        detail.allowChanges(desk);
    }

    /** Forgets the current tenant: cancels everything in flight and empties the workspace. */
    @Override
    public void detach() {
        debouncer.cancel();
        inFlight.cancel();
        directory = null;
        detail.detach();
        users.clear();
        shownQuery = null;
        nextCursor = Optional.empty();
        hasMore.set(false);
        error.set("");
        matchSummary.set("");
        setState(LoadState.IDLE);
    }

    /** Searches for the current text at once, skipping the typing delay (Enter, refresh). */
    public void search() {
        debouncer.cancel();
        if (directory != null) {
            fetch(UserQuery.firstPage(searchText.get(), PAGE_SIZE), false);
        }
    }

    /**
     * Keeps the search and the open user, both read again, but not a plan made before: the desk reads who is signed in
     * at every read, so the same desk serves the changed tenant, and a trainer who just switched admins still has the
     * user they were looking at.
     */
    @Override
    public void reopen(OpenTenant tenant) {
        search();
        detail.reloadAfresh();
    }

    /** Searches again and reloads the open user (F5). */
    @Override
    public void refresh() {
        search();
        detail.reload();
    }

    public void loadMore() {
        if (directory != null && nextCursor.isPresent() && state.get() == LoadState.LOADED && !loadingMore.get()) {
            fetch(shownQuery.next(nextCursor.get()), true);
        }
    }

    public void retry() {
        retry.run();
    }

    /** Opens a user in the detail pane; a null selection (the list was replaced) keeps the current detail. */
    public void select(UserSummary user) {
        if (user != null) {
            detail.load(user);
        }
    }

    private void searchSoon() {
        inFlight.cancel();
        loadingMore.set(false);
        if (directory != null) {
            setState(LoadState.LOADING);
            debouncer.submit(this::search);
        }
    }

    private void fetch(UserQuery query, boolean append) {
        inFlight.cancel();
        TenantDirectory source = directory;
        error.set("");
        loadingMore.set(append);
        if (!append) {
            setState(LoadState.LOADING);
        }
        String description = query.isSearch() ? "Searching users for \u201c" + query.text() + "\u201d" : "Loading users";
        inFlight = runner.run(description, () -> source.searchUsers(query),
                page -> show(query, page, append),
                failure -> fail(query, append, failure));
    }

    private void show(UserQuery query, UserPage page, boolean append) {
        loadingMore.set(false);
        if (append) {
            users.addAll(page.users());
        } else {
            users.setAll(page.users());
        }
        shownQuery = query;
        nextCursor = page.nextCursor();
        hasMore.set(page.hasMore());
        matchSummary.set(MatchSummary.of(query, users.size(), page.totalCount(), page.hasMore()));
        setState(LoadState.LOADED);
    }

    private void fail(UserQuery query, boolean append, Throwable failure) {
        loadingMore.set(false);
        error.set(ErrorText.of(failure));
        retry = () -> fetch(query, append);
        if (!append) {
            users.clear();
            hasMore.set(false);
            matchSummary.set("");
            setState(LoadState.FAILED);
        }
    }

    private void setState(LoadState newState) {
        state.set(newState);
        placeholder.set(switch (newState) {
            case IDLE -> "Not connected to a tenant";
            case LOADING -> "Searching\u2026";
            case LOADED -> shownQuery != null && shownQuery.isSearch()
                    ? "No user matches \u201c" + shownQuery.text() + "\u201d"
                    : "This tenant has no users";
            case NOT_FOUND, FAILED -> "";
        });
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableList<UserSummary> users() {
        return usersView;
    }

    public UserDetailViewModel detail() {
        return detail;
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingMoreProperty() {
        return loadingMore.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /** "50 of 1,234 matches", "40 of 40 users"… */
    public ReadOnlyStringProperty matchSummaryProperty() {
        return matchSummary.getReadOnlyProperty();
    }

    /** What the empty list says. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** Why the last search or "load more" failed, empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
