package dev.gatehouse.sim;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.sim.api.GraphApi;
import dev.gatehouse.sim.demo.EndUserActions;
import dev.gatehouse.sim.fault.FaultInjector;
import dev.gatehouse.sim.http.DemoEndpoints;
import dev.gatehouse.sim.http.GraphPipeline;
import dev.gatehouse.sim.http.HttpFront;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.scenario.ScenarioLoader;
import dev.gatehouse.sim.scenario.ScenarioRef;
import dev.gatehouse.sim.state.TenantState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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

    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SimOptions options;
    private final AtomicReference<TenantState> tenant;

    private SimServer(HttpServer server, ExecutorService executor, SimOptions options, TenantState initial) {
        this.server = server;
        this.executor = executor;
        this.options = options;
        this.tenant = new AtomicReference<>(initial);
    }

    /**
     * Loads the scenario, then binds 127.0.0.1 and starts serving.
     *
     * @throws IllegalArgumentException for an unknown or broken scenario
     * @throws UncheckedIOException     when the port cannot be bound
     */
    public static SimServer start(SimOptions options) {
        // Without TCP_NODELAY every response waits ~40 ms for the client's delayed ACK (headers and body go out
        // as separate writes); the JDK server reads this switch once, when it first starts.
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        TenantState initial = ScenarioLoader.load(ScenarioRef.parse(options.scenario()), options.clock());
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        Router router = GraphApi.router();
        SimServer sim = new SimServer(http, executor, options, initial);
        String serviceRoot = "http://127.0.0.1:" + http.getAddress().getPort() + "/v1.0";
        GraphPipeline pipeline = new GraphPipeline(sim.tenant::get, router, new FaultInjector(options.faults()),
                serviceRoot);
        DemoEndpoints demo = new DemoEndpoints(sim.tenant::get, sim.controls(), serviceRoot);
        EndUserActions.register(demo.router());
        http.createContext("/", new HttpFront(pipeline, demo));
        http.setExecutor(executor);
        http.start();
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
        return server.getAddress().getPort();
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

    /** Replaces the served tenant with another scenario. */
    public TenantState loadScenario(String name) {
        TenantState loaded = ScenarioLoader.load(ScenarioRef.parse(name), options.clock());
        tenant.set(loaded);
        return loaded;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private DemoEndpoints.Controls controls() {
        return new DemoEndpoints.Controls() {
            @Override
            public TenantState reset() {
                return SimServer.this.reset();
            }

            @Override
            public TenantState load(String scenario) {
                return loadScenario(scenario);
            }

            @Override
            public List<String> scenarios() {
                List<String> names = new ArrayList<>(ScenarioRef.BUNDLED);
                names.add("large:N");
                return names;
            }

            @Override
            public String faults() {
                return options.faults().describe();
            }
        };
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "gatehouse-sim-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
