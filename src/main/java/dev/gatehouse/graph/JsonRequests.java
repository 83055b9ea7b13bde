package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Requests built by the SDK's request builders (so paths, the service root, auth and middleware are the SDK's) whose
 * bodies are JSON Gatehouse reads or writes itself. Policies go this way: the SDK models drop combinations such as
 * {@code password,microsoftAuthenticatorPush} from {@code allowedCombinations} (see {@link PolicyMapping}), and a
 * body written here is byte for byte the one a plan showed.
 */
final class JsonRequests {

    static final ObjectMapper JSON = new ObjectMapper();

    private JsonRequests() {
    }

    /** Sends the request and reads the answer as JSON; an answer without a body (204) reads as an empty object. */
    static JsonNode send(GraphServiceClient client, RequestInformation request) {
        request.headers.tryAdd("Accept", "application/json");
        try (InputStream body = client.getRequestAdapter().sendPrimitive(request, GraphSteps.ERRORS,
                InputStream.class)) {
            return body == null ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code request} (typically a builder's GET, for its URL) turned into {@code method} with {@code body} as its
     * JSON content.
     */
    static RequestInformation withBody(RequestInformation request, HttpMethod method, String body) {
        request.httpMethod = method;
        request.setStreamContent(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "application/json");
        return request;
    }
}
