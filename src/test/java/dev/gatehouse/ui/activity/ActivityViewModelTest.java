package dev.gatehouse.ui.activity;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.ui.activity.ActivityViewModel.CopyFormat;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeClipboard;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityViewModelTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final FakeClipboard clipboard = new FakeClipboard();
    private final ActivityViewModel viewModel = new ActivityViewModel(runner, 1_000, clipboard);
    private final CallLog log = new CallLog();

    @Test
    void attachingShowsTheCallsAlreadyMadeNewestFirst() {
        log.record(call("/users?$top=50", 200));
        log.record(call("/organization", 200));

        viewModel.attach(log);

        assertThat(viewModel.visibleCalls()).extracting(GraphCall::pathAndQuery)
                .containsExactly("/organization", "/users?$top=50");
        assertThat(viewModel.summaryProperty().get()).isEqualTo("2 calls");
    }

    @Test
    void callsArrivingTogetherReachTheListInOneChange() {
        viewModel.attach(log);
        AtomicInteger changes = new AtomicInteger();
        viewModel.visibleCalls().addListener((ListChangeListener<GraphCall>) change -> changes.incrementAndGet());

        for (int i = 0; i < 500; i++) {
            log.record(call("/users/u" + i, 200));
        }
        assertThat(viewModel.visibleCalls()).isEmpty();

        runner.advance(ActivityViewModel.BATCH_DELAY);

        assertThat(changes).hasValue(1);
        assertThat(viewModel.visibleCalls()).hasSize(500);
        assertThat(viewModel.visibleCalls().get(0).pathAndQuery()).isEqualTo("/users/u499");
    }

    @Test
    void theListKeepsOnlyTheNewestCallsUpToItsCapacity() {
        viewModel.attach(log);

        for (int i = 0; i < 1_500; i++) {
            log.record(call("/users/u" + i, 200));
            if (i % 300 == 0) {
                runner.advance(ActivityViewModel.BATCH_DELAY);
            }
        }
        runner.advance(ActivityViewModel.BATCH_DELAY);

        assertThat(viewModel.visibleCalls()).hasSize(1_000);
        assertThat(viewModel.visibleCalls().get(0).pathAndQuery()).isEqualTo("/users/u1499");
        assertThat(viewModel.visibleCalls().get(999).pathAndQuery()).isEqualTo("/users/u500");
    }

    @Test
    void failuresAreCountedAndCanBeFilteredFor() {
        viewModel.attach(log);
        log.record(call("/users?$top=50", 200));
        log.record(call("/users/u1/authentication/methods", 429));
        log.record(call("/users/u2/authentication/methods", 200));
        runner.advance(ActivityViewModel.BATCH_DELAY);

        assertThat(viewModel.summaryProperty().get()).isEqualTo("3 calls \u00b7 1 failed");

        viewModel.filterTextProperty().set("failed");

        assertThat(viewModel.visibleCalls()).extracting(GraphCall::status).containsExactly(429);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("3 calls \u00b7 1 failed \u00b7 1 shown");
    }

    @Test
    void theFilterMatchesEveryWordAgainstPathMethodStatusAndRequestId() {
        viewModel.attach(log);
        log.record(new GraphCall(Instant.now(), "GET", "/users/u1/authentication/methods", 200, Duration.ofMillis(12),
                "0c4f6b6e-aaaa-bbbb-cccc-000000000001", ""));
        log.record(new GraphCall(Instant.now(), "POST", "/users/u1/revokeSignInSessions", 200, Duration.ofMillis(40),
                "0c4f6b6e-aaaa-bbbb-cccc-000000000002", ""));
        runner.advance(ActivityViewModel.BATCH_DELAY);

        viewModel.filterTextProperty().set("u1 post");
        assertThat(viewModel.visibleCalls()).extracting(GraphCall::method).containsExactly("POST");

        viewModel.filterTextProperty().set("000000000001");
        assertThat(viewModel.visibleCalls()).extracting(GraphCall::method).containsExactly("GET");

        viewModel.filterTextProperty().set("  ");
        assertThat(viewModel.visibleCalls()).hasSize(2);
    }

    @Test
    void afterSwitchingTenantsTheOldLogNoLongerFeedsTheList() {
        viewModel.attach(log);
        CallLog newLog = new CallLog();
        viewModel.attach(newLog);

        log.record(call("/old", 200));
        newLog.record(call("/new", 200));
        runner.advance(ActivityViewModel.BATCH_DELAY);

        assertThat(viewModel.visibleCalls()).extracting(GraphCall::pathAndQuery).containsExactly("/new");
    }

    @Test
    void aFlushScheduledBeforeDetachingAddsNothing() {
        viewModel.attach(log);
        log.record(call("/users", 200));

        viewModel.detach();
        runner.advance(ActivityViewModel.BATCH_DELAY);

        assertThat(viewModel.visibleCalls()).isEmpty();
        assertThat(viewModel.summaryProperty().get()).isEqualTo("0 calls");
    }

    @Test
    void theSelectedCallIsCopiedAsCurlForGraphWithoutTheDemoTenantsAddress() {
        log.record(new GraphCall(Instant.now(), "POST", "/users/u1/revokeSignInSessions", 200, Duration.ofMillis(9),
                "r1", ""));
        viewModel.attach(log, "http://127.0.0.1:40123/v1.0");
        viewModel.selectedCallProperty().set(viewModel.visibleCalls().get(0));

        viewModel.copy(CopyFormat.CURL);

        assertThat(clipboard.text()).get().asString()
                .contains("curl -X POST 'https://graph.microsoft.com/v1.0/users/u1/revokeSignInSessions'")
                .contains("Bearer $TOKEN").doesNotContain("127.0.0.1");
        assertThat(viewModel.copyStatusProperty().get()).isEqualTo("Copied as curl.");
        viewModel.copy(CopyFormat.CMDLET);
        assertThat(clipboard.text()).get().asString().endsWith("Revoke-MgUserSignInSession -UserId 'u1'");
    }

    @Test
    void withoutACmdletTheClipboardIsLeftAloneAndTheAdminIsToldWhatToUse() {
        log.record(call("/$batch", 200));
        viewModel.attach(log);
        clipboard.putText("before");

        viewModel.copy(CopyFormat.CMDLET);
        assertThat(clipboard.text()).contains("before");
        viewModel.selectedCallProperty().set(viewModel.visibleCalls().get(0));
        viewModel.copy(CopyFormat.CMDLET);

        assertThat(clipboard.text()).contains("before");
        assertThat(viewModel.snippet(CopyFormat.CMDLET)).isEmpty();
        assertThat(viewModel.copyStatusProperty().get()).contains("no Microsoft Graph PowerShell cmdlet")
                .contains("Invoke-MgGraphRequest");
        viewModel.copy(CopyFormat.INVOKE_MG_GRAPH_REQUEST);
        assertThat(clipboard.text()).contains(
                "Invoke-MgGraphRequest -Method GET -Uri 'https://graph.microsoft.com/v1.0/$batch'");
    }

    @Test
    void theRequestIdAndPathGoThroughTheSameClipboard() {
        log.record(call("/organization", 200));
        viewModel.attach(log);
        viewModel.copyRequestId();
        assertThat(clipboard.text()).isEmpty();

        viewModel.selectedCallProperty().set(viewModel.visibleCalls().get(0));
        viewModel.copyRequestId();
        assertThat(clipboard.text()).contains("req-/organization");
        viewModel.copyPath();
        assertThat(clipboard.text()).contains("/organization");
    }

    private static GraphCall call(String path, int status) {
        return new GraphCall(Instant.now(), "GET", path, status, Duration.ofMillis(25), "req-" + path, "");
    }
}
