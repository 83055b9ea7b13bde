package dev.gatehouse.graph;

import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Words for an endpoint that failed below Graph's own errors: a deadline passed (and where: connecting, the TLS
 * handshake, waiting, reading), https and plain http crossed, an answer that is not Graph's. All are
 * {@link Kind#UNAVAILABLE}. Messages name the status and the media type at most, never what the endpoint sent.
 * A change whose request may have reached the endpoint is said to be uncertain; one that failed before a byte of it
 * was sent is not.
 */
final class EndpointFailures {

    private final ServiceRoot root;
    private final NetworkDeadlines deadlines;

    EndpointFailures(ServiceRoot root, NetworkDeadlines deadlines) {
        this.root = root;
        this.deadlines = deadlines;
    }

    /** The explanation of {@code io}, or empty when it is none of the failures this class knows. */
    Optional<TenantException> explain(IOException io, GraphOperation operation, String subject) {
        ExchangePhase phase = ExchangePhase.of(io).orElse(null);
        String failure = failure(io, phase);
        if (failure == null) {
            return Optional.empty();
        }
        boolean maybeSent = !(io instanceof TlsAnswerDetector.AnsweredInTls) && (phase == null || !phase.beforeSending());
        String message = operation.changesTenant() && maybeSent
                ? GraphErrorMapper.mayHaveChanged(failure, operation, subject)
                : failure + ", so Gatehouse could not " + operation.action() + ". " + advice(io, phase);
        int status = io instanceof UnusableAnswer answer ? answer.status() : 0;
        return Optional.of(new TenantException(Kind.UNAVAILABLE, message.strip(), status, null, null, io));
    }

    private String failure(IOException io, ExchangePhase phase) {
        String where = hostAndPort();
        if (io instanceof UnusableAnswer answer) {
            return where + " answered HTTP " + answer.status() + " with " + what(answer);
        }
        if (io instanceof TlsAnswerDetector.AnsweredInTls) {
            return where + " answered in TLS: it expects https, not plain http";
        }
        if (isWholeRequestDeadline(io)) {
            // silence ends earlier, at the read deadline: this is an endpoint still trickling, or stuck connecting
            return switch (phase == null ? ExchangePhase.WAITING : phase) {
                case CONNECTING -> "Could not connect to " + where + " within " + NetworkDeadlines.words(deadlines.request());
                // OkHttp may try a handshake twice, so the request deadline can be the one that ends it
                case SECURING -> noTlsSession(where, deadlines.request());
                case SENDING, WAITING, READING -> where + " did not finish answering within "
                        + NetworkDeadlines.words(deadlines.request());
            };
        }
        if (io instanceof SocketTimeoutException && phase != null) {
            return switch (phase) {
                case CONNECTING -> "Could not connect to " + where + " within " + NetworkDeadlines.words(deadlines.connect());
                case SECURING -> noTlsSession(where, deadlines.read());
                case SENDING, WAITING -> where + " sent nothing for " + NetworkDeadlines.words(deadlines.read())
                        + " after the request";
                case READING -> where + " sent nothing more of its answer for " + NetworkDeadlines.words(deadlines.read());
            };
        }
        if (isNotTls(io, phase)) {
            return where + " answered the TLS handshake with something that is not TLS: it seems to serve plain http";
        }
        if (io instanceof ProtocolException) {
            return where + " answered with something that is not HTTP";
        }
        if (phase == ExchangePhase.WAITING && !root.isHttps()) {
            return where + " closed the connection without answering";
        }
        return null;
    }

    /** https to a server that accepts the connection and then waits: a plain-HTTP server waiting for a request line. */
    private static String noTlsSession(String where, Duration deadline) {
        return where + " accepted the connection but did not start a secure (TLS) session within "
                + NetworkDeadlines.words(deadline) + ": it does not seem to speak https";
    }

    private String advice(IOException io, ExchangePhase phase) {
        if (io instanceof TlsAnswerDetector.AnsweredInTls) {
            return "Use " + withScheme("https") + ".";
        }
        if (isNotTls(io, phase) || (isTimeout(io) && phase == ExchangePhase.SECURING)) {
            return ServiceRoot.isLoopback(root.host())
                    ? "If it serves plain http (as 'gatehouse sim' does), use " + withScheme("http") + "; otherwise check the port."
                    : "Check the port: the service root must be an https endpoint.";
        }
        if (io instanceof UnusableAnswer answer) {
            String check = "It is not a Graph endpoint, or something in between (a proxy, a sign-in page) answered instead: "
                    + "check the Graph endpoint.";
            return answer.status() == 400 && !root.isHttps()
                    ? check + " If the server expects https, use " + withScheme("https") + "." : check;
        }
        if (phase == ExchangePhase.WAITING && !root.isHttps() && !(io instanceof InterruptedIOException)) {
            return "If the server expects https, use " + withScheme("https") + "; otherwise try again.";
        }
        if (phase == ExchangePhase.CONNECTING) {
            return "Check the Graph endpoint and that the host is reachable from this machine (a firewall may be "
                    + "dropping the connection).";
        }
        return "Try again; if it keeps happening, check the endpoint and the network (on the command line, "
                + "--timeout SECONDS gives it longer).";
    }

    private static String what(UnusableAnswer answer) {
        return switch (answer.problem()) {
            case NOT_JSON -> (answer.mediaType() == null ? "a body without a content type"
                    : "text/html".equals(answer.mediaType()) ? "an HTML page"
                    : "a " + answer.mediaType() + " body") + ", not Microsoft Graph's JSON";
            case MALFORMED_JSON -> "a body that is not the JSON object Microsoft Graph sends";
            case TOO_LARGE -> "more than " + (AnswerCheck.DEFAULT_LIMIT_BYTES / (1024 * 1024)) + " MB, far more than any "
                    + "Graph answer Gatehouse asks for; it stopped reading there";
        };
    }

    private static boolean isTimeout(IOException io) {
        return io instanceof SocketTimeoutException || isWholeRequestDeadline(io);
    }

    /** OkHttp's call timeout: an InterruptedIOException "timeout", unlike a socket's read or connect timeout. */
    static boolean isWholeRequestDeadline(IOException io) {
        return io.getClass() == InterruptedIOException.class && "timeout".equals(io.getMessage());
    }

    /**
     * JSSE's answer to bytes that are not a TLS record during the handshake (a plain-HTTP server's "HTTP/1.1 400") is a
     * bare {@link SSLException}; what a TLS peer refuses (an alert, a certificate, a closed handshake) comes as an
     * {@link javax.net.ssl.SSLHandshakeException} and keeps the general "secure connection failed" message.
     */
    private static boolean isNotTls(IOException io, ExchangePhase phase) {
        return io.getClass() == SSLException.class && phase == ExchangePhase.SECURING && !hasSecurityCause(io);
    }

    private static boolean hasSecurityCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof GeneralSecurityException) {
                return true;
            }
        }
        return false;
    }

    private String hostAndPort() {
        int port = root.uri().getPort();
        return port < 0 ? root.host() : root.host() + ":" + port;
    }

    private String withScheme(String scheme) {
        String text = root.toString();
        return scheme + text.substring(text.indexOf(':'));
    }
}
