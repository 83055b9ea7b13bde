package dev.gatehouse.graph;

import okhttp3.HttpUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Graph service root including its version segment, e.g. {@code https://graph.microsoft.com/v1.0},
 * a national cloud, a proxy, or the demo tenant at {@code http://127.0.0.1:N/v1.0}. Plain http is
 * accepted only for loopback hosts, because every request carries a bearer token.
 */
public final class ServiceRoot {

    private static final int MAX_PORT = 65535;
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final URI uri;
    private final String text;

    private ServiceRoot(URI uri) {
        this.uri = uri;
        this.text = uri.toString();
    }

    /** Validates {@code url} and strips a trailing slash; throws {@link IllegalArgumentException} with a readable reason. */
    public static ServiceRoot parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The Graph endpoint is empty; give a service root such as "
                    + GraphCloud.GLOBAL.serviceRoot());
        }
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("'" + url + "' is not an http(s) URL; give a service root such as "
                    + GraphCloud.GLOBAL.serviceRoot());
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' has no valid host name (and port)");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > MAX_PORT)) {
            throw new IllegalArgumentException("'" + url + "' has port " + uri.getPort() + "; a port is a number from 1 to "
                    + MAX_PORT);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + url + "' must not contain a query or fragment");
        }
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            throw new IllegalArgumentException("'" + url + "' has no version segment; add it, e.g. " + trimmed + "/v1.0");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("Refusing plain http to " + uri.getHost() + ": the access token would "
                    + "travel in clear text. Use https, or http only for a server on this machine (127.0.0.1, localhost).");
        }
        if (HttpUrl.parse(trimmed) == null) {
            // what java.net.URI accepts but OkHttp cannot send to must fail here, not inside the first request
            throw new IllegalArgumentException("'" + url + "' is not a URL Gatehouse can send requests to; give a "
                    + "service root such as " + GraphCloud.GLOBAL.serviceRoot());
        }
        return new ServiceRoot(uri);
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches()
                || h.equals("::1") || h.equals("[::1]") || h.equals("[0:0:0:0:0:0:0:1]");
    }

    public URI uri() {
        return uri;
    }

    /** Lower-case host as {@link java.net.URI#getHost()} reports it (IPv6 literals keep their brackets). */
    public String host() {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    public boolean isHttps() {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    /** The last path segment, e.g. {@code v1.0} or {@code beta}. */
    public String version() {
        String path = uri.getRawPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * graph-core's batch serializer cuts the first five characters ({@code /v1.0}, {@code /beta}) off each
     * request path, so {@code $batch} only works when the service root path is exactly that long.
     */
    boolean supportsSdkBatch() {
        return uri.getRawPath().length() == 5;
    }

    /**
     * The part of {@code url} after the service root ({@code /users?$skiptoken=…}). A URL on another host with
     * the same version segment (an {@code @odata.nextLink} from graph.microsoft.com seen through a proxy) is
     * rebased too; anything else is empty.
     */
    public Optional<String> relativize(String url) {
        if (url.startsWith(text + "/") || url.startsWith(text + "?")) {
            return Optional.of(url.substring(text.length()));
        }
        if (url.equals(text)) {
            return Optional.of("");
        }
        String marker = "/" + version() + "/";
        URI other;
        try {
            other = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String path = other.getRawPath() == null ? "" : other.getRawPath() + "/";
        int at = path.indexOf(marker);
        if (other.getHost() == null || at < 0) {
            return Optional.empty();
        }
        String rest = path.substring(at + marker.length() - 1, path.length() - 1);
        return Optional.of(other.getRawQuery() == null ? rest : rest + "?" + other.getRawQuery());
    }

    /** Absolute URL for a path returned by {@link #relativize(String)}. */
    public String resolve(String relative) {
        if (!relative.isEmpty() && !relative.startsWith("/") && !relative.startsWith("?")) {
            throw new IllegalArgumentException("Not a path below the service root: " + relative);
        }
        return text + relative;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceRoot other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
