package dev.gatehouse.domain.procedure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the admin answered in a procedure's forms so far, by name ("choices", "accountCount"). Kept as JSON, so any
 * procedure's answers survive a restart and a newer version of Gatehouse, and a {@code Secret} put here by mistake
 * is stored only as "withheld" (its serialiser never writes the value). Immutable.
 */
public final class Answers {

    private static final ObjectMapper JSON = ProgressJson.mapper();

    private final ObjectNode values;

    private Answers(ObjectNode values) {
        this.values = values;
    }

    public static Answers none() {
        return new Answers(JSON.createObjectNode());
    }

    @JsonCreator
    static Answers fromJson(ObjectNode values) {
        return new Answers(values == null ? JSON.createObjectNode() : values.deepCopy());
    }

    @JsonValue
    ObjectNode toJson() {
        return values.deepCopy();
    }

    /** These answers with {@code name} set to {@code value} (any record or value Jackson can write). */
    public Answers with(String name, Object value) {
        ObjectNode copy = values.deepCopy();
        copy.set(name, JSON.valueToTree(value));
        return new Answers(copy);
    }

    public Answers without(String name) {
        ObjectNode copy = values.deepCopy();
        copy.remove(name);
        return new Answers(copy);
    }

    /** Every answer of {@code other} on top of these. */
    public Answers merge(Answers other) {
        ObjectNode copy = values.deepCopy();
        copy.setAll(other.values.deepCopy());
        return new Answers(copy);
    }

    /**
     * The answer {@code name} as {@code type}; empty when there is none. An answer saved by another version that no
     * longer reads as {@code type} fails with a message naming it, rather than being silently dropped.
     */
    public <T> Optional<T> get(String name, Class<T> type) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.treeToValue(value, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The saved answer '" + name + "' cannot be read as "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public boolean has(String name) {
        return values.hasNonNull(name);
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            names.add(it.next().getKey());
        }
        return names;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Answers answers && answers.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
