package dev.gatehouse.sim.http;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The demo tenant's HTTP/1.1 listener on 127.0.0.1 (Jetty 12, decision 0009). Jetty reads requests without
 * blocking a thread, so a client that sends half a request costs a socket, never a worker; the limits below
 * close such connections and keep every error a Graph JSON body ({@link GraphErrorPages}).
 */
public final class SimHttpServer implements AutoCloseable {

    /** A connection that sends nothing (between requests, or in the middle of one) for this long is closed. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * A request body slower than this (bytes per second, averaged from the first byte) fails with 408. The SDK
     * sends a body in one write; 1 KiB/s still lets a human type a body into a raw socket for a test.
     */
    public static final long MIN_BODY_RATE = 1024;

    /** Request line plus headers: Graph's longest URLs (a $filter of 15 ids, a nextLink) fit with room to spare. */
    public static final int MAX_HEADER_BYTES = 32 * 1024;

    /**
     * Connections served at once. Each may hold up to {@link HttpFront#MAX_BODY} of a request body while it trickles
     * in, so at most 128 × 4 MB = 512 MB, inside the 1 GB heap of app/jvm.options; 50 parallel clients and a few slow
     * ones (the load the benchmark runs) are far below it. Beyond it, new connections wait in the accept queue.
     */
    static final int MAX_CONNECTIONS = 128;

    // A handful of workers: endpoints are CPU-bound under the tenant lock, and idle workers are let go after
    // a minute, so an idle sim holds no more threads (and stacks) than it needs.
    private static final int MAX_THREADS = 16;
    private static final int MIN_THREADS = 2;

    /**
     * Jetty pads its queues to a cache line and, to learn how many references fill one, asks the platform MBean server
     * whether oops are compressed: that starts JMX (about 140 classes) in every process that opens the demo tenant,
     * beside the window's first frame. Told the answer, Jetty skips the question: a line (Jetty's own setting, 64 bytes
     * unless given) holds 4-byte references, as the heap is compressed under 32 GB (-Xmx1g). A wrong guess would only
     * change the padding.
     */
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    static {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            int lineBytes = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
            System.setProperty(REFERENCES_PER_CACHE_LINE, String.valueOf(Math.max(1, lineBytes / 4)));
        }
    }

    private final Server server;
    private final ServerConnector connector;

    private SimHttpServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 = a free one); {@link #serve} starts answering. Binding first lets the
     * handlers know the port (the service root they write into nextLinks, the sim's own origin).
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static SimHttpServer bind(int port) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, 60_000);
        threads.setName("gatehouse-sim");
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        Server server = new Server(threads, new ScheduledExecutorScheduler("gatehouse-sim-timer", true), null);
        server.setStopAtShutdown(false);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(true);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setMinRequestDataRate(MIN_BODY_RATE);
        // Graph takes what curl sends: raw quotes in $search, encoded slashes in ids. The URI is taken as sent and
        // decoded by WireRequest, which answers a malformed escape with Graph's JSON 400.
        http.setUriCompliance(UriCompliance.UNSAFE);

        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        // without it every answer waits ~40 ms for the client's delayed ACK (headers and body are separate writes)
        connector.setAcceptedTcpNoDelay(true);
        server.addConnector(connector);
        // each connection may buffer up to MAX_BODY bytes: a cap on connections bounds what all of them can hold
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        server.setErrorHandler(new GraphErrorPages());
        try {
            connector.open();
        } catch (IOException e) {
            stopQuietly(server);
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        return new SimHttpServer(server, connector);
    }

    /** Starts answering every request with {@code handler}. */
    public void serve(Handler handler) {
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("The demo tenant's HTTP server did not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping a server that failed to start, or twice: nothing left to release
        }
    }
}
