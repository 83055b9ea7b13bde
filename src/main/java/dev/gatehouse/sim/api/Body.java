package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.wire.GraphException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of a request body's properties. A value of the wrong JSON kind is refused with OData's
 * conversion message, as Graph's deserializer refuses it.
 */
final class Body {

    private final ObjectNode json;

    Body(ObjectNode json) {
        this.json = json;
    }

    ObjectNode json() {
        return json;
    }

    boolean has(String name) {
        return json.has(name);
    }

    Optional<String> text(String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw conversion(value, "Edm.String");
        }
        return Optional.of(value.asText());
    }

    /** A string that must be present and not blank, else {@code missing} is thrown. */
    String requiredText(String name, GraphException missing) {
        return text(name).filter(v -> !v.isBlank()).orElseThrow(() -> missing);
    }

    Optional<Boolean> bool(String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw conversion(value, "Edm.Boolean");
        }
        return Optional.of(value.booleanValue());
    }

    Optional<Integer> integer(String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw conversion(value, "Edm.Int32");
        }
        return Optional.of(value.intValue());
    }

    Optional<List<String>> strings(String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw conversion(value, "Collection(Edm.String)");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw conversion(item, "Edm.String");
            }
            strings.add(item.asText());
        }
        return Optional.of(strings);
    }

    Optional<ObjectNode> object(String name, String type) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!(value instanceof ObjectNode object)) {
            throw conversion(value, type);
        }
        return Optional.of(object);
    }

    private static GraphException conversion(JsonNode value, String type) {
        return GraphException.badRequest("Cannot convert the literal '" + value.asText(value.toString())
                + "' to the expected type '" + type + "'.");
    }
}
