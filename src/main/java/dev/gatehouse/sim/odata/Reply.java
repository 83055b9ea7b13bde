package dev.gatehouse.sim.odata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.sim.wire.WireResponse;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What an endpoint hands back: an entity or a collection described by its shape (the OData layer then
 * applies the query options and writes Graph's JSON), or a finished response.
 */
public sealed interface Reply {

    /**
     * @param declaredType the type the path promises; items of another concrete type carry {@code @odata.type}
     * @param context      the {@code @odata.context} fragment after {@code $metadata#}, e.g. {@code users}
     * @param expansions   navigation properties {@code $expand} may ask for, by name
     */
    record Entity<T>(EntityShape<T> shape, T entity, String declaredType, String context,
                     Map<String, Function<T, JsonNode>> expansions) implements Reply {
        public Entity(EntityShape<T> shape, T entity, String context) {
            this(shape, entity, shape.typeName(), context, Map.of());
        }
    }

    /**
     * @param items        the whole collection; filtering, ordering and paging happen in the OData layer
     * @param paging       page sizes, or null when Graph returns the collection in one response
     * @param relationship true for navigation collections such as memberOf, where $filter needs advanced queries
     */
    record Collection<T>(EntityShape<T> shape, List<T> items, String declaredType, String context, Paging paging,
                         boolean relationship, Map<String, Function<T, JsonNode>> expansions) implements Reply {
        public Collection(EntityShape<T> shape, List<T> items, String context, Paging paging) {
            this(shape, items, shape.typeName(), context, paging, false, Map.of());
        }
    }

    record Raw(WireResponse response) implements Reply {
    }

    /** A newly created entity: {@code 201 Created} with the entity written as a GET would write it. */
    record Created(Entity<?> entity) implements Reply {
    }

    /** Default and maximum page size ({@code $top}) of a paged collection. */
    record Paging(int defaultSize, int maxSize) {
        /** Directory collections: 100 by default, {@code $top} up to 999. */
        public static final Paging DIRECTORY = new Paging(100, 999);
    }
}
