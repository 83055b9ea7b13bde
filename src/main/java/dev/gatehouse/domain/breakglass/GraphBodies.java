package dev.gatehouse.domain.breakglass;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** A request body as a plan shows it: JSON written by Jackson, so a name with quotes in it stays one string. */
final class GraphBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphBodies() {
    }

    static String of(Map<String, ?> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A request body could not be written: " + e.getOriginalMessage(), e);
        }
    }
}
