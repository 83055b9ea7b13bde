package dev.gatehouse.sim.http;

import dev.gatehouse.sim.wire.GraphException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The routing table of the v1.0 API: patterns such as {@code /users/{userId}/authentication/fido2Methods/{methodId}}.
 * Literal segments match case-insensitively, as on Graph; {@code {name}} matches one segment. When several
 * patterns match, the one with more literal segments wins. Unknown paths answer Graph's 400 "Resource not
 * found for the segment", known paths with another method 405.
 */
public final class Router {

    private record Route(String method, String pattern, List<String> segments, Endpoint endpoint) {
        int literals() {
            return (int) segments.stream().filter(s -> !variable(s)).count();
        }
    }

    /** A matched route with its path variables. */
    public record Match(Endpoint endpoint, Map<String, String> variables, String pattern) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router get(String pattern, Endpoint endpoint) {
        return add("GET", pattern, endpoint);
    }

    public Router post(String pattern, Endpoint endpoint) {
        return add("POST", pattern, endpoint);
    }

    public Router patch(String pattern, Endpoint endpoint) {
        return add("PATCH", pattern, endpoint);
    }

    public Router put(String pattern, Endpoint endpoint) {
        return add("PUT", pattern, endpoint);
    }

    public Router delete(String pattern, Endpoint endpoint) {
        return add("DELETE", pattern, endpoint);
    }

    public Router add(String method, String pattern, Endpoint endpoint) {
        List<String> segments = List.of(pattern.replaceFirst("^/", "").split("/"));
        routes.add(new Route(method.toUpperCase(Locale.ROOT), pattern, segments, endpoint));
        return this;
    }

    public Match match(String method, List<String> path) {
        List<Route> candidates = routes.stream().filter(r -> matches(r.segments(), path))
                .sorted(Comparator.comparingInt(Route::literals).reversed()).toList();
        if (candidates.isEmpty()) {
            throw GraphException.segmentNotFound(unknownSegment(path));
        }
        for (Route route : candidates) {
            if (route.method().equals(method)) {
                return new Match(route.endpoint(), variables(route.segments(), path), route.pattern());
            }
        }
        throw GraphException.methodNotAllowed();
    }

    private static boolean matches(List<String> pattern, List<String> path) {
        if (pattern.size() != path.size()) {
            return false;
        }
        for (int i = 0; i < pattern.size(); i++) {
            if (!variable(pattern.get(i)) && !pattern.get(i).equalsIgnoreCase(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The first segment no route's prefix accepts: what Graph names in its error. */
    private String unknownSegment(List<String> path) {
        for (int length = 1; length <= path.size(); length++) {
            List<String> prefix = path.subList(0, length);
            boolean known = routes.stream().anyMatch(r -> r.segments().size() >= prefix.size()
                    && matches(r.segments().subList(0, prefix.size()), prefix));
            if (!known) {
                return path.get(length - 1);
            }
        }
        return path.isEmpty() ? "" : path.get(path.size() - 1);
    }

    private static Map<String, String> variables(List<String> pattern, List<String> path) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            if (variable(pattern.get(i))) {
                variables.put(pattern.get(i).substring(1, pattern.get(i).length() - 1), path.get(i));
            }
        }
        return variables;
    }

    private static boolean variable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}
