package dev.gatehouse.sim.wire;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request to the v1.0 service root, from the wire or from inside a {@code $batch}.
 *
 * @param segments     decoded path segments after {@code /v1.0}, e.g. {@code [users, a@b.com, memberOf]}
 * @param query        decoded query parameters in request order; names as sent
 * @param headers      case-insensitive request headers (first value of each)
 * @param insideBatch  true for a request unpacked from a {@code $batch} body
 */
public record WireRequest(String method, List<String> segments, List<Map.Entry<String, String>> query,
                           Map<String, String> headers, byte[] body, String requestId, boolean insideBatch) {

    public WireRequest {
        segments = List.copyOf(segments);
        query = List.copyOf(query);
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body;
    }

    /**
     * Builds a request from a path relative to the service root (with or without a leading slash) and its
     * raw query string, decoding path segments without turning '+' into a space and query values as forms do.
     */
    public static WireRequest parse(String method, String relativePath, String rawQuery, Map<String, String> headers,
                                     byte[] body, String requestId, boolean insideBatch) {
        List<String> segments = new ArrayList<>();
        for (String raw : relativePath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(percentDecode(raw));
            }
        }
        List<Map.Entry<String, String>> query = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.add(Map.entry(formDecode(name), formDecode(value)));
            }
        }
        return new WireRequest(method.toUpperCase(Locale.ROOT), segments, query, headers, body, requestId, insideBatch);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The client's {@code client-request-id}, echoed back; Graph answers with its own request id when absent. */
    public String clientRequestId() {
        return header("client-request-id").filter(v -> !v.isBlank()).orElse(requestId);
    }

    /** The path as Graph would print it in a message: {@code /users/x/memberOf}. */
    public String path() {
        return "/" + String.join("/", segments);
    }

    private static String formDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw GraphException.badRequest("The query string contains a malformed percent-encoding: '" + value + "'.");
        }
    }

    private static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length()
                    && Character.digit(segment.charAt(i + 1), 16) >= 0 && Character.digit(segment.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
