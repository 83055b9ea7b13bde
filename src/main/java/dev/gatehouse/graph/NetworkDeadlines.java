package dev.gatehouse.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the gateway waits on an endpoint before it gives up, so that every failure ends in bounded time: a host
 * that drops the connection, a server that accepts and then says nothing (https to a plain-HTTP port), one that
 * trickles a byte a second.
 * <p>
 * One number, the request deadline, sets all three: {@code --timeout SECONDS} on the command line. The others are
 * derived from it so that a patient setting is patient everywhere, and so that the specific failure (no connection,
 * silence) is reported before the general one (the whole request took too long).
 *
 * @param connect longest wait for the TCP connection: half the request deadline, at most 10 s (a reachable host
 *                answers in milliseconds; waiting longer only delays the message)
 * @param read    longest silence while Gatehouse expects bytes, the TLS handshake and Graph's thinking time
 *                included: half the request deadline
 * @param request longest time for one request from connecting to its answer's last byte, its automatic retries
 *                included
 */
public record NetworkDeadlines(Duration connect, Duration read, Duration request) {

    /** Declared first: {@link #DEFAULT} is computed with it. */
    private static final Duration LONGEST_CONNECT = Duration.ofSeconds(10);

    /** 60 s per request: Graph answers in seconds, and a Retry-After of up to 30 s still fits once. */
    public static final Duration DEFAULT_REQUEST = Duration.ofSeconds(60);
    public static final NetworkDeadlines DEFAULT = forRequest(DEFAULT_REQUEST);

    public NetworkDeadlines {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(request, "request");
        if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()
                || request.isNegative() || request.isZero()) {
            throw new IllegalArgumentException("Network deadlines must be positive");
        }
    }

    /** The deadlines for a request deadline of {@code request} (the CLI's --timeout). */
    public static NetworkDeadlines forRequest(Duration request) {
        Objects.requireNonNull(request, "request");
        if (request.isNegative() || request.isZero()) {
            throw new IllegalArgumentException("The request deadline must be positive, was " + request);
        }
        Duration half = request.dividedBy(2);
        return new NetworkDeadlines(half.compareTo(LONGEST_CONNECT) > 0 ? LONGEST_CONNECT : half, half, request);
    }

    /** "30 s", "1.5 s": how a deadline reads in a message. */
    static String words(Duration deadline) {
        long millis = deadline.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
