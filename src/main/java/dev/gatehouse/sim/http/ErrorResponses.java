package dev.gatehouse.sim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.GraphRequest;
import dev.gatehouse.sim.wire.GraphResponse;
import dev.gatehouse.sim.wire.Wire;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Graph's error body: {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static GraphResponse of(GraphException error, GraphRequest request, Instant now) {
        ObjectNode body = Wire.object();
        ObjectNode content = body.putObject("error");
        content.put("code", error.code());
        content.put("message", error.getMessage());
        ObjectNode inner = content.putObject("innerError");
        inner.put("date", Wire.innerErrorDate(now));
        inner.put("request-id", request.requestId());
        inner.put("client-request-id", request.clientRequestId());
        Map<String, String> headers = new LinkedHashMap<>(error.headers());
        headers.put("Content-Type", "application/json");
        return new GraphResponse(error.status(), headers, body, null);
    }
}
