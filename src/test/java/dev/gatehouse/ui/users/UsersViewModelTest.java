package dev.gatehouse.ui.users;

import dev.gatehouse.ui.fake.FakeClipboard;
import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.DemoData;
import dev.gatehouse.ui.fake.FakeConnection;
import dev.gatehouse.ui.fake.FakeDirectory;
import dev.gatehouse.ui.workspace.OpenTenant;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsersViewModelTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final UsersViewModel viewModel = new UsersViewModel(runner, new UserDetailViewModel(runner, Clock.systemUTC(), new FakeClipboard()));
    private final FakeDirectory directory = DemoData.directory("baseline", new CallLog());

    @Test
    void attachingListsTheFirstPageAtOnce() {
        viewModel.attach(directory);

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(viewModel.users()).hasSize(24);
        assertThat(viewModel.matchSummaryProperty().get()).isEqualTo("24 of 24 users");
        assertThat(viewModel.hasMoreProperty().get()).isFalse();
    }

    /** The worker that opened the tenant read the first page: attaching shows it without asking Graph again. */
    @Test
    void aFirstPageReadAheadIsShownOnAttachWithoutASecondRead() {
        FakeConnection connection = new FakeConnection(directory, new CallLog(), "Demo tenant", true);
        viewModel.readAhead(connection);
        assertThat(directory.searchCount()).isEqualTo(1);

        viewModel.attach(open(connection));

        assertThat(directory.searchCount()).as("no second read").isEqualTo(1);
        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(viewModel.users()).hasSize(24);
        assertThat(viewModel.matchSummaryProperty().get()).isEqualTo("24 of 24 users");

        viewModel.refresh();
        assertThat(directory.searchCount()).as("taken once: F5 reads the tenant").isEqualTo(2);
    }

    @Test
    void aPageReadAheadForAnotherConnectionOrAnotherSearchIsNotShown() {
        FakeConnection earlier = new FakeConnection(DemoData.directory("compromised", new CallLog()), new CallLog(),
                "Demo tenant", true);
        FakeConnection opened = new FakeConnection(directory, new CallLog(), "Demo tenant", true);
        viewModel.readAhead(earlier);
        viewModel.attach(open(opened));
        assertThat(directory.searchCount()).as("read from the tenant attached").isEqualTo(1);

        viewModel.readAhead(opened);
        viewModel.searchTextProperty().set("adele"); // typed while the tenant was opening
        viewModel.attach(open(opened));

        assertThat(viewModel.users()).extracting(UserSummary::displayName).containsExactly("Adele Vance");
    }

    @Test
    void whenReadingAheadFailsAttachReadsAgainAndReportsItsOwnOutcome() {
        FakeConnection connection = new FakeConnection(directory, new CallLog(), "Demo tenant", true);
        directory.failNext(new TenantException(TenantException.Kind.THROTTLED, "Microsoft Graph is throttling."));
        assertThatThrownBy(() -> viewModel.readAhead(connection)).isInstanceOf(TenantException.class);

        viewModel.attach(open(connection));

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(viewModel.users()).hasSize(24);
    }

    private static OpenTenant open(FakeConnection connection) {
        return new OpenTenant(connection, Path.of("unused-data-folder"), Clock.systemUTC());
    }

    @Test
    void typingSearchesOnlyOnceTheTypingPauses() {
        viewModel.attach(directory);

        viewModel.searchTextProperty().set("a");
        runner.advance(Duration.ofMillis(120));
        viewModel.searchTextProperty().set("ad");
        runner.advance(Duration.ofMillis(120));
        viewModel.searchTextProperty().set("ade");
        runner.advance(Duration.ofMillis(199));

        assertThat(directory.searchCount()).isEqualTo(1);
        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.LOADING);

        runner.advance(Duration.ofMillis(1));

        assertThat(directory.searchCount()).isEqualTo(2);
        assertThat(viewModel.users()).extracting(UserSummary::displayName).containsExactly("Adele Vance");
        assertThat(viewModel.matchSummaryProperty().get()).isEqualTo("1 of 1 match");
    }

    @Test
    void aKeystrokeCancelsTheSearchInFlight() {
        runner.holdTasks();
        viewModel.attach(directory);
        runner.completeAll();
        viewModel.searchTextProperty().set("al");
        runner.advance(UsersViewModel.SEARCH_DELAY);
        var inFlight = runner.onlyPending();

        viewModel.searchTextProperty().set("ale");

        assertThat(inFlight.cancelled()).isTrue();
        assertThat(runner.pending()).isEmpty();
    }

    @Test
    void aLateAnswerToAnOlderSearchNeverReplacesNewerResults() {
        runner.holdTasks();
        viewModel.attach(directory);
        runner.completeAll();
        viewModel.searchTextProperty().set("a");
        runner.advance(UsersViewModel.SEARCH_DELAY);
        var older = runner.onlyPending();
        viewModel.searchTextProperty().set("me");
        runner.advance(UsersViewModel.SEARCH_DELAY);
        var newer = runner.onlyPending();

        newer.complete();
        older.complete();

        assertThat(viewModel.users()).extracting(UserSummary::displayName).containsExactly("Megan Bowen");
    }

    @Test
    void enterSearchesWithoutWaitingForTheDelay() {
        viewModel.attach(directory);
        viewModel.searchTextProperty().set("lee");

        viewModel.search();

        assertThat(viewModel.users()).extracting(UserSummary::displayName).containsExactly("Lee Gu");
        runner.advance(Duration.ofSeconds(1));
        assertThat(directory.searchCount()).isEqualTo(2);
    }

    @Test
    void loadMoreAppendsTheNextPageUntilTheLastOne() {
        viewModel.attach(DemoData.directory("large:120", new CallLog()));
        assertThat(viewModel.users()).hasSize(50);
        assertThat(viewModel.matchSummaryProperty().get()).isEqualTo("50 of 120 users");
        assertThat(viewModel.hasMoreProperty().get()).isTrue();

        viewModel.loadMore();
        viewModel.loadMore();

        assertThat(viewModel.users()).hasSize(120);
        assertThat(viewModel.users().get(119).displayName()).endsWith(" 120");
        assertThat(viewModel.matchSummaryProperty().get()).isEqualTo("120 of 120 users");
        assertThat(viewModel.hasMoreProperty().get()).isFalse();
    }

    @Test
    void aNewSearchCancelsLoadMore() {
        viewModel.attach(DemoData.directory("large:120", new CallLog()));
        runner.holdTasks();
        viewModel.loadMore();
        var loadMore = runner.onlyPending();
        assertThat(viewModel.loadingMoreProperty().get()).isTrue();

        viewModel.searchTextProperty().set("ava");

        assertThat(loadMore.cancelled()).isTrue();
        assertThat(viewModel.loadingMoreProperty().get()).isFalse();
    }

    @Test
    void aFailedSearchShowsTheTenantsMessageAndRetryRecovers() {
        directory.failNext(new TenantException(TenantException.Kind.THROTTLED,
                "Microsoft Graph is throttling this app. Try again in a minute.", 429, "TooManyRequests", "req-42", null));

        viewModel.attach(directory);

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.FAILED);
        assertThat(viewModel.errorProperty().get())
                .isEqualTo("Microsoft Graph is throttling this app. Try again in a minute. (request ID req-42)");
        assertThat(viewModel.users()).isEmpty();

        viewModel.retry();

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.users()).hasSize(24);
    }

    @Test
    void aFailedLoadMoreKeepsTheUsersAlreadyShown() {
        FakeDirectory large = DemoData.directory("large:120", new CallLog());
        viewModel.attach(large);
        large.failNext(new TenantException(TenantException.Kind.UNAVAILABLE, "Microsoft Graph is unavailable."));

        viewModel.loadMore();

        assertThat(viewModel.users()).hasSize(50);
        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(viewModel.errorProperty().get()).isEqualTo("Microsoft Graph is unavailable.");
        viewModel.retry();
        assertThat(viewModel.users()).hasSize(100);
    }

    @Test
    void noMatchesSaysSo() {
        viewModel.attach(directory);
        viewModel.searchTextProperty().set("zzz");
        viewModel.search();

        assertThat(viewModel.users()).isEmpty();
        assertThat(viewModel.placeholderProperty().get()).isEqualTo("No user matches \u201czzz\u201d");
    }

    @Test
    void selectingAUserLoadsTheDetailAndReselectingCancelsTheLoadInFlight() {
        viewModel.attach(directory);
        runner.holdTasks();
        viewModel.select(viewModel.users().get(1));
        var first = runner.onlyPending();

        viewModel.select(viewModel.users().get(2));
        runner.onlyPending().complete();
        first.complete();

        assertThat(first.cancelled()).isTrue();
        assertThat(viewModel.detail().displayNameProperty().get()).isEqualTo("Alex Wilber");
        assertThat(viewModel.detail().stateProperty().get()).isEqualTo(LoadState.LOADED);
    }

    @Test
    void detachingEmptiesTheWorkspace() {
        viewModel.attach(directory);
        viewModel.select(viewModel.users().get(0));

        viewModel.detach();

        assertThat(viewModel.users()).isEmpty();
        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.IDLE);
        assertThat(viewModel.detail().stateProperty().get()).isEqualTo(LoadState.IDLE);
        assertThat(viewModel.detail().methods()).isEmpty();
    }
}
