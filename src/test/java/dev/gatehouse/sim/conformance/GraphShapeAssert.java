package dev.gatehouse.sim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.text.NearestName;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a Graph JSON response against the documented v1.0 shapes ({@link GraphSchema}):
 * every property must be documented for the object's type (base types included) with a
 * compatible JSON kind, {@code null} only where the property is nullable, enum values must be
 * documented members, {@code @odata.type} must name the declared type or a type derived from it,
 * and collections must be {@code {"value": [...]}} with an {@code @odata.context}.
 */
final class GraphShapeAssert {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> OBJECT_ANNOTATIONS = Set.of("@odata.type", "@odata.id", "@odata.etag");
    private static final Set<String> RESPONSE_ANNOTATIONS = Set.of("@odata.context", "@microsoft.graph.tips");
    private static final Set<String> COLLECTION_ANNOTATIONS = Set.of(
            "@odata.context", "@odata.nextLink", "@odata.deltaLink", "@odata.count", "@microsoft.graph.tips");
    private static final Set<String> PROPERTY_ANNOTATION_TERMS = Set.of(
            "odata.context", "odata.nextLink", "odata.count", "odata.type");

    /**
     * How strict to be about what Graph always sends. Documentation examples are abridged
     * ("truncated": true), so they are checked without these two rules.
     */
    record Strictness(boolean requireContext, boolean requireEntityId) {
        static final Strictness SERVICE = new Strictness(true, true);
        static final Strictness DOCUMENTATION_EXAMPLE = new Strictness(false, false);
    }

    /** What a response body is expected to be; {@code type} is a qualified type or an Edm primitive. */
    record Expect(String shape, String type) {
        static Expect entity(String type) {
            return new Expect("entity", type);
        }

        static Expect collection(String type) {
            return new Expect("collection", type);
        }

        static Expect primitive(String edmType) {
            return new Expect("primitive", edmType);
        }

        static Expect error() {
            return new Expect("error", null);
        }

        static Expect batch() {
            return new Expect("batch", null);
        }

        /** {@code 204 No Content}: no body at all. */
        static Expect noContent() {
            return new Expect("noContent", null);
        }
    }

    private final GraphSchema schema;
    private final Strictness strictness;

    GraphShapeAssert(GraphSchema schema, Strictness strictness) {
        this.schema = schema;
        this.strictness = strictness;
    }

    GraphShapeAssert with(Strictness other) {
        return new GraphShapeAssert(schema, other);
    }

    ShapeReport check(String subject, JsonNode body, Expect expect) {
        ShapeReport report = new ShapeReport(subject);
        switch (expect.shape()) {
            case "entity" -> checkEntityResponse(body, expect.type(), report);
            case "collection" -> checkCollectionResponse(body, expect.type(), report);
            case "primitive" -> checkPrimitiveResponse(body, expect.type(), report);
            case "error" -> checkError(body, "$", report);
            case "batch" -> checkBatch(body, report);
            case "noContent" -> {
                if (!body.isMissingNode()) {
                    report.violation("$", "a 204 No Content response has a body");
                }
            }
            default -> throw new IllegalArgumentException("unknown response shape " + expect.shape());
        }
        return report;
    }

    private void checkEntityResponse(JsonNode body, String type, ShapeReport report) {
        if (strictness.requireContext() && !body.path("@odata.context").isTextual()) {
            report.violation("$", "missing @odata.context");
        }
        checkObject(body, type, "$", RESPONSE_ANNOTATIONS, report);
    }

    private void checkCollectionResponse(JsonNode body, String type, ShapeReport report) {
        if (!body.isObject()) {
            report.violation("$", "a collection response must be a JSON object, got " + kind(body));
            return;
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("value") && !COLLECTION_ANNOTATIONS.contains(name)) {
                report.violation("$." + name, "not allowed next to \"value\" in a collection response");
            }
        });
        if (strictness.requireContext() && !body.path("@odata.context").isTextual()) {
            report.violation("$", "missing @odata.context");
        }
        if (body.has("@odata.nextLink") && !body.get("@odata.nextLink").isTextual()) {
            report.violation("$.@odata.nextLink", "must be a URL string, got " + kind(body.get("@odata.nextLink")));
        }
        if (body.has("@odata.count") && !body.get("@odata.count").isIntegralNumber()) {
            report.violation("$.@odata.count", "must be an integer, got " + kind(body.get("@odata.count")));
        }
        JsonNode value = body.get("value");
        if (value == null || !value.isArray()) {
            report.violation("$.value", "a collection response needs a \"value\" array, got " + kind(value));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            checkValue(value.get(i), type, false, "$.value[" + i + "]", report);
        }
    }

    private void checkPrimitiveResponse(JsonNode body, String edmType, ShapeReport report) {
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("value") && !name.equals("@odata.context")) {
                report.violation("$." + name, "not allowed in a " + edmType + " result");
            }
        });
        if (!body.has("value")) {
            report.violation("$.value", "missing: an action returning " + edmType + " answers {\"value\": …}");
            return;
        }
        checkValue(body.get("value"), edmType, false, "$.value", report);
    }

    private void checkObject(JsonNode node, String declaredType, String path, Set<String> extraAnnotations,
                             ShapeReport report) {
        if (!node.isObject()) {
            report.violation(path, "expected a JSON object (" + declaredType + "), got " + kind(node));
            return;
        }
        Optional<String> actualType = resolveType(node, declaredType, path, report);
        if (actualType.isEmpty()) {
            return;
        }
        String type = actualType.get();
        var fields = node.properties().iterator();
        while (fields.hasNext()) {
            var field = fields.next();
            String name = field.getKey();
            String at = path + "." + name;
            if (name.startsWith("@")) {
                if (!OBJECT_ANNOTATIONS.contains(name) && !extraAnnotations.contains(name)) {
                    report.violation(at, "annotation not expected here");
                }
            } else if (name.contains("@")) {
                checkPropertyAnnotation(type, name, at, report);
            } else {
                Optional<GraphSchema.Property> property = schema.property(type, name);
                if (property.isEmpty()) {
                    report.violation(at, "'" + name + "' is not a documented property of " + type + suggestion(type, name)
                            + (schema.type(type).map(GraphSchema.Type::openType).orElse(false)
                            ? " (an open type may carry dynamic properties, but Graph documents none by this name)" : ""));
                } else {
                    checkProperty(field.getValue(), property.get(), at, report);
                }
            }
        }
        boolean isEntity = schema.type(type).map(t -> t.kind().equals("entity")).orElse(false);
        if (strictness.requireEntityId() && isEntity && !node.has("id")) {
            report.violation(path, "missing 'id', the key of " + type);
        }
    }

    /** The concrete type of the object, or empty when it cannot be checked further. */
    private Optional<String> resolveType(JsonNode node, String declaredType, String path, ShapeReport report) {
        JsonNode annotation = node.get("@odata.type");
        if (annotation == null) {
            if (schema.requiresTypeAnnotation(declaredType)) {
                report.violation(path, "missing @odata.type: " + declaredType
                        + " is polymorphic, so Graph names each object's concrete type");
                return Optional.empty();
            }
            return Optional.of(declaredType);
        }
        String value = annotation.asText();
        if (!annotation.isTextual() || !value.startsWith("#microsoft.graph.")) {
            report.violation(path + ".@odata.type", "'" + value + "' is not of the documented form '#microsoft.graph.<type>'");
            return Optional.empty();
        }
        String named = value.substring(1);
        if (schema.type(named).isEmpty()) {
            report.violation(path + ".@odata.type", "'" + value + "' is not a v1.0 type known to this suite"
                    + " (a misspelling, or a type GraphMetadataRefresh must add)");
            return Optional.empty();
        }
        if (!schema.isSameOrDerived(named, declaredType)) {
            report.violation(path + ".@odata.type", "'" + value + "' is neither " + declaredType + " nor derived from it");
            return Optional.empty();
        }
        return Optional.of(named);
    }

    private void checkPropertyAnnotation(String type, String name, String at, ShapeReport report) {
        String property = name.substring(0, name.indexOf('@'));
        String term = name.substring(name.indexOf('@') + 1);
        if (schema.property(type, property).isEmpty()) {
            report.violation(at, "annotates '" + property + "', which is not a documented property of " + type);
        } else if (!PROPERTY_ANNOTATION_TERMS.contains(term)) {
            report.violation(at, "'@" + term + "' is not an annotation Graph puts on properties in responses");
        }
    }

    private void checkProperty(JsonNode value, GraphSchema.Property property, String path, ShapeReport report) {
        if (value.isNull()) {
            if (!property.nullable()) {
                report.violation(path, "is null, but " + property.name() + " (" + property.type() + ") is not nullable");
            }
            return;
        }
        if (!property.isCollection()) {
            checkValue(value, property.type(), property.nullable(), path, report);
            return;
        }
        if (!value.isArray()) {
            report.violation(path, "expected an array (" + property.type() + "), got " + kind(value));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            checkValue(value.get(i), property.elementType(), property.nullable(), path + "[" + i + "]", report);
        }
    }

    private void checkValue(JsonNode value, String type, boolean nullable, String path, ShapeReport report) {
        if (value.isNull()) {
            if (!nullable) {
                report.violation(path, "is null, but " + type + " is not nullable here");
            }
        } else if (type.startsWith("Edm.")) {
            checkPrimitive(value, type, path, report);
        } else if (schema.isEnum(type)) {
            checkEnum(value, type, path, report);
        } else if (schema.type(type).isPresent()) {
            checkObject(value, type, path, Set.of(), report);
        } else {
            report.violation(path, "type " + type + " is not in the fixture schema; add it to GraphMetadataRefresh");
        }
    }

    private static void checkPrimitive(JsonNode value, String edmType, String path, ShapeReport report) {
        switch (edmType) {
            case "Edm.Boolean" -> expectKind(value.isBoolean(), "boolean", edmType, value, path, report);
            case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte" ->
                    expectKind(value.isIntegralNumber(), "integer", edmType, value, path, report);
            case "Edm.Double", "Edm.Single", "Edm.Decimal" ->
                    expectKind(value.isNumber(), "number", edmType, value, path, report);
            case "Edm.String", "Edm.Duration", "Edm.TimeOfDay", "Edm.Binary" ->
                    expectKind(value.isTextual(), "string", edmType, value, path, report);
            case "Edm.Guid" -> {
                expectKind(value.isTextual(), "string", edmType, value, path, report);
                if (value.isTextual() && !GUID.matcher(value.asText()).matches()) {
                    report.violation(path, "'" + value.asText() + "' is not a GUID (Edm.Guid)");
                }
            }
            case "Edm.DateTimeOffset" -> {
                expectKind(value.isTextual(), "string", edmType, value, path, report);
                if (value.isTextual() && !parses(() -> OffsetDateTime.parse(value.asText()))) {
                    report.violation(path, "'" + value.asText() + "' is not an ISO 8601 date-time with offset (Edm.DateTimeOffset)");
                }
            }
            case "Edm.Date" -> {
                expectKind(value.isTextual(), "string", edmType, value, path, report);
                if (value.isTextual() && !parses(() -> LocalDate.parse(value.asText()))) {
                    report.violation(path, "'" + value.asText() + "' is not an ISO 8601 date (Edm.Date)");
                }
            }
            default -> { } // Edm.Stream, Edm.Untyped: any JSON is acceptable
        }
    }

    private void checkEnum(JsonNode value, String enumType, String path, ShapeReport report) {
        if (!value.isTextual()) {
            report.violation(path, "expected a string member of " + enumType + ", got " + kind(value));
            return;
        }
        List<String> members = schema.enumMembers(enumType);
        String[] parts = schema.isFlagsEnum(enumType) ? value.asText().split(",") : new String[]{value.asText()};
        for (String part : parts) {
            if (!members.contains(part.trim())) {
                report.violation(path, "'" + part.trim() + "' is not a member of " + enumType + " " + members);
            }
        }
    }

    private static void checkError(JsonNode body, String path, ShapeReport report) {
        if (!body.isObject() || !body.path("error").isObject()) {
            report.violation(path, "an error body is {\"error\": {\"code\", \"message\", …}}, got " + kind(body));
            return;
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("error")) {
                report.violation(path + "." + name, "an error body has the single property \"error\"");
            }
        });
        JsonNode error = body.get("error");
        String at = path + ".error";
        for (String required : List.of("code", "message")) {
            if (!error.path(required).isTextual()) {
                report.violation(at + "." + required, "required string, got " + kind(error.get(required)));
            }
        }
        error.properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            boolean ok = switch (name) {
                case "code", "message" -> true;
                case "innerError", "innererror" -> value.isObject();
                case "target" -> value.isTextual();
                case "details" -> value.isArray();
                default -> false;
            };
            if (!ok) {
                report.violation(at + "." + name, "not a documented error property of that kind ("
                        + "code, message, innerError object, target string, details array)");
            }
        });
    }

    private static void checkBatch(JsonNode body, ShapeReport report) {
        if (!body.path("responses").isArray()) {
            report.violation("$.responses", "a $batch response needs a \"responses\" array, got " + kind(body.get("responses")));
            return;
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("responses")) {
                report.violation("$." + name, "not a documented $batch response property");
            }
        });
        JsonNode responses = body.get("responses");
        for (int i = 0; i < responses.size(); i++) {
            JsonNode response = responses.get(i);
            String at = "$.responses[" + i + "]";
            if (!response.path("id").isTextual()) {
                report.violation(at + ".id", "required string, got " + kind(response.get("id")));
            }
            if (!response.path("status").isIntegralNumber()) {
                report.violation(at + ".status", "required HTTP status code, got " + kind(response.get("status")));
            }
            response.fieldNames().forEachRemaining(name -> {
                if (!Set.of("id", "status", "headers", "body").contains(name)) {
                    report.violation(at + "." + name, "not a documented property of an individual $batch response");
                }
            });
            response.path("headers").properties().forEach(header -> {
                if (!header.getValue().isTextual()) {
                    report.violation(at + ".headers." + header.getKey(), "header values are strings");
                }
            });
            if (response.path("status").asInt() >= 400 && response.has("body")) {
                checkError(response.get("body"), at + ".body", report);
            }
        }
    }

    /**
     * Documented properties that the documentation example shows but none of the responses ever
     * sends, per object path ({@code $.value[].status}); Graph omits some by default, so these are
     * warnings.
     */
    static List<String> missingComparedTo(JsonNode documentationExample, List<JsonNode> responses) {
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        Map<String, Set<String>> sent = new LinkedHashMap<>();
        collectKeys(documentationExample, "$", documented);
        responses.forEach(response -> collectKeys(response, "$", sent));
        return documented.entrySet().stream()
                .filter(entry -> sent.containsKey(entry.getKey()))
                .flatMap(entry -> entry.getValue().stream()
                        .filter(key -> !key.contains("@") && !sent.get(entry.getKey()).contains(key))
                        .map(key -> entry.getKey() + "." + key + ": in the documentation example, never in the response"))
                .toList();
    }

    private static void collectKeys(JsonNode node, String path, Map<String, Set<String>> into) {
        if (node.isArray()) {
            node.forEach(element -> collectKeys(element, path + "[]", into));
        } else if (node.isObject()) {
            Set<String> keys = into.computeIfAbsent(path, p -> new LinkedHashSet<>());
            node.properties().forEach(field -> {
                keys.add(field.getKey());
                collectKeys(field.getValue(), path + "." + field.getKey(), into);
            });
        }
    }

    private String suggestion(String type, String name) {
        return schema.properties(type).keySet().stream()
                .filter(candidate -> candidate.equalsIgnoreCase(name) || distance(candidate, name) <= 2)
                .min(Comparator.comparingInt(candidate -> distance(candidate.toLowerCase(), name.toLowerCase())))
                .map(candidate -> " (did you mean '" + candidate + "'?)")
                .orElse("");
    }

    private static int distance(String a, String b) {
        return NearestName.distance(a, b);
    }

    private static void expectKind(boolean ok, String expected, String edmType, JsonNode value, String path,
                                   ShapeReport report) {
        if (!ok) {
            report.violation(path, "expected " + expected + " (" + edmType + "), got " + kind(value) + " " + value);
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NUMBER -> "number";
            case OBJECT -> "object";
            case ARRAY -> "array";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }
}
