package dev.gatehouse.sim;

import dev.gatehouse.sim.api.GraphApi;
import dev.gatehouse.sim.demo.EndUserActions;
import dev.gatehouse.sim.fault.FaultInjector;
import dev.gatehouse.sim.http.DemoEndpoints;
import dev.gatehouse.sim.http.GraphPipeline;
import dev.gatehouse.sim.http.HttpFront;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.http.SimHttpServer;
import dev.gatehouse.sim.scenario.LargeTenantBudget;
import dev.gatehouse.sim.scenario.ScenarioCatalog;
import dev.gatehouse.sim.scenario.ScenarioLoader;
import dev.gatehouse.sim.scenario.ScenarioRef;
import dev.gatehouse.sim.state.TenantState;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo tenant: a Microsoft Graph v1.0-compatible HTTP server on 127.0.0.1, serving one scenario at a
 * time. Point the Graph SDK at {@link #serviceRoot()}; trainers use {@code /_demo/} on {@link #baseUrl()}.
 *
 * <pre>{@code
 * try (SimServer sim = SimServer.start(SimOptions.defaults().withScenario("compromised"))) {
 *     client.getRequestAdapter().setBaseUrl(sim.serviceRoot());
 * }
 * }</pre>
 */
public final class SimServer implements AutoCloseable {

    private final SimHttpServer server;
    private final SimOptions options;
    private final ScenarioCatalog catalog;
    private final AtomicReference<TenantState> tenant;

    private SimServer(SimHttpServer server, SimOptions options, TenantState initial) {
        this.server = server;
        this.options = options;
        this.catalog = new ScenarioCatalog(options.scenariosDir());
        this.tenant = new AtomicReference<>(initial);
    }

    /**
     * Loads the scenario, then binds 127.0.0.1 and starts serving.
     *
     * @throws IllegalArgumentException for an unknown or broken scenario, or a large:N this JVM's heap cannot hold
     * @throws UncheckedIOException     when the port cannot be bound
     */
    public static SimServer start(SimOptions options) {
        ScenarioRef first = ScenarioRef.parse(options.scenario());
        LargeTenantBudget.ofThisJvm().check(first, null);
        TenantState initial = ScenarioLoader.load(first, options.clock());
        SimHttpServer http = SimHttpServer.bind(options.port());
        Router router = GraphApi.router();
        SimServer sim = new SimServer(http, options, initial);
        String serviceRoot = sim.serviceRoot();
        GraphPipeline pipeline = new GraphPipeline(sim.tenant::get, router, new FaultInjector(options.faults()),
                serviceRoot);
        DemoEndpoints demo = new DemoEndpoints(sim.tenant::get, sim.controls(), serviceRoot);
        EndUserActions.register(demo.router());
        http.serve(new HttpFront(pipeline, demo, http.port()));
        return sim;
    }

    /** {@code http://127.0.0.1:N/v1.0}, the base URL to give the Graph SDK. */
    public String serviceRoot() {
        return baseUrl() + "/v1.0";
    }

    /** {@code http://127.0.0.1:N}; the trainer controls live under {@code /_demo/}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.port();
    }

    /** The tenant currently served; lock it ({@link TenantState#read}) to look inside. */
    public TenantState state() {
        return tenant.get();
    }

    public String scenario() {
        return tenant.get().scenario();
    }

    public SimOptions options() {
        return options;
    }

    /** Reloads the current scenario, discarding every change; relative dates are re-read against now. */
    public TenantState reset() {
        return loadScenario(scenario());
    }

    /** Replaces the served tenant with another scenario: any name {@link ScenarioRef#parse} reads, paths included. */
    public TenantState loadScenario(String name) {
        return load(ScenarioRef.parse(name));
    }

    /** One load at a time: two large tenants loading side by side would each pass the heap check and then not fit. */
    private synchronized TenantState load(ScenarioRef wanted) {
        LargeTenantBudget.ofThisJvm().check(wanted, ScenarioRef.parse(scenario()));
        TenantState loaded = ScenarioLoader.load(wanted, options.clock());
        tenant.set(loaded);
        return loaded;
    }

    @Override
    public void close() {
        server.close();
    }

    private DemoEndpoints.Controls controls() {
        return new DemoEndpoints.Controls() {
            @Override
            public TenantState reset() {
                return SimServer.this.reset();
            }

            @Override
            public TenantState load(String scenario) {
                return SimServer.this.load(catalog.resolve(scenario));
            }

            @Override
            public List<String> scenarios() {
                return catalog.names();
            }

            @Override
            public String faults() {
                return options.faults().describe();
            }
        };
    }
}
