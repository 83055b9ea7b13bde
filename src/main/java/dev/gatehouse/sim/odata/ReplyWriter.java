package dev.gatehouse.sim.odata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireRequest;
import dev.gatehouse.sim.wire.WireResponse;
import dev.gatehouse.sim.wire.Wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Applies a request's query options to a {@link Reply} and writes Graph's JSON: {@code @odata.context},
 * {@code @odata.count}, {@code @odata.nextLink} (absolute, on the sim's own service root), {@code value},
 * the default property set or {@code $select}, and {@code @odata.type} where an item's type differs from
 * the declared one.
 */
public final class ReplyWriter {

    private static final String ADVANCED_HINT = " is not supported because the required parameters might be missing. "
            + "Try adding $count=true query parameter and ConsistencyLevel:eventual header. "
            + "Refer to https://aka.ms/graph-docs/advanced-queries for more information";

    private final String serviceRoot;

    /** @param serviceRoot e.g. {@code http://127.0.0.1:8080/v1.0} */
    public ReplyWriter(String serviceRoot) {
        this.serviceRoot = serviceRoot;
    }

    /** @param countSegment true when the path ended in {@code /$count} */
    public WireResponse write(Reply reply, WireRequest request, boolean countSegment) {
        QueryOptions options = QueryOptions.from(request);
        if (reply instanceof Reply.Raw raw) {
            return raw.response();
        }
        if (reply instanceof Reply.Created created) {
            return WireResponse.json(201, entity(created.entity(), options));
        }
        if (reply instanceof Reply.Entity<?> entity) {
            if (countSegment) {
                throw GraphException.segmentNotFound("$count");
            }
            return WireResponse.json(200, entity(entity, options));
        }
        return collection((Reply.Collection<?>) reply, request, options, countSegment);
    }

    private <T> ObjectNode entity(Reply.Entity<T> reply, QueryOptions options) {
        checkSelect(reply.shape(), options);
        checkExpand(reply.expansions().keySet(), reply.declaredType(), options);
        ObjectNode body = Wire.object();
        body.put("@odata.context", context(reply.context(), options) + "/$entity");
        body.setAll(item(reply.shape(), reply.entity(), reply.declaredType(), options, reply.expansions()));
        return body;
    }

    private <T> WireResponse collection(Reply.Collection<T> reply, WireRequest request, QueryOptions options,
                                         boolean countSegment) {
        EntityShape<T> shape = reply.shape();
        QueryCapabilities capabilities = shape.capabilities();
        SearchQuery search = search(shape, options);
        Filter filter = filter(reply, options);
        List<QueryOptions.Order> orderBy = orderBy(reply, options);
        checkSelect(shape, options);
        checkExpand(reply.expansions().keySet(), reply.declaredType(), options);
        if (countSegment && capabilities.directory() && !options.eventual()) {
            throw new GraphException(400, "Request_BadRequest", "$count is not currently supported.");
        }

        List<T> matching;
        if (filter == null && search == null) {
            matching = new ArrayList<>(reply.items());
        } else {
            matching = new ArrayList<>();
            for (T item : reply.items()) {
                Function<String, JsonNode> properties = name -> shape.value(item, name);
                if ((search == null || search.matches(properties, capabilities.tokenSearched()))
                        && (filter == null || FilterEvaluator.matches(filter, properties))) {
                    matching.add(item);
                }
            }
        }
        if (countSegment) {
            return WireResponse.text(200, Integer.toString(matching.size()));
        }
        if (!orderBy.isEmpty()) {
            matching.sort(comparator(shape, orderBy));
        }

        int offset = offset(options.skipToken());
        int size = pageSize(reply.paging(), options, capabilities, matching.size());
        int end = Math.min(matching.size(), offset + size);
        ObjectNode body = Wire.object();
        body.put("@odata.context", context(reply.context(), options));
        if (options.count() && (options.eventual() || !capabilities.directory())) {
            body.put("@odata.count", matching.size());
        }
        if (end < matching.size()) {
            body.put("@odata.nextLink", serviceRoot + request.path() + "?" + options.nextLinkQuery(skipToken(end)));
        }
        ArrayNode value = body.putArray("value");
        for (T item : matching.subList(Math.min(offset, matching.size()), end)) {
            value.add(item(shape, item, reply.declaredType(), options, reply.expansions()));
        }
        return WireResponse.json(200, body);
    }

    private <T> ObjectNode item(EntityShape<T> shape, T entity, String declaredType, QueryOptions options,
                                java.util.Map<String, Function<T, JsonNode>> expansions) {
        ObjectNode node = Wire.object();
        String concrete = shape.concreteType(entity);
        if (!concrete.equals(declaredType)) {
            node.put("@odata.type", "#" + concrete);
        }
        List<String> properties = options.select() != null ? options.select() : shape.defaultProperties(entity);
        for (String property : properties) {
            JsonNode value = shape.value(entity, property);
            if (!value.isMissingNode()) {
                node.set(property, value);
            }
        }
        for (String name : options.expand()) {
            node.set(navigation(name), expansions.get(name).apply(entity));
        }
        return node;
    }

    /** The property an {@code $expand} item fills: {@code policy} for {@code policy($expand=rules)}. */
    private static String navigation(String expandItem) {
        int options = expandItem.indexOf('(');
        return options < 0 ? expandItem : expandItem.substring(0, options);
    }

    /** As Graph writes it into {@code @odata.context}: {@code policy()}, or {@code policy(rules())} when nested. */
    private static String contextItem(String expandItem) {
        String nested = expandItem.length() > navigation(expandItem).length() + "($expand=".length()
                ? expandItem.substring(navigation(expandItem).length() + "($expand=".length(), expandItem.length() - 1)
                : "";
        return navigation(expandItem) + "(" + (nested.isEmpty() ? "" : nested + "()") + ")";
    }

    private String context(String fragment, QueryOptions options) {
        List<String> selection = new ArrayList<>();
        if (options.select() != null) {
            selection.addAll(options.select());
        }
        options.expand().forEach(name -> selection.add(contextItem(name)));
        String suffix = selection.isEmpty() ? "" : "(" + String.join(",", selection) + ")";
        return serviceRoot + "/$metadata#" + fragment + suffix;
    }

    private static <T> SearchQuery search(EntityShape<T> shape, QueryOptions options) {
        if (options.search() == null) {
            return null;
        }
        if (!shape.capabilities().directory()) {
            throw GraphException.badRequest("The query parameter '$search' is not supported on this collection.");
        }
        if (!options.eventual()) {
            throw GraphException.unsupportedQuery("Request with $search query parameter only works through MSGraph "
                    + "with a special request header: 'ConsistencyLevel: eventual'");
        }
        SearchQuery search = SearchQuery.parse(options.search());
        for (String property : search.properties()) {
            if (!shape.declares(property)) {
                throw GraphException.propertyNotFound(property, shape.typeName());
            }
        }
        return search;
    }

    private static <T> Filter filter(Reply.Collection<T> reply, QueryOptions options) {
        if (options.filter() == null || options.filter().isBlank()) {
            return null;
        }
        Filter filter = FilterParser.parse(options.filter());
        if (reply.relationship() && !options.advanced()) {
            throw GraphException.unsupportedQuery("The specified filter to the reference property query is currently "
                    + "not supported.");
        }
        new FilterCheck(reply.shape(), options).check(filter);
        return filter;
    }

    private static <T> List<QueryOptions.Order> orderBy(Reply.Collection<T> reply, QueryOptions options) {
        EntityShape<T> shape = reply.shape();
        QueryCapabilities capabilities = shape.capabilities();
        for (QueryOptions.Order order : options.orderBy()) {
            if (!shape.declares(order.property())) {
                throw GraphException.propertyNotFound(order.property(), shape.typeName());
            }
            if (capabilities.directory()) {
                QueryCapabilities.Level level = capabilities.orderable().get(order.property());
                boolean needsAdvanced = level != QueryCapabilities.Level.DEFAULT || options.filter() != null
                        || reply.relationship();
                if (level == null || needsAdvanced && !options.advanced()) {
                    throw GraphException.unsupportedQuery("Sorting not supported for current query.");
                }
            }
        }
        return options.orderBy();
    }

    private static <T> void checkSelect(EntityShape<T> shape, QueryOptions options) {
        if (options.select() == null) {
            return;
        }
        for (String property : options.select()) {
            if (!shape.declares(property)) {
                throw GraphException.propertyNotFound(property, shape.typeName());
            }
        }
    }

    private static void checkExpand(java.util.Set<String> expandable, String declaredType, QueryOptions options) {
        for (String name : options.expand()) {
            if (!expandable.contains(name)) {
                throw GraphException.propertyNotFound(name, declaredType);
            }
        }
    }

    private static <T> Comparator<T> comparator(EntityShape<T> shape, List<QueryOptions.Order> orderBy) {
        Comparator<T> comparator = null;
        for (QueryOptions.Order order : orderBy) {
            Comparator<T> next = Comparator.comparing(item -> sortKey(shape.value(item, order.property())),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            if (order.descending()) {
                next = next.reversed();
            }
            comparator = comparator == null ? next : comparator.thenComparing(next);
        }
        return comparator;
    }

    private static String sortKey(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? null : value.asText().toLowerCase(Locale.ROOT);
    }

    private static int pageSize(Reply.Paging paging, QueryOptions options, QueryCapabilities capabilities, int total) {
        if (paging == null) {
            return Math.max(total, 1);
        }
        if (options.top() == null) {
            return paging.defaultSize();
        }
        int top;
        try {
            top = Integer.parseInt(options.top());
        } catch (NumberFormatException e) {
            top = -1;
        }
        if (top < 1 || top > paging.maxSize()) {
            throw GraphException.unsupportedQuery("Invalid page size specified: '" + options.top()
                    + "'. Must be between 1 and " + paging.maxSize() + " inclusive.");
        }
        return top;
    }

    static String skipToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("sim-page:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        if (token == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("sim-page:")) {
                int offset = Integer.parseInt(decoded.substring("sim-page:".length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to Graph's answer for a token it cannot use
        }
        throw new GraphException(400, "Directory_ExpiredPageToken",
                "The specified page token value has expired and can no longer be included in your request.");
    }

    /** Checks property names and operators against the entity type and Graph's advanced-query rules. */
    private static final class FilterCheck {
        private final EntityShape<?> shape;
        private final QueryOptions options;
        private final java.util.Set<String> variables = new java.util.HashSet<>();

        FilterCheck(EntityShape<?> shape, QueryOptions options) {
            this.shape = shape;
            this.options = options;
        }

        void check(Filter filter) {
            if (filter instanceof Filter.And and) {
                check(and.left());
                check(and.right());
            } else if (filter instanceof Filter.Or or) {
                check(or.left());
                check(or.right());
            } else if (filter instanceof Filter.Not not) {
                requireAdvanced("not");
                check(not.inner());
            } else if (filter instanceof Filter.Compare compare) {
                if (compare.op().equals("ne")) {
                    requireAdvanced("ne");
                }
                operand(compare.left());
                operand(compare.right());
            } else if (filter instanceof Filter.In in) {
                operand(in.left());
            } else if (filter instanceof Filter.Call call) {
                if (shape.capabilities().directory()) {
                    if (call.function().equals("contains")) {
                        throw unsupportedProperty(call.arguments().get(0));
                    }
                    if (call.function().equals("endswith")) {
                        requireAdvanced("endsWith");
                    }
                }
                call.arguments().forEach(this::operand);
            } else if (filter instanceof Filter.Lambda lambda) {
                operand(lambda.collection());
                if (lambda.body() != null) {
                    variables.add(lambda.variable());
                    check(lambda.body());
                    variables.remove(lambda.variable());
                }
            }
        }

        private void operand(Filter.Operand operand) {
            if (!(operand instanceof Filter.Operand.Path path) || variables.contains(path.root())) {
                return;
            }
            if (!shape.declares(path.root())) {
                throw GraphException.propertyNotFound(path.root(), shape.typeName());
            }
            QueryCapabilities capabilities = shape.capabilities();
            if (capabilities.openFiltering()) {
                return;
            }
            QueryCapabilities.Level level = capabilities.filterable().get(path.root());
            if (level == null || level == QueryCapabilities.Level.ADVANCED && !options.advanced()) {
                throw unsupportedProperty(path);
            }
        }

        private GraphException unsupportedProperty(Filter.Operand operand) {
            String name = operand instanceof Filter.Operand.Path path ? path.root() : String.valueOf(operand);
            return GraphException.unsupportedQuery("Unsupported or invalid query filter clause specified for property '"
                    + name + "' of resource '" + shape.capabilities().resourceName() + "'.");
        }

        private void requireAdvanced(String operator) {
            if (shape.capabilities().directory() && !options.advanced()) {
                throw GraphException.unsupportedQuery("Operator '" + operator + "'" + ADVANCED_HINT);
            }
        }
    }
}
