package dev.gatehouse.sim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.wire.Wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads scenario files — bundled ({@code src/main/resources/dev/gatehouse/sim/scenarios/NAME.json}) or a
 * {@code .json} file on disk — and resolves {@code "extends"} (a bundled name, or a {@code .json} path relative
 * to the extending file): the child is merged onto its parent. Objects merge key by key; arrays of
 * objects merge element by element, matching on {@code id}, then {@code userPrincipalName}, then
 * {@code displayName} (an element with {@code "_remove": true} deletes its match, unmatched elements are
 * appended); other arrays are replaced. Fields listed in an object's {@code "$replace"} array are
 * replaced instead of merged.
 */
public final class ScenarioFiles {

    private static final List<String> IDENTITY_KEYS = List.of("id", "userPrincipalName", "displayName");
    private static final String ROOT = "/dev/gatehouse/sim/scenarios/";

    private ScenarioFiles() {
    }

    /**
     * The scenario document with its {@code extends} chain merged in.
     *
     * @param source a bundled scenario name, or the path of a {@code .json} file
     */
    public static ObjectNode read(String source) {
        return read(source, null, new HashSet<>());
    }

    private static ObjectNode read(String source, Path relativeTo, Set<String> seen) {
        Path file = source.endsWith(".json")
                ? (relativeTo == null ? Path.of(source) : relativeTo.resolveSibling(source)).toAbsolutePath().normalize()
                : null;
        String key = file == null ? source : file.toString();
        if (!seen.add(key)) {
            throw new IllegalArgumentException("Scenario '" + source + "' extends itself through " + seen);
        }
        ObjectNode document = parse(source, file);
        JsonNode parent = document.remove("extends");
        if (parent == null || parent.isNull()) {
            return document;
        }
        ObjectNode merged = read(parent.asText(), file, seen);
        merge(merged, document);
        return merged;
    }

    private static ObjectNode parse(String name, Path file) {
        try (InputStream in = file != null ? Files.newInputStream(file)
                : ScenarioFiles.class.getResourceAsStream(ROOT + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No scenario file " + name + ".json on the classpath");
            }
            JsonNode node = Wire.MAPPER.readTree(in);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException("Scenario file " + name + ".json must hold a JSON object");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Scenario file " + name + ".json is not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Scenario file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scenario file " + (file != null ? file : name + ".json"), e);
        }
    }

    /** Merges {@code child} into {@code target} in place, by the rules in the class comment. */
    static void merge(ObjectNode target, ObjectNode child) {
        Set<String> replace = new HashSet<>();
        child.path("$replace").forEach(n -> replace.add(n.asText()));
        Iterator<Map.Entry<String, JsonNode>> fields = child.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (key.equals("$replace")) {
                continue;
            }
            JsonNode value = field.getValue();
            JsonNode existing = target.get(key);
            if (replace.contains(key) || existing == null) {
                target.set(key, value.deepCopy());
            } else if (existing instanceof ObjectNode existingObject && value instanceof ObjectNode childObject) {
                merge(existingObject, childObject);
            } else if (existing instanceof ArrayNode existingArray && value instanceof ArrayNode childArray
                    && objects(childArray)) {
                mergeArray(existingArray, childArray);
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private static void mergeArray(ArrayNode target, ArrayNode child) {
        for (JsonNode element : child) {
            ObjectNode childElement = (ObjectNode) element;
            int match = indexOfMatch(target, childElement);
            if (childElement.path("_remove").asBoolean(false)) {
                if (match >= 0) {
                    target.remove(match);
                }
            } else if (match >= 0) {
                merge((ObjectNode) target.get(match), childElement);
            } else {
                target.add(childElement.deepCopy());
            }
        }
    }

    private static int indexOfMatch(ArrayNode target, ObjectNode element) {
        for (String key : IDENTITY_KEYS) {
            if (element.hasNonNull(key)) {
                String value = element.get(key).asText();
                for (int i = 0; i < target.size(); i++) {
                    if (target.get(i).path(key).asText().equalsIgnoreCase(value)) {
                        return i;
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    private static boolean objects(ArrayNode array) {
        for (JsonNode element : array) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }
}
