package dev.gatehouse.graph;

import java.io.IOException;

/**
 * The endpoint answered, but not as Microsoft Graph does: an HTML or plain-text page (a proxy, a captive portal, a
 * web server on the wrong port), a body that is not a JSON object, or more bytes than any Graph answer Gatehouse asks
 * for. Carries only the HTTP status and the media type's name, never the body: the body is the endpoint's text and
 * may hold terminal escape sequences.
 */
final class UnusableAnswer extends IOException {

    enum Problem {
        /** A body whose content type is not JSON, or that has none. */
        NOT_JSON,
        /** A JSON content type over a body that is not one JSON object. */
        MALFORMED_JSON,
        /** More bytes than {@link AnswerCheck#limitBytes()}. */
        TOO_LARGE
    }

    private final int status;
    private final Problem problem;
    private final String mediaType;

    /** @param mediaType "type/subtype" as parsed by OkHttp (token characters only), or null */
    UnusableAnswer(int status, Problem problem, String mediaType) {
        super("HTTP " + status + ": " + problem);
        this.status = status;
        this.problem = problem;
        this.mediaType = mediaType;
    }

    int status() {
        return status;
    }

    Problem problem() {
        return problem;
    }

    /** The answer's "type/subtype", or null when it had none that OkHttp could read. */
    String mediaType() {
        return mediaType;
    }
}
