package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.activity.GraphCall;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Records one {@link GraphCall} per HTTP attempt. It sits after Kiota's retry and redirect handlers in the
 * OkHttp chain, so every retry shows up as its own entry. It reads the method, URL, status and the
 * {@code request-id} response header only: never other headers (the token) and never bodies (TAP codes).
 */
final class CallRecorder implements Interceptor {

    private final ServiceRoot root;
    private final CallLog log;
    private final Clock clock;

    CallRecorder(ServiceRoot root, CallLog log, Clock clock) {
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
        try {
            Response response = chain.proceed(request);
            log.record(new GraphCall(startedAt, request.method(), path, response.code(), since(start),
                    response.header("request-id"), outcome(response)));
            return response;
        } catch (IOException e) {
            String outcome = chain.call().isCanceled() ? "cancelled"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            log.record(new GraphCall(startedAt, request.method(), path, 0, since(start), null, outcome));
            throw e;
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
