package dev.gatehouse.sim.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireRequest;
import dev.gatehouse.sim.wire.WireResponse;
import dev.gatehouse.sim.wire.Wire;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Jetty's own error answers — a request line or header Jetty cannot parse, a body that stalls, an error Jetty
 * raises around a handler — written as Graph's error body instead of Jetty's HTML page, so a client of the demo
 * tenant never sees anything but Graph JSON.
 */
final class GraphErrorPages extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : 500;
        String reason = request.getAttribute(ERROR_MESSAGE) instanceof String message ? message : null;
        String requestId = UUID.randomUUID().toString();
        WireResponse error = GraphErrorBodies.of(exception(status, reason), bare(requestId), Instant.now());
        HttpFront.write(response, error.withHeaders(Map.of("request-id", requestId, "client-request-id", requestId)),
                callback);
        return true;
    }

    /** The answer to a request Jetty could not parse; there is no request to hand to a handler. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = UUID.randomUUID().toString();
        WireResponse error = GraphErrorBodies.of(exception(status, reason), bare(requestId), Instant.now());
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        fields.put("request-id", requestId);
        fields.put("client-request-id", requestId);
        try {
            return ByteBuffer.wrap(Wire.MAPPER.writeValueAsBytes(error.json()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Graph's codes for the statuses an HTTP layer produces; the text says what the demo tenant refused. */
    static GraphException exception(int status, String reason) {
        String detail = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
        return switch (status) {
            case 408 -> new GraphException(408, "RequestTimeout", "The request was not received in time: the connection "
                    + "sent nothing for " + SimHttpServer.IDLE_TIMEOUT.toSeconds() + " s, or its body arrived slower than "
                    + SimHttpServer.MIN_BODY_RATE + " bytes per second.");
            case 413 -> HttpFront.bodyTooLarge();
            case 414, 431 -> new GraphException(status, "BadRequest", "The request line and headers exceed "
                    + SimHttpServer.MAX_HEADER_BYTES / 1024 + " KB.");
            case 505 -> new GraphException(505, "BadRequest", "Only HTTP/1.1 and HTTP/1.0 are served.");
            default -> status >= 500
                    ? new GraphException(status, "generalException", "An unspecified error has occurred.")
                    : new GraphException(status, "BadRequest", "The request is not valid HTTP" + detail + ".");
        };
    }

    private static WireRequest bare(String requestId) {
        return new WireRequest("GET", List.of(), List.of(), Map.of(), null, requestId, false);
    }
}
