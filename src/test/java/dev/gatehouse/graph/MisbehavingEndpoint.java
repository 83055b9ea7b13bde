package dev.gatehouse.graph;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deliberately bad endpoint on loopback, on a raw {@link ServerSocket} so it can do what no well-behaved HTTP
 * server library would: say nothing, trickle, answer in the wrong protocol, answer HTML, garbage or an endless body.
 * Every connection is served by the same {@link Behaviour}. Not a mock of Graph: the gateway talks to it over real
 * sockets exactly as to Graph.
 */
public final class MisbehavingEndpoint implements AutoCloseable {

    /** What the endpoint does with each connection. */
    @FunctionalInterface
    public interface Behaviour {
        /** @param answer the connection's output, counting what is written ({@link #bytesSent()}) */
        void serve(Socket connection, OutputStream answer) throws IOException, InterruptedException;
    }

    /** The record a TLS server sends to a plain-text request: a fatal unexpected_message alert (what JSSE sends). */
    private static final byte[] TLS_ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0a};

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();

    private MisbehavingEndpoint(Behaviour behaviour) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.behaviour = behaviour;
        Thread acceptor = new Thread(this::accept, "misbehaving-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static MisbehavingEndpoint start(Behaviour behaviour) {
        try {
            return new MisbehavingEndpoint(behaviour);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code scheme://127.0.0.1:port/v1.0}: the same port answers whatever the scheme says. */
    public String serviceRoot(String scheme) {
        return scheme + "://127.0.0.1:" + server.getLocalPort() + "/v1.0";
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.get();
    }

    /** Bytes written to all connections so far. */
    public long bytesSent() {
        return sent.get();
    }

    // ---- behaviours

    /** Reads what comes and never answers: a plain-HTTP server waiting for a request line a TLS hello never ends. */
    public static Behaviour silent() {
        return (connection, answer) -> {
            readRequest(connection);
            sleep(Duration.ofMinutes(10));
        };
    }

    /** Answers {@code status} with {@code body}, all at once. */
    public static Behaviour answering(int status, String contentType, byte[] body) {
        return (connection, answer) -> {
            readRequest(connection);
            answer.write(head(status, contentType, body.length));
            answer.write(body);
            answer.flush();
        };
    }

    /** A well-formed JSON answer, one byte every {@code interval}: never silent long enough for a read timeout. */
    public static Behaviour trickling(Duration interval) {
        byte[] body = ("{\"value\":[{\"id\":\"" + "x".repeat(1000) + "\"}]}").getBytes(StandardCharsets.UTF_8);
        return (connection, answer) -> {
            readRequest(connection);
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            whole.write(head(200, "application/json", body.length));
            whole.write(body);
            for (byte b : whole.toByteArray()) {
                answer.write(b);
                answer.flush();
                sleep(interval);
            }
        };
    }

    /** A TLS server's answer to plain http: an alert record, then the connection closes. */
    public static Behaviour answeringInTls() {
        return (connection, answer) -> {
            readRequest(connection);
            answer.write(TLS_ALERT);
            answer.flush();
            connection.close();
        };
    }

    /** OpenSSL's answer to plain http on a TLS port: the connection is reset without a byte. */
    public static Behaviour resetting() {
        return (connection, answer) -> {
            readRequest(connection);
            connection.setSoLinger(true, 0);
            connection.close();
        };
    }

    /**
     * HTTP 200 with a JSON list of {@code megabytes} MB that ends only when the connection does (no Content-Length):
     * what a client reads of it is what {@link #bytesSent()} says the endpoint managed to send.
     */
    public static Behaviour hugeJson(int megabytes) {
        byte[] item = ("{\"id\":\"" + "x".repeat(10_000) + "\"},").getBytes(StandardCharsets.UTF_8);
        return (connection, answer) -> {
            readRequest(connection);
            answer.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"value\":[")
                    .getBytes(StandardCharsets.US_ASCII));
            // a client that stops reading makes a write fail here, which ends the loop
            for (long written = 0; written < megabytes * 1024L * 1024; written += item.length) {
                answer.write(item);
            }
            answer.write("{\"id\":\"last\"}]}".getBytes(StandardCharsets.US_ASCII));
            answer.flush();
            connection.close();
        };
    }

    /** A status line and headers; one answer per connection, so OkHttp never reuses a connection this endpoint left. */
    public static byte[] head(int status, String contentType, long length, String... moreHeaders) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Whatever\r\nContent-Type: ")
                .append(contentType).append("\r\nContent-Length: ").append(length).append("\r\nConnection: close\r\n");
        for (String header : moreHeaders) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads the start of a request: up to the blank line of an HTTP request (and its body), or the first bytes of
     * anything else (a TLS hello has no blank line).
     *
     * @return the request line ("GET /v1.0/organization HTTP/1.1"), or "" for something that is not HTTP
     */
    public static String readRequest(Socket connection) throws IOException {
        InputStream in = connection.getInputStream();
        byte[] buffer = new byte[8192];
        StringBuilder seen = new StringBuilder();
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (buffer[0] != 'G' && buffer[0] != 'P' && buffer[0] != 'D' && seen.length() == 0) {
                return ""; // not HTTP: a TLS ClientHello
            }
            seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            int end = seen.indexOf("\r\n\r\n");
            if (end >= 0) {
                int length = contentLength(seen.substring(0, end));
                long bodyRead = seen.length() - end - 4;
                if (length >= 0) {
                    in.skipNBytes(Math.max(0, length - bodyRead));
                }
                return seen.substring(0, seen.indexOf("\r\n"));
            }
        }
        return "";
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return -1;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- plumbing

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                accepted.incrementAndGet();
                connections.add(connection);
                Thread serving = new Thread(() -> serve(connection), "misbehaving-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            behaviour.serve(connection, new Counting(connection.getOutputStream()));
        } catch (IOException clientGone) {
            // the client closing on us is what most tests expect
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private final class Counting extends FilterOutputStream {
        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            sent.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sent.addAndGet(len);
        }
    }
}
