package dev.gatehouse.sim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireRequest;
import dev.gatehouse.sim.wire.WireResponse;
import dev.gatehouse.sim.wire.Wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The HTTP edge: sends {@code /v1.0/…} to the Graph pipeline and {@code /_demo/…} to the trainer controls;
 * anything else gets a JSON error, never an HTML page.
 */
public final class HttpFront implements HttpHandler {

    private static final String VERSION = "/v1.0";
    private static final String DEMO = "/_demo";
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final GraphPipeline graph;
    private final DemoEndpoints demo;

    public HttpFront(GraphPipeline graph, DemoEndpoints demo) {
        this.graph = graph;
        this.demo = demo;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            Map<String, String> headers = headers(exchange);
            String requestId = UUID.randomUUID().toString();
            byte[] body = body(exchange.getRequestBody());
            WireResponse response;
            if (under(rawPath, VERSION)) {
                response = graph.handle(WireRequest.parse(exchange.getRequestMethod(),
                        rawPath.substring(VERSION.length()), exchange.getRequestURI().getRawQuery(), headers, body,
                        requestId, false));
            } else if (under(rawPath, DEMO)) {
                response = demo.handle(WireRequest.parse(exchange.getRequestMethod(), rawPath.substring(DEMO.length()),
                        exchange.getRequestURI().getRawQuery(), headers, body, requestId, false));
            } else {
                WireRequest request = WireRequest.parse(exchange.getRequestMethod(), rawPath, null, headers, body,
                        requestId, false);
                response = GraphErrorBodies.of(new GraphException(404, "NotFound", "The demo tenant serves the Microsoft "
                        + "Graph v1.0 API under /v1.0 and its trainer controls under /_demo; '" + rawPath
                        + "' is neither."), request, Instant.now());
            }
            write(exchange, response);
        }
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return headers;
    }

    private static byte[] body(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new IOException("Request body larger than " + MAX_BODY + " bytes");
        }
        return body;
    }

    private static void write(HttpExchange exchange, WireResponse response) throws IOException {
        byte[] bytes = response.json() != null ? Wire.MAPPER.writeValueAsBytes(response.json())
                : response.text() != null ? response.text().getBytes(StandardCharsets.UTF_8) : new byte[0];
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (!exchange.getResponseHeaders().containsKey("Date")) {
            exchange.getResponseHeaders().set("Date",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)));
        }
        if (response.status() != 204 && bytes.length > 0) {
            exchange.getResponseHeaders().putIfAbsent("Cache-Control", List.of("no-cache"));
        }
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
