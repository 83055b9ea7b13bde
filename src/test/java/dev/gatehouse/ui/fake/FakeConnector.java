package dev.gatehouse.ui.fake;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantConnector;
import dev.gatehouse.domain.tenant.TenantException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Opens {@link FakeConnection}s on {@link DemoData}. Real-tenant sign-ins show a device code (device-code
 * flow) and then connect to a copy of the baseline data labelled with the requested tenant.
 */
public final class FakeConnector implements TenantConnector {

    private final List<FakeConnection> opened = new CopyOnWriteArrayList<>();
    private volatile Duration connectDelay = Duration.ZERO;
    private volatile Duration callLatency = Duration.ZERO;
    private volatile TenantException connectFailure;
    private volatile TenantException firstReadFailure;

    public FakeConnector withConnectDelay(Duration delay) {
        connectDelay = delay;
        return this;
    }

    public FakeConnector withCallLatency(Duration latency) {
        callLatency = latency;
        return this;
    }

    /** The next connect fails with {@code failure}. */
    public FakeConnector failNextConnect(TenantException failure) {
        connectFailure = failure;
        return this;
    }

    /** The next connection's directory fails its first read with {@code failure}. */
    public FakeConnector failFirstReadOfNextConnection(TenantException failure) {
        firstReadFailure = failure;
        return this;
    }

    @Override
    public TenantConnection connectDemo(String scenario) {
        pause();
        return open(scenario, "Demo tenant \u00b7 " + scenario, true);
    }

    @Override
    public TenantConnection connectTenant(SignInRequest request, SignInPrompt prompt) {
        if (request.flow() == SignInRequest.Flow.DEVICE_CODE) {
            prompt.showDeviceCode("GH7-K2Q-9ZT", "https://microsoft.com/devicelogin",
                    "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code GH7-K2Q-9ZT.");
        } else {
            prompt.browserOpened();
        }
        pause();
        return open("baseline", request.tenant(), false);
    }

    public List<FakeConnection> opened() {
        return List.copyOf(opened);
    }

    private FakeConnection open(String scenario, String label, boolean demo) {
        TenantException failure = connectFailure;
        if (failure != null) {
            connectFailure = null;
            throw failure;
        }
        CallLog log = new CallLog();
        FakeDirectory directory = DemoData.directory(scenario, log).withLatency(callLatency);
        TenantException readFailure = firstReadFailure;
        if (readFailure != null) {
            firstReadFailure = null;
            directory.failNext(readFailure);
        }
        FakeConnection connection = new FakeConnection(directory, log, label, demo);
        opened.add(connection);
        return connection;
    }

    private void pause() {
        try {
            Thread.sleep(connectDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantException(TenantException.Kind.CANCELLED, "Connecting was cancelled.");
        }
    }
}
