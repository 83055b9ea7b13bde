package dev.gatehouse.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A small java.net.http client for tests: sends requests to a running sim and parses JSON answers. */
final class SimHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, headers and body. */
    record Answer(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String errorCode() {
            return json().path("error").path("code").asText();
        }

        String errorMessage() {
            return json().path("error").path("message").asText();
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;

    SimHttp(SimServer server) {
        this.baseUrl = server.baseUrl();
    }

    /** A GET below /v1.0 acting as the scenario's signed-in admin. */
    Answer get(String pathAndQuery, String... headers) {
        return send("GET", "/v1.0" + pathAndQuery, null, withToken("admin-token", headers));
    }

    /** A GET below /v1.0 acting as the named user (token {@code sim-user:<upn>}). */
    Answer getAs(String user, String pathAndQuery, String... headers) {
        return send("GET", "/v1.0" + pathAndQuery, null, withToken("sim-user:" + user, headers));
    }

    Answer post(String pathAndQuery, String body, String... headers) {
        return send("POST", "/v1.0" + pathAndQuery, body, withToken("admin-token", headers));
    }

    /** A request below /v1.0 acting as the named user, or as the signed-in admin when {@code user} is null. */
    Answer as(String user, String method, String pathAndQuery, String body) {
        String token = user == null ? "admin-token" : "sim-user:" + user;
        return body == null ? send(method, "/v1.0" + pathAndQuery, null, "Authorization", "Bearer " + token)
                : send(method, "/v1.0" + pathAndQuery, body, "Authorization", "Bearer " + token,
                "Content-Type", "application/json");
    }

    Answer patch(String pathAndQuery, String body) {
        return as(null, "PATCH", pathAndQuery, body);
    }

    Answer delete(String pathAndQuery) {
        return as(null, "DELETE", pathAndQuery, null);
    }

    /**
     * A trainer control below /_demo, sent as a trainer's curl would: with a bearer token and, for writes,
     * {@code Content-Type: application/json} (the controls refuse what a web page could send).
     */
    Answer demo(String method, String path, String body) {
        return method.equals("GET") ? send(method, "/_demo" + path, body, "Authorization", "Bearer trainer")
                : send(method, "/_demo" + path, body, "Authorization", "Bearer trainer",
                "Content-Type", "application/json");
    }

    /** Any request below the server root, with exactly the given headers. */
    Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + encode(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String[] withToken(String token, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    /** Encodes what a URI may not hold literally (spaces, quotes, '#'), leaving the URL's structure alone. */
    static String encode(String pathAndQuery) {
        StringBuilder out = new StringBuilder();
        for (byte b : pathAndQuery.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (b < 0 || " \"#<>{}|\\^`".indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", b & 0xFF));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
