package dev.gatehouse.sim.odata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An {@link EntityShape} for a typed sim record: an ordered table of property accessors. Properties the sim
 * does not model still belong to the table (answering null) so that {@code $select} behaves as on Graph.
 */
public final class TableShape<T> implements EntityShape<T> {

    private final String typeName;
    private final Map<String, Function<T, JsonNode>> properties;
    private final List<String> defaults;
    private final QueryCapabilities capabilities;

    private TableShape(String typeName, Map<String, Function<T, JsonNode>> properties, List<String> defaults,
                       QueryCapabilities capabilities) {
        this.typeName = typeName;
        this.properties = properties;
        this.defaults = defaults;
        this.capabilities = capabilities;
    }

    public static <T> Builder<T> builder(String typeName) {
        return new Builder<>(typeName);
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public boolean declares(String property) {
        return properties.containsKey(property);
    }

    @Override
    public JsonNode value(T entity, String property) {
        Function<T, JsonNode> accessor = properties.get(property);
        return accessor == null ? MissingNode.getInstance() : Objects.requireNonNull(accessor.apply(entity), property);
    }

    @Override
    public List<String> defaultProperties(T entity) {
        return defaults;
    }

    @Override
    public QueryCapabilities capabilities() {
        return capabilities;
    }

    public static final class Builder<T> {
        private final String typeName;
        private final Map<String, Function<T, JsonNode>> properties = new LinkedHashMap<>();
        private final List<String> defaults = new ArrayList<>();
        private QueryCapabilities capabilities;

        private Builder(String typeName) {
            this.typeName = typeName;
            this.capabilities = QueryCapabilities.open(typeName);
        }

        /** A property sent by default (without {@code $select}). */
        public Builder<T> property(String name, Function<T, JsonNode> accessor) {
            properties.put(name, accessor);
            defaults.add(name);
            return this;
        }

        /** A property sent only when selected. */
        public Builder<T> selectable(String name, Function<T, JsonNode> accessor) {
            properties.put(name, accessor);
            return this;
        }

        /** Declared properties the sim holds no data for; they answer null. */
        public Builder<T> unmodelled(String... names) {
            for (String name : names) {
                properties.putIfAbsent(name, entity -> NullNode.instance);
            }
            return this;
        }

        public Builder<T> capabilities(QueryCapabilities capabilities) {
            this.capabilities = capabilities;
            return this;
        }

        public TableShape<T> build() {
            return new TableShape<>(typeName, new LinkedHashMap<>(properties), List.copyOf(defaults), capabilities);
        }
    }
}
