package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.tenant.TenantException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls to the demo tenant's trainer controls ({@code http://127.0.0.1:N/_demo/…}, docs/demo-tenant.md), next to its
 * Graph service root. Not Graph, so not through the Graph client: plain loopback requests whose JSON answers say what
 * happened. Bodies may hold a pass or a password for the demo server on this computer; nothing here is logged.
 */
final class DemoLoopback {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String root;
    /**
     * Made at the first call, which runs on a worker: building an HttpClient loads its TLS stack, about 150 classes,
     * and a trainer control is made as the window attaches the demo tenant, on the FX thread.
     */
    private HttpClient client;

    /** @param serviceRoot the demo connection's {@code http://127.0.0.1:N/v1.0} */
    DemoLoopback(String serviceRoot) {
        this.root = serviceRoot.replaceFirst("/v1\\.0/?$", "") + "/_demo";
    }

    static ObjectNode body() {
        return JSON.createObjectNode();
    }

    JsonNode get(String path) {
        return send(request(path).GET().build());
    }

    /** POSTs {@code body} (JSON, as the trainer controls demand) and returns the answer, an error body included. */
    JsonNode post(String path, JsonNode body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** The message of a Graph-style error answer; empty for any other answer. */
    static String error(JsonNode answer) {
        return answer.path("error").path("message").asText("");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(root + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer trainer"); // the trainer controls refuse calls without a token
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        }
        return client;
    }

    private JsonNode send(HttpRequest request) {
        try {
            return JSON.readTree(client().send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantException(TenantException.Kind.CANCELLED, "Stopped before the demo tenant answered.");
        } catch (IOException e) {
            throw new TenantException(TenantException.Kind.UNAVAILABLE, "The demo tenant did not answer: "
                    + e.getMessage());
        }
    }
}
