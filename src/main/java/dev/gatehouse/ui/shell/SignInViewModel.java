package dev.gatehouse.ui.shell;

import dev.gatehouse.domain.tenant.Cloud;
import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.SignInRequest.Flow;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantConnector;
import dev.gatehouse.ui.common.Cancellable;
import dev.gatehouse.ui.common.ErrorText;
import dev.gatehouse.ui.common.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;

/**
 * The "Sign in to a tenant…" form. Sign-in runs on a worker thread and may wait minutes for the admin
 * (browser or device code); the prompt's callbacks arrive on that thread and are moved to the UI thread.
 */
public final class SignInViewModel {


    private final TenantConnector connector;
    private final TaskRunner runner;
    private final Consumer<TenantConnection> onConnected;

    private final StringProperty tenant = new SimpleStringProperty(this, "tenant", "");
    private final ObjectProperty<Cloud> cloud = new SimpleObjectProperty<>(this, "cloud", Cloud.GLOBAL);
    private final StringProperty clientId = new SimpleStringProperty(this, "clientId", "");
    private final ObjectProperty<Flow> flow = new SimpleObjectProperty<>(this, "flow", Flow.INTERACTIVE_BROWSER);
    private final StringBinding problem;
    private final BooleanBinding valid;
    private final ReadOnlyBooleanWrapper signingIn = new ReadOnlyBooleanWrapper(this, "signingIn");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper deviceCode = new ReadOnlyStringWrapper(this, "deviceCode", "");
    private final ReadOnlyStringWrapper verificationUri = new ReadOnlyStringWrapper(this, "verificationUri", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private Cancellable attempt = Cancellable.NONE;
    private Object currentAttempt;

    SignInViewModel(TenantConnector connector, TaskRunner runner, Consumer<TenantConnection> onConnected) {
        this.connector = connector;
        this.runner = runner;
        this.onConnected = onConnected;
        problem = Bindings.createStringBinding(this::findProblem, tenant, clientId);
        valid = problem.isEmpty();
    }

    public void signIn() {
        if (!valid.get() || signingIn.get()) {
            return;
        }
        SignInRequest request = new SignInRequest(tenant.get().strip(), cloud.get().id(), clientId.get().strip(),
                null, flow.get());
        Object thisAttempt = new Object();
        currentAttempt = thisAttempt;
        error.set("");
        deviceCode.set("");
        verificationUri.set("");
        progress.set(request.flow() == Flow.DEVICE_CODE ? "Requesting a device code\u2026" : "Opening your browser\u2026");
        signingIn.set(true);
        attempt = runner.run("Signing in to " + request.tenant(),
                () -> connector.connectTenant(request, new UiPrompt(thisAttempt)),
                connection -> {
                    signingIn.set(false);
                    connected.set(true);
                    onConnected.accept(connection);
                },
                failure -> {
                    signingIn.set(false);
                    progress.set("");
                    error.set(ErrorText.of(failure));
                });
    }

    /** Abandons a sign-in in progress; a connection that still arrives is closed. */
    public void cancel() {
        attempt.cancel();
        currentAttempt = null;
        signingIn.set(false);
        progress.set("");
    }

    private String findProblem() {
        return SignInRequest.tenantProblem(tenant.get())
                .or(() -> SignInRequest.clientIdProblem(clientId.get()))
                .orElse("");
    }

    /** Receives sign-in progress on the worker thread and shows it, unless the attempt was abandoned. */
    private final class UiPrompt implements SignInPrompt {
        private final Object owner;

        UiPrompt(Object owner) {
            this.owner = owner;
        }

        @Override
        public void showDeviceCode(String userCode, String uri, String message) {
            runner.runOnUiThread(() -> {
                if (currentAttempt == owner) {
                    deviceCode.set(userCode);
                    verificationUri.set(uri);
                    progress.set("On any device, open " + uri + " and enter the code below. Waiting for you to finish\u2026");
                }
            });
        }

        @Override
        public void browserOpened() {
            runner.runOnUiThread(() -> {
                if (currentAttempt == owner) {
                    progress.set("Finish signing in in your browser. Waiting\u2026");
                }
            });
        }
    }

    public StringProperty tenantProperty() {
        return tenant;
    }

    public ObjectProperty<Cloud> cloudProperty() {
        return cloud;
    }

    public StringProperty clientIdProperty() {
        return clientId;
    }

    public ObjectProperty<Flow> flowProperty() {
        return flow;
    }

    /** Why the form cannot be submitted yet, empty when it can. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ReadOnlyBooleanProperty signingInProperty() {
        return signingIn.getReadOnlyProperty();
    }

    /** Becomes true once the new tenant has been handed to the main window; the dialog then closes. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The device code to type at {@link #verificationUriProperty()}; not a secret on its own, shown large. */
    public ReadOnlyStringProperty deviceCodeProperty() {
        return deviceCode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verificationUriProperty() {
        return verificationUri.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
