package dev.gatehouse.ui.shell;

import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantConnector;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.emergency.EmergencyAccessViewModel;
import dev.gatehouse.ui.workspace.OpenTenant;
import dev.gatehouse.ui.workspace.Workspace;
import dev.gatehouse.ui.workspace.WorkspaceInstance;
import dev.gatehouse.ui.workspace.WorkspaceModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The main window: which tenant is open, how it is labelled, which workspace is showing. Owns the one
 * open {@link TenantConnection}; switching tenants hands every registered workspace the new one and closes the old.
 * It knows workspaces only as {@link Workspace} registrations, never by name.
 */
public final class ShellViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);
    private static final String APP = "Gatehouse \u2014 ";

    private final TenantConnector connector;
    private final TaskRunner runner;
    private final List<Workspace> workspaces;
    /** The available workspaces' models, in navigation order: attached and detached together. */
    private final Map<Workspace, WorkspaceInstance> instances = new LinkedHashMap<>();
    /** Models that follow the open tenant without being a workspace (the demo tenant's trainer controls). */
    private final List<WorkspaceModel> followers = new ArrayList<>();
    private final Path dataFolder;
    private final Clock clock;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Gatehouse");
    private final ReadOnlyStringWrapper tenantLabel = new ReadOnlyStringWrapper(this, "tenantLabel", "");
    private final ReadOnlyObjectWrapper<ConnectionState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper stateMessage = new ReadOnlyStringWrapper(this, "stateMessage", "");
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper(this, "demo");
    private final ReadOnlyStringWrapper signedInAs = new ReadOnlyStringWrapper(this, "signedInAs", "");
    private final ReadOnlyStringWrapper serviceRoot = new ReadOnlyStringWrapper(this, "serviceRoot", "");
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final ObservableList<String> otherScenarios = FXCollections.observableArrayList();
    /** Handed out once: listeners on an unmodifiable wrapper are lost when the wrapper is garbage-collected. */
    private final ObservableList<String> otherScenariosView = FXCollections.unmodifiableObservableList(otherScenarios);

    private TenantConnection connection;
    /** What the workspaces were handed for {@link #connection}. */
    private OpenTenant openTenant;
    private Cancellable connecting = Cancellable.NONE;
    private Cancellable tenantDetails = Cancellable.NONE;
    private Cancellable adminDetails = Cancellable.NONE;
    private Runnable retry = () -> { };

    /**
     * @param workspaces the registered workspaces in navigation order; the first available one opens first. Their
     *                   models are made here, so each follows every tenant from the start.
     * @param dataFolder where the action journal and saved runs live, whichever tenant is open
     */
    public ShellViewModel(TenantConnector connector, TaskRunner runner, List<Workspace> workspaces,
                          Path dataFolder, Clock clock) {
        this.connector = connector;
        this.runner = runner;
        this.workspaces = List.copyOf(workspaces);
        this.dataFolder = dataFolder;
        this.clock = clock;
        requireDistinct(this.workspaces);
        for (Workspace registered : this.workspaces) {
            registered.instantiate().ifPresent(instance -> instances.put(registered, instance));
        }
        workspace.set(instances.keySet().stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("At least one workspace must be available")));
    }

    private static void requireDistinct(List<Workspace> workspaces) {
        Set<String> ids = new HashSet<>();
        Set<Integer> shortcuts = new HashSet<>();
        for (Workspace registered : workspaces) {
            if (!ids.add(registered.id())) {
                throw new IllegalArgumentException("Two workspaces are registered as " + registered.id());
            }
            if (!shortcuts.add(registered.shortcutDigit())) {
                throw new IllegalArgumentException("Workspace " + registered.id() + " takes Ctrl+"
                        + registered.shortcutDigit() + ", which another workspace has");
            }
        }
    }

    /** Shows that the demo tenant with {@code scenario} is on its way: its title and banner before it answers. */
    private void announceDemo(String scenario) {
        String label = DemoScenarios.label(scenario);
        tenantLabel.set(label);
        title.set(APP + label);
        demo.set(true);
        otherScenarios.setAll(DemoScenarios.ALL.stream().filter(other -> !other.equals(scenario)).toList());
        stateMessage.set("Connecting to the demo tenant\u2026");
        state.set(ConnectionState.CONNECTING);
    }

    /** Leaves the current tenant and opens the demo tenant with {@code scenario}. */
    public void connectDemo(String scenario) {
        String label = DemoScenarios.label(scenario);
        disconnect();
        announceDemo(scenario);
        retry = () -> connectDemo(scenario);
        connecting = runner.run("Starting the demo tenant (" + scenario + ")",
                () -> readAhead(connector.connectDemo(scenario)), this::adopt,
                failure -> {
                    stateMessage.set("Could not open " + label + ". " + ErrorText.of(failure));
                    state.set(ConnectionState.FAILED);
                });
    }

    /**
     * On the worker that opened {@code connection}: the workspaces read what they will show first. A read that fails
     * is left to attach to make again; a connection this task cannot hand over is closed, never leaked.
     */
    private TenantConnection readAhead(TenantConnection connection) {
        try {
            for (WorkspaceInstance instance : instances.values()) {
                try {
                    instance.model().readAhead(connection);
                } catch (RuntimeException failure) {
                    LOG.debug("{} could not read ahead: {}", instance.workspace().id(), ErrorText.of(failure));
                }
            }
        } catch (Error failure) {
            connection.close();
            throw failure;
        }
        return connection;
    }

    /** Shows {@code newConnection} (just opened by a sign-in or a demo start) and closes the previous one. */
    public void adopt(TenantConnection newConnection) {
        disconnect();
        connection = newConnection;
        tenantLabel.set(newConnection.label());
        title.set(APP + newConnection.label());
        demo.set(newConnection.isDemo());
        serviceRoot.set(newConnection.serviceRoot());
        if (!newConnection.isDemo()) {
            otherScenarios.setAll(DemoScenarios.ALL);
        }
        stateMessage.set("");
        state.set(ConnectionState.CONNECTED);
        OpenTenant tenant = new OpenTenant(newConnection, dataFolder, clock);
        openTenant = tenant;
        instances.values().forEach(instance -> instance.model().attach(tenant));
        followers.forEach(follower -> follower.attach(tenant));
        TenantDirectory directory = newConnection.directory();
        tenantDetails = runner.run("Reading the tenant's details", directory::tenant, this::showTenant,
                failure -> LOG.warn("Could not read the tenant's details: {}", ErrorText.of(failure)));
        readSignedInAdmin();
    }

    /** {@code model} follows every tenant the window opens from now on, as the workspaces do. */
    public void follow(WorkspaceModel model) {
        followers.add(model);
    }

    /**
     * Reads who is signed in and their roles again: on the demo tenant a trainer can make Gatehouse act as another
     * admin, and the header must then name that admin and their roles.
     */
    public void readSignedInAdmin() {
        if (connection == null) {
            return;
        }
        adminDetails.cancel();
        TenantDirectory directory = connection.directory();
        adminDetails = runner.run("Reading the signed-in account", directory::signedInAdmin,
                this::showAdmin, failure -> signedInAs.set("Signed-in account unknown: " + ErrorText.of(failure)));
    }

    public void retry() {
        retry.run();
    }

    /** Opens {@code target}; one that has not arrived yet (or is not registered here) is ignored. */
    public void selectWorkspace(Workspace target) {
        if (instances.containsKey(target)) {
            workspace.set(target);
        }
    }

    /**
     * The demo tenant changed under the window (a trainer's reset, or another admin acting): every workspace, on screen
     * or not, forgets what it read and planned and reads the same connection again, and the header re-reads who is
     * signed in. The trainer's own controls, which made the change, keep their state.
     */
    public void tenantChanged() {
        if (connection == null) {
            return;
        }
        instances.values().forEach(instance -> instance.model().reopen(openTenant));
        readSignedInAdmin();
    }

    /** F5: the open workspace reads the tenant again. */
    public void refresh() {
        instances.get(workspace.get()).model().refresh();
    }

    /** Closes the connection when the window goes away; the window is gone, so waiting here blocks nobody. */
    public void shutdown() {
        TenantConnection last = detachCurrent();
        if (last != null) {
            last.close();
        }
    }

    private void disconnect() {
        TenantConnection previous = detachCurrent();
        if (previous != null) {
            runner.run("Closing " + previous.label(), () -> {
                previous.close();
                return previous;
            }, closed -> { }, failure -> LOG.warn("Could not close {}: {}", previous.label(), ErrorText.of(failure)));
        }
    }

    private TenantConnection detachCurrent() {
        connecting.cancel();
        tenantDetails.cancel();
        adminDetails.cancel();
        instances.values().forEach(instance -> instance.model().detach());
        followers.forEach(WorkspaceModel::detach);
        signedInAs.set("");
        serviceRoot.set("");
        TenantConnection previous = connection;
        connection = null;
        openTenant = null;
        return previous;
    }

    private void showTenant(TenantInfo info) {
        if (info.displayName() != null && !info.displayName().isBlank()) {
            title.set(APP + info.displayName());
        }
    }

    private void showAdmin(SignedInAdmin admin) {
        String roles = admin.roles().stream().map(RoleAssignment::roleName).distinct().collect(Collectors.joining(", "));
        signedInAs.set("Signed in as " + admin.profile().displayName() + (roles.isEmpty() ? " (no admin role)" : " (" + roles + ")"));
    }

    /** "Gatehouse — Demo tenant · baseline" until the tenant's name is known, then "Gatehouse — Contoso". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What the tenant switcher shows: "Demo tenant · baseline", "contoso.onmicrosoft.com". */
    public ReadOnlyStringProperty tenantLabelProperty() {
        return tenantLabel.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "Connecting to the demo tenant…" or why it failed; empty when connected. */
    public ReadOnlyStringProperty stateMessageProperty() {
        return stateMessage.getReadOnlyProperty();
    }

    /** True while the window shows (or is opening) the demo tenant: the DEMO banner follows it. */
    public ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty signedInAsProperty() {
        return signedInAs.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serviceRootProperty() {
        return serviceRoot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    /** The demo scenarios the switcher offers besides the one open now. */
    public ObservableList<String> otherScenarios() {
        return otherScenariosView;
    }

    /** Every registered workspace, in navigation order, available or not. */
    public List<Workspace> workspaces() {
        return workspaces;
    }

    /** The registered workspace with {@code id}. */
    public Optional<Workspace> workspace(String id) {
        return workspaces.stream().filter(registered -> registered.id().equals(id)).findFirst();
    }

    /** This window's instance of an available workspace: its model, and its view once opened. */
    public WorkspaceInstance instance(Workspace available) {
        WorkspaceInstance instance = instances.get(available);
        if (instance == null) {
            throw new IllegalArgumentException(available.id() + " cannot be opened in this window");
        }
        return instance;
    }

    /** "Emergency-access accounts…" for the open tenant; empty while none is open. */
    public Optional<EmergencyAccessViewModel> newEmergencyAccess() {
        return Optional.ofNullable(connection).map(open -> new EmergencyAccessViewModel(runner, open.directory(),
                EmergencyGroupSettings.in(dataFolder)));
    }

    /** A fresh sign-in form; a successful sign-in replaces the open tenant. */
    public SignInViewModel newSignIn() {
        return new SignInViewModel(connector, runner, this::adopt);
    }
}
