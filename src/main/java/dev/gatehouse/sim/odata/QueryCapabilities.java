package dev.gatehouse.sim.odata;

import java.util.Map;
import java.util.Set;

/**
 * What $filter, $orderby and $search may do on a collection, following Graph's "advanced query" rules for
 * directory objects: some operators and properties only work with {@code ConsistencyLevel: eventual} and
 * {@code $count=true}.
 *
 * @param resourceName  the name Graph prints in filter errors, e.g. {@code User}
 * @param directory     true for directory objects, where the advanced-query rules apply
 * @param filterable    property → whether filtering on it needs advanced query parameters
 * @param orderable     property → whether ordering by it needs advanced query parameters
 * @param tokenSearched properties $search matches word by word (others match by prefix)
 */
public record QueryCapabilities(String resourceName, boolean directory, Map<String, Level> filterable,
                                Map<String, Level> orderable, Set<String> tokenSearched) {

    public enum Level { DEFAULT, ADVANCED }

    public QueryCapabilities {
        filterable = Map.copyOf(filterable);
        orderable = Map.copyOf(orderable);
        tokenSearched = Set.copyOf(tokenSearched);
    }

    /** A non-directory collection where every declared property can be filtered and ordered. */
    public static QueryCapabilities open(String resourceName) {
        return new QueryCapabilities(resourceName, false, Map.of(), Map.of(), Set.of());
    }

    public boolean openFiltering() {
        return !directory && filterable.isEmpty();
    }
}
