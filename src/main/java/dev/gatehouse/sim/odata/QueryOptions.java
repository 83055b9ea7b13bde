package dev.gatehouse.sim.odata;

import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OData system query options of one request. Graph accepts them with or without the '$' prefix and
 * in any case; unknown '$' options are rejected.
 *
 * @param eventual true when the request carries {@code ConsistencyLevel: eventual}
 */
public record QueryOptions(String filter, List<String> select, List<String> expand, String top, String skipToken,
                           boolean count, String search, List<Order> orderBy, boolean eventual,
                           List<Map.Entry<String, String>> carriedParameters) {

    public record Order(String property, boolean descending) {
    }

    private static final Set<String> SYSTEM = Set.of("filter", "select", "expand", "top", "skiptoken", "count",
            "search", "orderby", "skip", "format");

    public static QueryOptions from(WireRequest request) {
        String filter = null;
        String search = null;
        String top = null;
        String skipToken = null;
        boolean count = false;
        List<String> select = null;
        List<String> expand = List.of();
        List<Order> orderBy = List.of();
        List<Map.Entry<String, String>> carried = new ArrayList<>();
        for (Map.Entry<String, String> parameter : request.query()) {
            String raw = parameter.getKey();
            String name = raw.startsWith("$") ? raw.substring(1).toLowerCase(Locale.ROOT) : raw.toLowerCase(Locale.ROOT);
            if (!SYSTEM.contains(name)) {
                if (raw.startsWith("$")) {
                    throw GraphException.badRequest("The query parameter '" + raw + "' is not supported.");
                }
                carried.add(parameter);
                continue;
            }
            String value = parameter.getValue();
            switch (name) {
                case "filter" -> filter = value;
                case "search" -> search = value;
                case "top" -> top = value.trim();
                case "skiptoken" -> skipToken = value;
                case "count" -> count = parseCount(value);
                case "select" -> select = names(value);
                case "expand" -> expand = names(value);
                case "orderby" -> orderBy = orders(value);
                default -> {
                    // $skip and $format are accepted and ignored, as Graph ignores them on directory collections
                }
            }
            if (!name.equals("skiptoken")) {
                carried.add(parameter);
            }
        }
        boolean eventual = request.header("ConsistencyLevel").map(v -> v.trim().equalsIgnoreCase("eventual"))
                .orElse(false);
        return new QueryOptions(filter, select, expand, top, skipToken, count, search, orderBy, eventual,
                List.copyOf(carried));
    }

    /** Both advanced query parameters: the header and {@code $count=true}. */
    public boolean advanced() {
        return eventual && count;
    }

    /** The query string to repeat on a next-page link, with the new skip token appended. */
    public String nextLinkQuery(String newSkipToken) {
        List<String> pairs = carriedParameters.stream()
                .map(p -> encodeName(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.toCollection(ArrayList::new));
        pairs.add("$skiptoken=" + encode(newSkipToken));
        return String.join("&", pairs);
    }

    private static String encodeName(String name) {
        return encode(name).replace("%24", "$");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean parseCount(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw GraphException.badRequest("Invalid value '" + value + "' for $count: use true or false.");
        };
    }

    private static List<String> names(String value) {
        List<String> names = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static List<Order> orders(String value) {
        List<Order> orders = new ArrayList<>();
        for (String part : value.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words[0].isEmpty() || words.length > 2) {
                throw GraphException.badRequest("Invalid $orderby expression '" + value + "'.");
            }
            boolean descending = false;
            if (words.length == 2) {
                String direction = words[1].toLowerCase(Locale.ROOT);
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    throw GraphException.badRequest("Invalid $orderby expression '" + value + "'.");
                }
                descending = direction.equals("desc");
            }
            orders.add(new Order(words[0], descending));
        }
        return List.copyOf(orders);
    }
}
