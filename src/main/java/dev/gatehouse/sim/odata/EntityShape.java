package dev.gatehouse.sim.odata;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * How one Graph entity type looks on the wire and what queries it supports: the generic OData layer
 * (filter, search, select, order, paging) works on any collection through this description.
 *
 * @param <T> the sim's representation of the entity
 */
public interface EntityShape<T> {

    /** Qualified type name without '#', e.g. {@code microsoft.graph.user}. */
    String typeName();

    /** Whether the type (or, for a base type, one of its derived types) has this property. */
    boolean declares(String property);

    /** The property's wire value; {@code MissingNode} when the entity's concrete type lacks it. */
    JsonNode value(T entity, String property);

    /** The properties sent without {@code $select}, in Graph's order. */
    List<String> defaultProperties(T entity);

    /** The entity's concrete type, e.g. {@code microsoft.graph.group} inside a directoryObject collection. */
    default String concreteType(T entity) {
        return typeName();
    }

    QueryCapabilities capabilities();
}
