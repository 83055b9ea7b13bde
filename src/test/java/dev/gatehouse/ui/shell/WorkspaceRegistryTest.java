package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeConnector;
import dev.gatehouse.ui.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A workspace is one registration: the shell attaches, detaches and refreshes it without knowing what it is. */
class WorkspaceRegistryTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final FakeConnector connector = new FakeConnector();
    private final Path dataFolder = Path.of("target", "test-data");
    private final Clock clock = Clock.systemUTC();
    private final RecordingWorkspace inbox = new RecordingWorkspace();
    private final RecordingWorkspace reports = new RecordingWorkspace();
    private final ShellViewModel shell = new ShellViewModel(connector, runner, List.of(
            inbox.registration("inbox", "_Inbox", 1),
            Workspace.notAvailableYet("audit", "A_udit", Material2OutlinedMZ.POLICY, 2),
            reports.registration("reports", "_Reports", 5)), dataFolder, clock);

    @Test
    void everyAvailableWorkspaceFollowsEachTenantTheWindowOpens() {
        shell.connectDemo("baseline");
        shell.connectDemo("compromised");
        shell.shutdown();

        // the shell may detach more than once (leaving, then adopting); what matters is the order
        assertThat(reports.events()).filteredOn(event -> event.startsWith("attach"))
                .containsExactly("attach Demo tenant \u00b7 baseline", "attach Demo tenant \u00b7 compromised");
        List<String> events = reports.events();
        assertThat(events.subList(0, events.indexOf("attach Demo tenant \u00b7 compromised")))
                .as("the old tenant is let go first").endsWith("detach");
        assertThat(events).last().isEqualTo("detach");
        assertThat(inbox.events()).isEqualTo(reports.events());
        assertThat(reports.tenants()).extracting(tenant -> tenant.connection())
                .containsExactlyElementsOf(connector.opened());
        assertThat(reports.tenants()).allSatisfy(tenant -> {
            assertThat(tenant.dataFolder()).isEqualTo(dataFolder);
            assertThat(tenant.clock()).isSameAs(clock);
        });
    }

    @Test
    void theFirstAvailableWorkspaceOpensFirstAndOnlyAvailableOnesCanBeOpened() {
        assertThat(shell.workspaceProperty().get().id()).isEqualTo("inbox");
        assertThat(shell.workspaces()).extracting(Workspace::id).containsExactly("inbox", "audit", "reports");

        shell.selectWorkspace(shell.workspace("audit").orElseThrow());
        assertThat(shell.workspaceProperty().get().id()).isEqualTo("inbox");

        shell.selectWorkspace(shell.workspace("reports").orElseThrow());
        assertThat(shell.workspaceProperty().get().id()).isEqualTo("reports");
    }

    @Test
    void refreshGoesToTheOpenWorkspaceOnly() {
        shell.connectDemo("baseline");
        shell.selectWorkspace(shell.workspace("reports").orElseThrow());

        shell.refresh();

        assertThat(reports.events()).endsWith("refresh");
        assertThat(inbox.events()).doesNotContain("refresh");
    }

    @Test
    void aChangeUnderTheOpenTenantReopensEveryWorkspaceOnTheSameConnection() {
        shell.connectDemo("baseline");
        shell.selectWorkspace(shell.workspace("reports").orElseThrow());

        shell.tenantChanged();

        assertThat(inbox.events()).endsWith("detach", "attach Demo tenant \u00b7 baseline");
        assertThat(reports.events()).isEqualTo(inbox.events());
        assertThat(inbox.tenants()).hasSize(2).extracting(tenant -> tenant.connection())
                .containsOnly(connector.opened().get(0));
    }

    @Test
    void noViewIsBuiltByTheViewModel() {
        shell.connectDemo("baseline");
        shell.selectWorkspace(shell.workspace("reports").orElseThrow());

        assertThat(reports.viewsBuilt()).isZero();
        assertThat(shell.instance(shell.workspace("reports").orElseThrow()).viewBuilt()).isFalse();
    }

    @Test
    void twoWorkspacesCannotShareAnIdOrAShortcut() {
        RecordingWorkspace other = new RecordingWorkspace();
        assertThatThrownBy(() -> new ShellViewModel(connector, runner, List.of(inbox.registration("inbox", "_Inbox", 1),
                other.registration("inbox", "_Other", 2)), dataFolder, clock))
                .hasMessage("Two workspaces are registered as inbox");
        assertThatThrownBy(() -> new ShellViewModel(connector, runner, List.of(inbox.registration("inbox", "_Inbox", 1),
                other.registration("other", "_Other", 1)), dataFolder, clock))
                .hasMessage("Workspace other takes Ctrl+1, which another workspace has");
    }

    @Test
    void aWindowNeedsOneWorkspaceItCanOpen() {
        assertThatThrownBy(() -> new ShellViewModel(connector, runner,
                List.of(Workspace.notAvailableYet("audit", "A_udit", Material2OutlinedMZ.POLICY, 2)), dataFolder, clock))
                .hasMessage("At least one workspace must be available");
    }
}
