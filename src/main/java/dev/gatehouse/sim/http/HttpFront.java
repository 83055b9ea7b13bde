package dev.gatehouse.sim.http;

import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.Wire;
import dev.gatehouse.sim.wire.WireRequest;
import dev.gatehouse.sim.wire.WireResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * The HTTP edge: checks who is calling ({@link LocalCallers}), reads the body without holding a thread while
 * it trickles in (at most {@link #MAX_BODY} bytes), then sends {@code /v1.0/…} to the Graph pipeline and
 * {@code /_demo/…} to the trainer controls. Anything else, and every failure, is a Graph JSON error.
 */
public final class HttpFront extends Handler.Abstract {

    /** Graph's request limit: "The Microsoft Graph REST API has a 4 MB request limit". */
    public static final int MAX_BODY = 4 * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(HttpFront.class.getName());
    private static final String VERSION = "/v1.0";
    private static final String DEMO = "/_demo";

    private final GraphPipeline graph;
    private final DemoEndpoints demo;
    private final LocalCallers callers;

    /** @param port the port the sim listens on (its own origin is {@code http://127.0.0.1:port}) */
    public HttpFront(GraphPipeline graph, DemoEndpoints demo, int port) {
        this.graph = graph;
        this.demo = demo;
        this.callers = new LocalCallers(port);
    }

    /** 413 with Graph's body; the text is the one Graph's mail API answers with for its 4 MB limit. */
    static GraphException bodyTooLarge() {
        return new GraphException(413, "BadRequest", "The maximum request length supported is 4MB.");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = UUID.randomUUID().toString();
        Map<String, String> headers = headers(request.getHeaders());
        String method = request.getMethod();
        String rawPath = request.getHttpURI().getPath();
        String rawQuery = request.getHttpURI().getQuery();
        boolean trainer = under(rawPath, DEMO);
        GraphException refused = callers.refuseHost(headers)
                .or(() -> trainer ? callers.refuseTrainerControl(method, headers) : Optional.empty())
                .orElse(null);
        if (refused == null && request.getLength() > MAX_BODY) {
            refused = bodyTooLarge();
        }
        if (refused != null) {
            // the body (if any) is left unread: close the connection rather than read what nobody wants
            write(response, error(refused, requestId, headers).withHeaders(Map.of("Connection", "close")), callback);
            return true;
        }
        Content.Source.asByteArrayAsync(request, MAX_BODY).whenComplete((body, failure) -> {
            if (failure != null) {
                answerUnreadBody(response, callback, failure, requestId, headers);
                return;
            }
            try {
                write(response, route(method, rawPath, rawQuery, headers, body, requestId), callback);
            } catch (RuntimeException bug) {
                LOG.log(System.Logger.Level.ERROR, "Demo tenant failed on " + method + " " + rawPath, bug);
                write(response, error(new GraphException(500, "generalException", "An unspecified error has occurred."),
                        requestId, headers), callback);
            }
        });
        return true;
    }

    private WireResponse route(String method, String rawPath, String rawQuery, Map<String, String> headers,
                               byte[] body, String requestId) {
        try {
            if (under(rawPath, VERSION)) {
                return graph.handle(WireRequest.parse(method, rawPath.substring(VERSION.length()), rawQuery, headers,
                        body, requestId, false));
            }
            if (under(rawPath, DEMO)) {
                return demo.handle(WireRequest.parse(method, rawPath.substring(DEMO.length()), rawQuery, headers, body,
                        requestId, false));
            }
            return error(new GraphException(404, "NotFound", "The demo tenant serves the Microsoft Graph v1.0 API "
                    + "under /v1.0 and its trainer controls under /_demo; '" + rawPath + "' is neither."), requestId,
                    headers);
        } catch (GraphException malformed) {
            // WireRequest.parse refuses a malformed percent-escape before any pipeline sees the request
            return error(malformed, requestId, headers);
        }
    }

    /** The body could not be read: too large (413), too slow or stalled (408), or the client went away. */
    private static void answerUnreadBody(Response response, Callback callback, Throwable failure, String requestId,
                                         Map<String, String> headers) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        GraphException answer = cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                ? bodyTooLarge() : GraphErrorPages.exception(408, null);
        if (response.isCommitted()) {
            callback.failed(cause);
            return;
        }
        write(response, error(answer, requestId, headers).withHeaders(Map.of("Connection", "close")), callback);
    }

    private static WireResponse error(GraphException error, String requestId, Map<String, String> headers) {
        WireRequest request = new WireRequest("GET", List.of(), List.of(), headers, null, requestId, false);
        return GraphErrorBodies.of(error, request, Instant.now())
                .withHeaders(Map.of("request-id", requestId, "client-request-id", request.clientRequestId()));
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static Map<String, String> headers(HttpFields fields) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : fields) {
            headers.putIfAbsent(field.getName(), field.getValue());
        }
        return headers;
    }

    /** Writes a finished response and completes the exchange through {@code callback}. */
    static void write(Response response, WireResponse wire, Callback callback) {
        byte[] bytes;
        try {
            bytes = wire.json() != null ? Wire.MAPPER.writeValueAsBytes(wire.json())
                    : wire.text() != null ? wire.text().getBytes(StandardCharsets.UTF_8) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        response.setStatus(wire.status());
        HttpFields.Mutable out = response.getHeaders();
        wire.headers().forEach(out::put);
        if (wire.status() != 204 && bytes.length > 0 && !out.contains(HttpHeader.CACHE_CONTROL)) {
            out.put(HttpHeader.CACHE_CONTROL, "no-cache");
        }
        if (bytes.length == 0) {
            callback.succeeded();
        } else {
            out.put(HttpHeader.CONTENT_LENGTH, Integer.toString(bytes.length));
            response.write(true, ByteBuffer.wrap(bytes), callback);
        }
    }
}
