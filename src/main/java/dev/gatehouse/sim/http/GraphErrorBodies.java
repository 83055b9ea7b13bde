package dev.gatehouse.sim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireRequest;
import dev.gatehouse.sim.wire.WireResponse;
import dev.gatehouse.sim.wire.Wire;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Graph's error body: {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}. */
public final class GraphErrorBodies {

    private GraphErrorBodies() {
    }

    public static WireResponse of(GraphException error, WireRequest request, Instant now) {
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
        return new WireResponse(error.status(), headers, body, null);
    }
}
