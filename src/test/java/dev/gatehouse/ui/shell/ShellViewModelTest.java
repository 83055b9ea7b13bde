package dev.gatehouse.ui.shell;

import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.ui.WorkspaceCatalog;
import dev.gatehouse.ui.activity.ActivityViewModel;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeClipboard;
import dev.gatehouse.ui.fake.FakeConnection;
import dev.gatehouse.ui.fake.FakeConnector;
import dev.gatehouse.ui.users.LoadState;
import dev.gatehouse.ui.users.UserDetailViewModel;
import dev.gatehouse.ui.users.UsersViewModel;
import dev.gatehouse.ui.workspace.Workspace;
import dev.gatehouse.domain.recovery.RecoveryDesk;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final FakeConnector connector = new FakeConnector();
    private final UsersViewModel users =
            new UsersViewModel(runner, new UserDetailViewModel(runner, Clock.systemUTC(), new FakeClipboard()));
    private final ShellViewModel shell = new ShellViewModel(connector, runner, WorkspaceCatalog.all(users, runner,
            new FakeClipboard()),
            Path.of("target", "test-data"), Clock.systemUTC());

    @Test
    void whileConnectingTheWindowAlreadySaysWhichDemoTenantIsComing() {
        runner.holdTasks();

        shell.connectDemo("baseline");

        assertThat(shell.stateProperty().get()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(shell.stateMessageProperty().get()).isEqualTo("Connecting to the demo tenant\u2026");
        assertThat(shell.titleProperty().get()).isEqualTo("Gatehouse \u2014 Demo tenant \u00b7 baseline");
        assertThat(shell.tenantLabelProperty().get()).isEqualTo("Demo tenant \u00b7 baseline");
        assertThat(shell.demoProperty().get()).isTrue();
        assertThat(shell.otherScenarios()).containsExactlyElementsOf(DemoScenarios.ALL.subList(1, DemoScenarios.ALL.size()));
    }

    @Test
    void onceConnectedTheWorkspacesFillAndTheTitleNamesTheTenant() {
        shell.connectDemo("baseline");

        assertThat(shell.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(shell.titleProperty().get()).isEqualTo("Gatehouse \u2014 Northwind Traders");
        assertThat(shell.signedInAsProperty().get()).isEqualTo("Signed in as Gatehouse Admin (Global Administrator)");
        assertThat(users.stateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(((ActivityViewModel) shell.instance(workspace("activity")).model()).visibleCalls()).isNotEmpty();
    }

    /** The first page of users is read on the worker that opened the demo tenant, before the window attaches it. */
    @Test
    void theFirstUsersAreReadByTheConnectingWorkerOnceNotAgainOnAttach() {
        runner.holdTasks();
        shell.connectDemo("baseline");
        var connecting = runner.onlyPending();

        connecting.complete();

        assertThat(connector.opened().get(0).fakeDirectory().searchCount()).isEqualTo(1);
        assertThat(users.users()).hasSize(24);
        assertThat(users.stateProperty().get()).isEqualTo(LoadState.LOADED);
    }

    @Test
    void aReadAheadThatFailsDoesNotStopTheTenantOpeningTheListReadsAgain() {
        connector.failFirstReadOfNextConnection(
                new TenantException(TenantException.Kind.THROTTLED, "Microsoft Graph is throttling."));

        shell.connectDemo("baseline");

        assertThat(shell.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(users.stateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(users.users()).hasSize(24);
        assertThat(connector.opened().get(0).closed()).isFalse();
    }

    @Test
    void eachConnectionGetsItsOwnRecoveryDeskAndLosesItWhenClosed() {
        shell.connectDemo("baseline");
        UserDetailViewModel detail = users.detail();
        RecoveryDesk first = detail.deskProperty().get();
        assertThat(first).isNotNull();

        shell.connectDemo("compromised");

        assertThat(detail.deskProperty().get()).isNotNull().isNotSameAs(first);
        shell.shutdown();
        assertThat(detail.deskProperty().get()).isNull();
    }

    @Test
    void theEmergencyAccessDialogIsOfferedOnlyForAnOpenTenant() {
        assertThat(shell.newEmergencyAccess()).isEmpty();

        shell.connectDemo("baseline");
        assertThat(shell.newEmergencyAccess()).isPresent();

        shell.shutdown();
        assertThat(shell.newEmergencyAccess()).isEmpty();
    }

    @Test
    void switchingScenarioClosesThePreviousConnection() {
        shell.connectDemo("baseline");
        FakeConnection first = connector.opened().get(0);

        shell.connectDemo("compromised");

        assertThat(first.closed()).isTrue();
        assertThat(connector.opened()).hasSize(2);
        assertThat(connector.opened().get(1).closed()).isFalse();
        assertThat(shell.tenantLabelProperty().get()).isEqualTo("Demo tenant \u00b7 compromised");
    }

    @Test
    void aConnectionThatArrivesAfterTheAdminChoseAnotherTenantIsClosed() {
        runner.holdTasks();
        shell.connectDemo("baseline");
        var abandoned = runner.onlyPending();
        shell.connectDemo("new-hires");
        var wanted = runner.onlyPending();

        abandoned.complete();
        wanted.complete();

        assertThat(connector.opened()).extracting(FakeConnection::label)
                .containsExactly("Demo tenant \u00b7 baseline", "Demo tenant \u00b7 new-hires");
        assertThat(connector.opened().get(0).closed()).isTrue();
        assertThat(shell.tenantLabelProperty().get()).isEqualTo("Demo tenant \u00b7 new-hires");
        assertThat(shell.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aFailedStartIsExplainedAndRetryConnects() {
        connector.failNextConnect(new TenantException(TenantException.Kind.UNAVAILABLE, "Port 0 is not available."));

        shell.connectDemo("baseline");

        assertThat(shell.stateProperty().get()).isEqualTo(ConnectionState.FAILED);
        assertThat(shell.stateMessageProperty().get())
                .isEqualTo("Could not open Demo tenant \u00b7 baseline. Port 0 is not available.");

        shell.retry();

        assertThat(shell.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(shell.stateMessageProperty().get()).isEmpty();
    }

    @Test
    void aRealTenantIsNotLabelledDemo() {
        shell.connectDemo("baseline");
        FakeConnection demo = connector.opened().get(0);
        SignInViewModel signIn = shell.newSignIn();
        signIn.tenantProperty().set("contoso.onmicrosoft.com");
        signIn.clientIdProperty().set("2f4a9a3c-1b7e-4c55-8f0d-6a3e9b1c2d7f");

        signIn.signIn();

        assertThat(shell.demoProperty().get()).isFalse();
        assertThat(shell.titleProperty().get()).isEqualTo("Gatehouse \u2014 Northwind Traders");
        assertThat(shell.tenantLabelProperty().get()).isEqualTo("contoso.onmicrosoft.com");
        assertThat(shell.otherScenarios()).containsExactlyElementsOf(DemoScenarios.ALL);
        assertThat(demo.closed()).isTrue();
    }

    @Test
    void everyWorkspaceOfTheCatalogCanBeOpened() {
        shell.selectWorkspace(workspace("activity"));
        shell.selectWorkspace(workspace("break-glass"));

        assertThat(shell.workspaceProperty().get()).isEqualTo(workspace("break-glass"));
    }

    @Test
    void shutdownClosesTheOpenConnection() {
        shell.connectDemo("baseline");

        shell.shutdown();

        assertThat(connector.opened().get(0).closed()).isTrue();
    }

    private Workspace workspace(String id) {
        return shell.workspace(id).orElseThrow();
    }
}
