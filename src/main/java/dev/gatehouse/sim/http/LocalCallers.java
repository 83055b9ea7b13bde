package dev.gatehouse.sim.http;

import dev.gatehouse.sim.wire.GraphException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who may talk to the demo tenant. It listens on loopback only, but a web page in the trainer's browser can
 * still reach it: by sending a form or a {@code fetch} to {@code http://127.0.0.1:N} (cross-site request
 * forgery), or by giving its own host name the address 127.0.0.1 (DNS rebinding), which makes the page
 * same-origin with the sim. So:
 * <ul>
 *   <li>every request must name a loopback {@code Host} (a rebound name is not one);</li>
 *   <li>trainer controls ({@code /_demo/}) also need a bearer token (any, as for {@code /v1.0}: a page cannot
 *       add one to a cross-site request without a CORS preflight, which the sim never grants), no
 *       {@code Origin} but the sim's own, and writes sent as {@code application/json} (a form cannot be).</li>
 * </ul>
 */
final class LocalCallers {

    private final int port;

    /** @param port the port the sim listens on: the only origin allowed is {@code http://<loopback>:port} */
    LocalCallers(int port) {
        this.port = port;
    }

    /** Why a request may not reach the sim at all, if it may not. */
    Optional<GraphException> refuseHost(Map<String, String> headers) {
        String host = headers.get("Host");
        if (host == null || !loopback(hostName(host))) {
            return Optional.of(new GraphException(421, "MisdirectedRequest", "The demo tenant answers only requests "
                    + "addressed to 127.0.0.1, localhost or [::1]; this one was addressed to '"
                    + (host == null ? "" : host) + "'."));
        }
        return Optional.empty();
    }

    /** Why a request to the trainer controls is refused, if it is. */
    Optional<GraphException> refuseTrainerControl(String method, Map<String, String> headers) {
        String origin = headers.get("Origin");
        if (origin != null && !ownOrigin(origin)) {
            return Optional.of(new GraphException(403, "Forbidden", "The trainer controls do not answer web pages: "
                    + "this request came from '" + origin + "'. Use curl or the Gatehouse app."));
        }
        String authorization = headers.getOrDefault("Authorization", "").trim();
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            return Optional.of(GraphException.invalidToken("Access token is empty."));
        }
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        if (write && !WriteContentType.json(headers.get("Content-Type"))) {
            return Optional.of(new GraphException(415, "UnsupportedMediaType", "Trainer controls take "
                    + "'Content-Type: application/json' on every " + method + " (with or without a body)."));
        }
        return Optional.empty();
    }

    private boolean ownOrigin(String origin) {
        try {
            URI uri = new URI(origin.trim());
            int originPort = uri.getPort() == -1 ? 80 : uri.getPort();
            return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    && loopback(uri.getHost()) && originPort == port;
        } catch (URISyntaxException e) {
            return false; // includes the literal "null" origin of sandboxed frames and file: pages
        }
    }

    /** {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port} → the name or address alone. */
    private static String hostName(String hostHeader) {
        String value = hostHeader.trim();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close < 0 ? value : value.substring(0, close + 1);
        }
        int colon = value.lastIndexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    private static boolean loopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("[::1]") || name.equals("::1")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
