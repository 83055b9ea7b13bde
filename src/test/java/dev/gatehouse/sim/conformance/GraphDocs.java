package dev.gatehouse.sim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The fixtures in {@code src/test/resources/dev/gatehouse/sim/graph-docs}: documented example
 * responses, resource JSON representations and the v1.0 schema (see the README there).
 */
final class GraphDocs {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "/dev/gatehouse/sim/graph-docs/";

    /** One documented example response, as stored in {@code examples/<name>.json}. */
    record Example(String name, JsonNode source, String request, int status, GraphShapeAssert.Expect expect,
                   JsonNode body, List<String> knownDiscrepancies) {
    }

    /** One resource page's JSON representation, as stored in {@code resources/<name>.json}. */
    record Resource(String name, JsonNode source, String odataType, JsonNode properties,
                    List<String> knownDiscrepancies) {
        String typeName() {
            return odataType.startsWith("#") ? odataType.substring(1) : odataType;
        }
    }

    private static GraphSchema schema;
    private static Map<String, Example> examples;
    private static Map<String, Resource> resources;

    private GraphDocs() {
    }

    static synchronized GraphSchema schema() {
        if (schema == null) {
            schema = new GraphSchema(read(ROOT + "metadata/schema-v1.0.json"));
        }
        return schema;
    }

    static GraphShapeAssert shapes(GraphShapeAssert.Strictness strictness) {
        return new GraphShapeAssert(schema(), strictness);
    }

    static synchronized Map<String, Example> examples() {
        if (examples == null) {
            examples = load("examples", (name, node) -> {
                JsonNode expect = node.path("expect");
                return new Example(name, node.path("source"), node.path("request").asText(null),
                        node.path("response").path("status").asInt(),
                        new GraphShapeAssert.Expect(expect.path("shape").asText(), expect.path("type").asText(null)),
                        node.path("example"), strings(node.path("knownDiscrepancies")));
            });
        }
        return examples;
    }

    static Example example(String name) {
        Example example = examples().get(name);
        if (example == null) {
            throw new IllegalArgumentException("no documentation example named " + name);
        }
        return example;
    }

    static synchronized Map<String, Resource> resources() {
        if (resources == null) {
            resources = load("resources", (name, node) -> new Resource(name, node.path("source"),
                    node.path("odataType").asText(), node.path("properties"), strings(node.path("knownDiscrepancies"))));
        }
        return resources;
    }

    /** Every {@code <folder>/<name>.json}, parsed, by name. */
    private static <T> Map<String, T> load(String folder, BiFunction<String, JsonNode, T> parse) {
        Map<String, T> loaded = new TreeMap<>();
        for (Path file : files(folder)) {
            String name = file.getFileName().toString().replace(".json", "");
            loaded.put(name, parse.apply(name, read(file)));
        }
        return loaded;
    }

    /** The raw resource fixture, with its verbatim JSON representation. */
    static JsonNode resourceFixture(String name) {
        return read(ROOT + "resources/" + name + ".json");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<Path> files(String folder) {
        try (Stream<Path> listing = Files.list(Path.of(GraphDocs.class.getResource(ROOT + folder).toURI()))) {
            return listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String classpathResource) {
        try (var in = GraphDocs.class.getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + classpathResource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable fixture " + file, e);
        }
    }
}
