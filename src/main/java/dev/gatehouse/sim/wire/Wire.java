package dev.gatehouse.sim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/** Graph's JSON conventions in one place: the shared mapper, date-time format and null-safe node builders. */
public final class Wire {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What Graph sends for JSON payloads (see the json-batching doc's example headers). */
    public static final String JSON_CONTENT_TYPE =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private static final DateTimeFormatter INNER_ERROR_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private Wire() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    public static JsonNode text(String value) {
        return value == null ? NullNode.instance : NODES.textNode(value);
    }

    public static JsonNode bool(Boolean value) {
        return value == null ? NullNode.instance : NODES.booleanNode(value);
    }

    public static JsonNode number(Integer value) {
        return value == null ? NullNode.instance : NODES.numberNode(value);
    }

    /** Graph writes DateTimeOffset values in UTC with a trailing Z, e.g. {@code 2020-08-10T06:44:09Z}. */
    public static JsonNode dateTime(Instant value) {
        return value == null ? NullNode.instance : NODES.textNode(formatDateTime(value));
    }

    public static String formatDateTime(Instant value) {
        return DateTimeFormatter.ISO_INSTANT.format(value.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The {@code innerError.date} format of Graph error bodies: seconds, no zone designator. */
    public static String innerErrorDate(Instant value) {
        return INNER_ERROR_DATE.format(value);
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode array = array();
        if (values != null) {
            values.forEach(array::add);
        }
        return array;
    }
}
