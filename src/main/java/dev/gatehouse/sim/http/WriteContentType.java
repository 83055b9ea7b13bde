package dev.gatehouse.sim.http;

import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireRequest;

import java.util.Set;

/**
 * A write that carries a body must say it is JSON, as Graph demands. Graph's answers, as the service gives them:
 * a body without {@code Content-Type} gets "Write requests (excluding DELETE) must contain the Content-Type header
 * declaration." (the Graph CLI's issue 258), one with another type "Entity only allows writes with a JSON
 * Content-Type header." (the directory, to a form-encoded POST /users). A write without a body (an action such
 * as revokeSignInSessions) needs no type.
 */
final class WriteContentType {

    private static final Set<String> WRITES = Set.of("POST", "PATCH", "PUT");

    private WriteContentType() {
    }

    static void check(WireRequest request) {
        if (!WRITES.contains(request.method()) || request.body().length == 0) {
            return;
        }
        String type = request.header("Content-Type").orElse(null);
        if (type == null || type.isBlank()) {
            throw GraphException.badRequest("Write requests (excluding DELETE) must contain the Content-Type header "
                    + "declaration.");
        }
        if (!json(type)) {
            throw GraphException.badRequest("Entity only allows writes with a JSON Content-Type header.");
        }
    }

    /** {@code application/json}, with or without parameters ({@code ;charset=utf-8}, {@code ;odata.metadata=…}). */
    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.equalsIgnoreCase("application/json");
    }
}
