package dev.gatehouse.sim.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Plain {@code java.net.http} calls to a Graph service root, acting as one user of the demo tenant. */
final class GraphHttp {

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return GraphDocs.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the response is not JSON: " + body, e);
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI serviceRoot;
    private final String token;

    /** {@code token} is sent as {@code Authorization: Bearer <token>}, e.g. {@code sim-user:admin@contoso.com}. */
    GraphHttp(String serviceRoot, String token) {
        this.serviceRoot = URI.create(serviceRoot);
        this.token = token;
    }

    Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, List.of());
    }

    /** {@code pathAndQuery} is relative to the service root and may contain spaces and quotes, as Graph URLs do. */
    Response send(String method, String pathAndQuery, String body, List<String> headers) {
        int query = pathAndQuery.indexOf('?');
        String path = serviceRoot.getPath() + (query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
        URI uri;
        try {
            uri = new URI(serviceRoot.getScheme(), null, serviceRoot.getHost(), serviceRoot.getPort(), path,
                    query < 0 ? null : pathAndQuery.substring(query + 1), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(pathAndQuery, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + uri, e);
        }
    }
}
