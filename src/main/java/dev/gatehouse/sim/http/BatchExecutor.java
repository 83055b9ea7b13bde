package dev.gatehouse.sim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireRequest;
import dev.gatehouse.sim.wire.WireResponse;
import dev.gatehouse.sim.wire.Wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * JSON batching ({@code POST /$batch}): up to 20 requests with unique ids, each run through the same
 * pipeline (authentication, faults, routing) as a request on the wire, inheriting the batch's
 * {@code Authorization}. Requests run one after another in an order that honours {@code dependsOn}; a
 * request whose dependency failed is answered 424. A malformed batch is answered 400 as a whole.
 */
final class BatchExecutor {

    private static final int MAX_REQUESTS = 20;

    private record Step(String id, String method, String url, Map<String, String> headers, JsonNode body,
                        List<String> dependsOn) {
    }

    private final Function<WireRequest, WireResponse> pipeline;

    BatchExecutor(Function<WireRequest, WireResponse> pipeline) {
        this.pipeline = pipeline;
    }

    WireResponse execute(WireRequest batch) {
        List<Step> steps = order(parse(batch));
        Map<String, WireResponse> done = new HashMap<>();
        ArrayNode responses = Wire.array();
        for (Step step : steps) {
            String failed = step.dependsOn().stream()
                    .filter(id -> done.get(key(id)).failed()).findFirst().orElse(null);
            WireResponse response = failed != null ? failedDependency(failed, batch) : run(step, batch);
            done.put(key(step.id()), response);
            responses.add(entry(step.id(), response));
        }
        ObjectNode body = Wire.object();
        body.set("responses", responses);
        return WireResponse.json(200, body);
    }

    private WireResponse run(Step step, WireRequest batch) {
        String url = step.url().replaceFirst("^/+", "");
        if (url.startsWith("http:") || url.startsWith("https:")) {
            return singleError(400, "BadRequest", "The url of a batch request must be relative to the service root, "
                    + "e.g. /users.", batch);
        }
        if (step.body() != null && !step.headers().keySet().stream().anyMatch("Content-Type"::equalsIgnoreCase)) {
            return singleError(400, "BadRequest", "A batch request with a body needs a Content-Type header.", batch);
        }
        Map<String, String> headers = new LinkedHashMap<>(step.headers());
        if (headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            batch.header("Authorization").ifPresent(auth -> headers.put("Authorization", auth));
        }
        int question = url.indexOf('?');
        String path = question < 0 ? url : url.substring(0, question);
        String query = question < 0 ? null : url.substring(question + 1);
        byte[] body = step.body() == null ? null : step.body().toString().getBytes(StandardCharsets.UTF_8);
        WireRequest inner = WireRequest.parse(step.method(), path, query, headers, body,
                UUID.randomUUID().toString(), true);
        return pipeline.apply(inner);
    }

    private static ObjectNode entry(String id, WireResponse response) {
        ObjectNode entry = Wire.object();
        entry.put("id", id);
        entry.put("status", response.status());
        ObjectNode headers = entry.putObject("headers");
        response.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("request-id") && !name.equalsIgnoreCase("client-request-id")) {
                headers.put(name, value);
            }
        });
        if (response.json() != null) {
            entry.set("body", response.json());
        } else if (response.text() != null) {
            entry.put("body", response.text());
        }
        return entry;
    }

    private static WireResponse failedDependency(String dependency, WireRequest batch) {
        return singleError(424, "FailedDependency", "The request was not run because request '" + dependency
                + "' it depends on failed.", batch);
    }

    private static WireResponse singleError(int status, String code, String message, WireRequest batch) {
        return GraphErrorBodies.of(new GraphException(status, code, message), batch, Instant.now());
    }

    private static List<Step> parse(WireRequest batch) {
        JsonNode root;
        try {
            root = Wire.MAPPER.readTree(batch.body());
        } catch (IOException e) {
            throw GraphException.badRequest("Invalid batch payload format: the body is not JSON.");
        }
        if (root == null || !root.path("requests").isArray()) {
            throw GraphException.badRequest("Invalid batch payload format: a 'requests' array is required.");
        }
        JsonNode requests = root.get("requests");
        if (requests.size() > MAX_REQUESTS) {
            throw GraphException.badRequest("Invalid batch payload format: a batch holds at most " + MAX_REQUESTS
                    + " requests, this one has " + requests.size() + ".");
        }
        List<Step> steps = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode request : requests) {
            String id = required(request, "id");
            if (!ids.add(key(id))) {
                throw GraphException.badRequest("Invalid batch payload format: the request id '" + id
                        + "' is used more than once.");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            request.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
            List<String> dependsOn = new ArrayList<>();
            request.path("dependsOn").forEach(d -> dependsOn.add(d.asText()));
            JsonNode body = request.hasNonNull("body") ? request.get("body") : null;
            steps.add(new Step(id, required(request, "method").toUpperCase(Locale.ROOT), required(request, "url"),
                    headers, body, dependsOn));
        }
        for (Step step : steps) {
            for (String dependency : step.dependsOn()) {
                if (!ids.contains(key(dependency))) {
                    throw GraphException.badRequest("Invalid batch payload format: request '" + step.id()
                            + "' depends on '" + dependency + "', which is not in the batch.");
                }
            }
        }
        return steps;
    }

    /** Request order, moving a request after the ones it depends on; a dependency cycle is a malformed batch. */
    private static List<Step> order(List<Step> steps) {
        List<Step> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<Step> pending = new ArrayList<>(steps);
        while (!pending.isEmpty()) {
            Step ready = pending.stream()
                    .filter(s -> s.dependsOn().stream().allMatch(d -> placed.contains(key(d))))
                    .findFirst()
                    .orElseThrow(() -> GraphException.badRequest(
                            "Invalid batch payload format: the dependsOn references form a cycle."));
            pending.remove(ready);
            ordered.add(ready);
            placed.add(key(ready.id()));
        }
        return ordered;
    }

    private static String required(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw GraphException.badRequest("Invalid batch payload format: every request needs '" + field + "'.");
        }
        return value.asText();
    }

    /** Batch ids are not case-sensitive. */
    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
