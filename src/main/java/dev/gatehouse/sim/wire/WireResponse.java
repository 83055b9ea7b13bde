package dev.gatehouse.sim.wire;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response before it is written to the wire or into a {@code $batch} body: JSON, plain text
 * ({@code $count}) or empty ({@code 204}).
 */
public record WireResponse(int status, Map<String, String> headers, JsonNode json, String text) {

    public WireResponse {
        headers = Map.copyOf(headers);
    }

    public static WireResponse json(int status, JsonNode body) {
        return new WireResponse(status, Map.of("Content-Type", Wire.JSON_CONTENT_TYPE), body, null);
    }

    public static WireResponse text(int status, String body) {
        return new WireResponse(status, Map.of("Content-Type", "text/plain"), null, body);
    }

    public static WireResponse empty(int status) {
        return new WireResponse(status, Map.of(), null, null);
    }

    public WireResponse withHeaders(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new WireResponse(status, merged, json, text);
    }

    public boolean failed() {
        return status >= 400;
    }
}
