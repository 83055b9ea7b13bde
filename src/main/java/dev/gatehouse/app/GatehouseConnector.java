package dev.gatehouse.app;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.journal.DataFolder;
import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantConnector;
import dev.gatehouse.graph.GraphGateway;
import dev.gatehouse.graph.GraphTenantConnection;
import dev.gatehouse.graph.ServiceRoot;
import dev.gatehouse.graph.TokenSource;
import dev.gatehouse.graph.signin.GraphSignIn;
import dev.gatehouse.graph.signin.TokenCacheStore;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;

import java.util.function.UnaryOperator;

/**
 * Opens connections for the GUI and the CLI. Constructing it loads nothing heavy: the Graph SDK and the demo
 * server are only touched when a connection is opened, on the caller's (worker) thread.
 */
public final class GatehouseConnector implements TenantConnector {

    /** The demo server accepts any bearer token; this one only ever travels to 127.0.0.1. */
    private static final String DEMO_TOKEN = "demo";

    private final UnaryOperator<String> environment;

    public GatehouseConnector() {
        this(System::getenv);
    }

    /** @param environment where GATEHOUSE_* variables are read, normally {@code System::getenv} */
    public GatehouseConnector(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public TenantConnection connectDemo(String scenario) {
        SimServer sim = SimServer.start(SimOptions.defaults().withScenario(scenario));
        try {
            GraphGateway gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()),
                    TokenSource.fixed(DEMO_TOKEN), new CallLog());
            return new GraphTenantConnection(gateway, "Demo tenant · " + scenario, true, sim::close);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    @Override
    public TenantConnection connectTenant(SignInRequest request, SignInPrompt prompt) {
        boolean allowUnprotected = "1".equals(environment.apply(TokenCacheStore.ALLOW_UNPROTECTED_VARIABLE));
        return new GraphSignIn(DataFolder.resolve().resolve("tokens"), allowUnprotected, environment)
                .connect(request, prompt);
    }
}
