package dev.gatehouse.app;

import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantConnector;

import java.util.Objects;

/**
 * The real connector, remembering the demo tenant it opened for the app, so a window test can reach that tenant's
 * trainer controls and count the requests the app sent to it.
 */
final class RecordingConnector implements TenantConnector {

    private final TenantConnector real = new GatehouseConnector(name -> null);
    private volatile TenantConnection demo;

    @Override
    public TenantConnection connectDemo(String scenario) {
        demo = real.connectDemo(scenario);
        return demo;
    }

    @Override
    public TenantConnection connectTenant(SignInRequest request, SignInPrompt prompt) {
        return real.connectTenant(request, prompt);
    }

    DemoControls controls() {
        return new DemoControls(demo().serviceRoot());
    }

    /** Requests that change a user (method, password, sessions, account), sent so far; reads are not counted. */
    long userWrites() {
        return demo().callLog().snapshot().stream().filter(RecordingConnector::changesAUser).count();
    }

    static boolean changesAUser(GraphCall call) {
        return !"GET".equals(call.method()) && call.pathAndQuery().startsWith("/users");
    }

    private TenantConnection demo() {
        return Objects.requireNonNull(demo, "the app has not opened the demo tenant yet");
    }
}
