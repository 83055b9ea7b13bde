package dev.gatehouse.sim.wire;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response before it is written to the wire or into a {@code $batch} body: JSON, plain text
 * ({@code $count}) or empty ({@code 204}).
 */
public record GraphResponse(int status, Map<String, String> headers, JsonNode json, String text) {

    public GraphResponse {
        headers = Map.copyOf(headers);
    }

    public static GraphResponse json(int status, JsonNode body) {
        return new GraphResponse(status, Map.of("Content-Type", Wire.JSON_CONTENT_TYPE), body, null);
    }

    public static GraphResponse text(int status, String body) {
        return new GraphResponse(status, Map.of("Content-Type", "text/plain"), null, body);
    }

    public static GraphResponse empty(int status) {
        return new GraphResponse(status, Map.of(), null, null);
    }

    public GraphResponse withHeaders(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new GraphResponse(status, merged, json, text);
    }

    public boolean failed() {
        return status >= 400;
    }
}
