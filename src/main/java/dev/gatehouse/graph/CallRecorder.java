package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.activity.RedactedBody;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Records one {@link GraphCall} per HTTP attempt, and one per request answered inside a {@code $batch}. It sits
 * after Kiota's retry and redirect handlers in the OkHttp chain, so every retry shows up as its own entry. It reads
 * the method, URL, status and the {@code request-id} response header: never other headers (the token), never a
 * response (TAP codes), and the JSON request body only once {@link RedactedBody} has blanked its secrets.
 * <p>
 * Recording runs inside the HTTP pipeline, so it can never change a call's result: a failing call log is ignored,
 * a 200 stays a 200 and a network failure stays the original exception.
 */
final class CallRecorder implements Interceptor {

    static final String IN_BATCH = "in $batch";

    private final ServiceRoot root;
    private final Consumer<GraphCall> log;
    private final Clock clock;

    /** @param log normally {@code callLog::record} */
    CallRecorder(ServiceRoot root, Consumer<GraphCall> log, Clock clock) {
        this.root = root;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        String path = pathAndQuery(request.url());
        String body = redactedBody(request);
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            record(new GraphCall(startedAt, request.method(), path, 0, since(start), null,
                    failure(chain.call().isCanceled(), request, e), body));
            throw e;
        }
        record(new GraphCall(startedAt, request.method(), path, response.code(), since(start),
                response.header("request-id"), outcome(response), body));
        return response;
    }

    /**
     * One request answered inside a {@code $batch}: Graph ran it, but only the batch's POST passed through OkHttp.
     *
     * @param batch        the batch's HTTP response, whose timing the inner request shares
     * @param sent         the inner request as converted for the batch
     * @param answer       its answer taken from the batch response
     * @param resentAfter  the status that made the gateway send it again in this batch, or 0 on its first attempt
     */
    void recordInBatch(Response batch, Request sent, Response answer, int resentAfter) {
        String where = resentAfter == 0 ? IN_BATCH : "retried after " + resentAfter + " " + IN_BATCH;
        String failure = outcome(answer);
        record(new GraphCall(Instant.ofEpochMilli(batch.sentRequestAtMillis()), sent.method(),
                pathAndQuery(sent.url()), answer.code(),
                Duration.ofMillis(batch.receivedResponseAtMillis() - batch.sentRequestAtMillis()),
                answer.header("request-id"), failure.isEmpty() ? where : where + ", " + failure, redactedBody(sent)));
    }

    /**
     * The request's JSON body with its secrets blanked, or null. Only a body that can be read twice is read (Kiota's
     * are byte arrays); reading happens before the call is sent, and any failure leaves the body out of the log.
     */
    static String redactedBody(Request request) {
        RequestBody body = request.body();
        try {
            if (body == null || body.isOneShot() || body.isDuplex() || body.contentType() == null
                    || !"json".equals(body.contentType().subtype()) || body.contentLength() > 4L * 16_384) {
                return null;
            }
            Buffer buffer = new Buffer();
            body.writeTo(buffer);
            return RedactedBody.of(buffer.readUtf8());
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private void record(GraphCall call) {
        try {
            log.accept(call);
        } catch (RuntimeException brokenListener) {
            // the Activity view is a convenience: it must never fail or alter the tenant call being recorded
        }
    }

    /** Decoded path below the service root plus the decoded query, e.g. {@code /users?$search="displayName:ad"}. */
    String pathAndQuery(HttpUrl url) {
        String path = "/" + String.join("/", url.pathSegments());
        String rootPath = root.uri().getPath();
        if (root.relativize(url.toString()).isPresent() && path.startsWith(rootPath)) {
            path = path.substring(rootPath.length());
        } else {
            path = url.scheme() + "://" + url.host() + ":" + url.port() + path;
        }
        return url.query() == null ? path : path + "?" + url.query();
    }

    /** A failed attempt's outcome; a call OkHttp cancelled at the request deadline reads "timed out", not "cancelled". */
    static String failure(boolean cancelled, Request request, IOException e) {
        if (cancelled) {
            RequestDeadline deadline = request.tag(RequestDeadline.class);
            return deadline != null && deadline.passed() ? "timed out" : "cancelled";
        }
        if (e instanceof SocketTimeoutException) {
            return "timed out";
        }
        if (e instanceof ProtocolException) {
            return "not an HTTP answer"; // OkHttp's message quotes the bytes the server sent
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String outcome(Response response) {
        if (response.code() < 400) {
            return "";
        }
        String retryAfter = response.header("Retry-After");
        return "HTTP " + response.code() + (retryAfter == null ? "" : ", Retry-After " + retryAfter + " s");
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
