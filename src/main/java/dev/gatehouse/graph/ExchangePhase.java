package dev.gatehouse.graph;

import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Optional;

/**
 * Where an HTTP exchange was when it failed. The same timeout means different things in different places: no TCP
 * connection, a server that accepted but never started TLS (https to a plain-HTTP port), or a Graph that went silent
 * after the request was sent (when a change may already have been applied). OkHttp's events tell the phases apart;
 * the phase a call failed in travels on its exception as a suppressed {@link Marker}, read back with {@link #of}.
 */
enum ExchangePhase {
    /** Opening the TCP connection: nothing sent yet. */
    CONNECTING,
    /** The TLS handshake: nothing of the request sent yet. */
    SECURING,
    /** Writing the request. */
    SENDING,
    /** The request was sent; no answer yet. */
    WAITING,
    /** The answer's headers arrived; reading its body. */
    READING;

    /** True when no byte of the request can have reached the server. */
    boolean beforeSending() {
        return this == CONNECTING || this == SECURING;
    }

    /** One tracker per call, for {@link okhttp3.OkHttpClient.Builder#eventListenerFactory}. */
    static final EventListener.Factory TRACKING = call -> new Tracker();

    /** The phase a failed call was in, when it failed inside OkHttp. */
    static Optional<ExchangePhase> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof Marker marker) {
                    return Optional.of(marker.phase);
                }
            }
        }
        return Optional.empty();
    }

    /** Carries the phase; no stack trace, never shown. */
    static final class Marker extends Throwable {
        private final ExchangePhase phase;

        Marker(ExchangePhase phase) {
            super("failed while " + phase.name().toLowerCase(java.util.Locale.ROOT), null, false, false);
            this.phase = phase;
        }
    }

    private static final class Tracker extends EventListener {
        private volatile ExchangePhase phase = CONNECTING;

        @Override
        public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
            phase = CONNECTING;
        }

        @Override
        public void secureConnectStart(Call call) {
            phase = SECURING;
        }

        @Override
        public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
            phase = SENDING;
        }

        @Override
        public void requestHeadersStart(Call call) {
            phase = SENDING;
        }

        @Override
        public void requestHeadersEnd(Call call, Request request) {
            phase = WAITING;
        }

        @Override
        public void requestBodyStart(Call call) {
            phase = SENDING;
        }

        @Override
        public void requestBodyEnd(Call call, long byteCount) {
            phase = WAITING;
        }

        @Override
        public void responseHeadersEnd(Call call, Response response) {
            phase = READING;
        }

        @Override
        public void callFailed(Call call, IOException failure) {
            failure.addSuppressed(new Marker(phase));
        }
    }
}
