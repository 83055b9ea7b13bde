package dev.gatehouse.sim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixtures agree with each other: every documented example passes the comparator against the
 * documented schema, except for the documentation's own mistakes, which each fixture lists in
 * {@code knownDiscrepancies}; every property of a resource page's JSON representation is a
 * property of that type in the service metadata, with a compatible JSON kind.
 */
class GraphDocsFixturesTest {

    static Stream<String> exampleNames() {
        return GraphDocs.examples().keySet().stream();
    }

    /** Resource pages of entity and complex types; the error resource is checked on its own below. */
    static Stream<String> resourceNames() {
        return GraphDocs.resources().values().stream()
                .filter(resource -> GraphDocs.schema().type(resource.typeName()).isPresent())
                .map(GraphDocs.Resource::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleNames")
    void documentedExampleMatchesTheDocumentedSchemaApartFromListedDocumentationMistakes(String name) {
        GraphDocs.Example example = GraphDocs.example(name);

        ShapeReport report = GraphDocs.shapes(GraphShapeAssert.Strictness.DOCUMENTATION_EXAMPLE)
                .check(name, example.body(), example.expect());

        assertThat(report.violations()).as(name).containsExactlyInAnyOrderElementsOf(example.knownDiscrepancies());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resourceNames")
    void resourcePagePropertiesAreMetadataPropertiesOfACompatibleKind(String name) {
        GraphDocs.Resource resource = GraphDocs.resources().get(name);
        GraphSchema schema = GraphDocs.schema();
        List<String> mismatches = new ArrayList<>();

        resource.properties().properties().forEach(field -> {
            String property = field.getKey();
            String documentedKind = field.getValue().path("kind").asText();
            schema.property(resource.typeName(), property).ifPresentOrElse(
                    declared -> {
                        String metadataKind = jsonKind(schema, declared);
                        if (!metadataKind.equals(documentedKind)) {
                            mismatches.add(property + ": page says " + documentedKind + ", metadata says "
                                    + metadataKind + " (" + declared.type() + ")");
                        }
                    },
                    () -> mismatches.add(property + ": not in the metadata of " + resource.typeName()));
        });

        assertThat(mismatches).as(name).containsExactlyInAnyOrderElementsOf(resource.knownDiscrepancies());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allResourceNames")
    void storedPropertyKindsAreTheOnesTheJsonRepresentationShows(String name) {
        JsonNode fixture = GraphDocs.resourceFixture(name);
        JsonNode representation = fixture.path("jsonRepresentation");
        List<String> differences = new ArrayList<>();

        representation.properties().forEach(field -> {
            if (!field.getKey().startsWith("@odata.")) {
                String shown = representationKind(field.getValue());
                String stored = fixture.path("properties").path(field.getKey()).path("kind").asText("missing");
                if (!shown.equals(stored)) {
                    differences.add(field.getKey() + ": representation shows " + shown + ", properties say " + stored);
                }
            }
        });

        assertThat(fixture.path("properties").size()).as(name).isPositive();
        assertThat(differences).as(name).isEmpty();
    }

    static Stream<String> allResourceNames() {
        return GraphDocs.resources().keySet().stream();
    }

    /**
     * Resource pages write a property's type as a sample value: "String (timestamp)", "Int32",
     * true, 1024, ["String"], or {"@odata.type": "microsoft.graph.x"} (an enum when x is one).
     */
    private static String representationKind(JsonNode sample) {
        if (sample.isBoolean()) {
            return "boolean";
        }
        if (sample.isNumber()) {
            return "number";
        }
        if (sample.isArray()) {
            return "array";
        }
        if (sample.isObject()) {
            String type = sample.path("@odata.type").asText().replaceFirst("^#", "");
            return GraphDocs.schema().isEnum(type) ? "string" : "object";
        }
        String head = sample.asText().split("[ (]")[0].toLowerCase();
        return switch (head) {
            case "int16", "int32", "int64", "integer", "int", "double", "single", "decimal", "byte", "number",
                 "float" -> "number";
            case "boolean" -> "boolean";
            default -> "string";
        };
    }

    @Test
    void theErrorResourceRepresentationIsAnErrorBodyTheComparatorAccepts() {
        GraphDocs.Resource error = GraphDocs.resources().get("odata-error");
        var body = GraphDocs.JSON.createObjectNode();
        var inner = body.putObject("error");
        error.properties().properties().forEach(field -> {
            if (field.getValue().path("kind").asText().equals("object")) {
                inner.putObject(field.getKey());
            } else {
                inner.put(field.getKey(), "documented " + field.getKey());
            }
        });

        ShapeReport report = GraphDocs.shapes(GraphShapeAssert.Strictness.SERVICE)
                .check("odata.error representation", body, GraphShapeAssert.Expect.error());

        assertThat(error.properties().size()).isEqualTo(3);
        assertThat(report.violations()).isEmpty();
    }

    @Test
    void everyFixtureNamesTheRepositoryPathAndCommitItWasReadFrom() {
        List<JsonNode> sources = new ArrayList<>();
        GraphDocs.examples().values().forEach(e -> sources.add(e.source()));
        GraphDocs.resources().values().forEach(r -> sources.add(r.source()));
        sources.add(GraphDocs.schema().source());

        assertThat(sources).allSatisfy(source -> {
            assertThat(source.path("repository").asText()).startsWith("microsoftgraph/");
            assertThat(source.path("path").asText()).isNotBlank();
            boolean pinned = source.path("commit").asText().matches("[0-9a-f]{40}");
            assertThat(pinned || source.path("indexFileId").isTextual()).as(source.toString()).isTrue();
        });
    }

    /** The JSON kind a property of this declared type takes on the wire. */
    private static String jsonKind(GraphSchema schema, GraphSchema.Property property) {
        if (property.isCollection()) {
            return "array";
        }
        String type = property.type();
        return switch (type) {
            case "Edm.Boolean" -> "boolean";
            case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte", "Edm.Double", "Edm.Single",
                 "Edm.Decimal" -> "number";
            default -> type.startsWith("Edm.") || schema.isEnum(type) ? "string" : "object";
        };
    }
}
