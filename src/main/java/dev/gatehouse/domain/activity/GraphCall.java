package dev.gatehouse.domain.activity;

import java.time.Duration;
import java.time.Instant;

/**
 * One HTTP request to a tenant, as shown in the Activity view. Holds no headers, no response and only a redacted
 * request body, so it can never carry a token or a secret value.
 *
 * @param pathAndQuery path relative to the service root plus the query string, e.g. {@code /users?$top=50}
 * @param status       HTTP status, or 0 when no response arrived (network failure, cancelled)
 * @param requestId    Graph's {@code request-id} response header, quoted in support cases
 * @param outcome      short note for failures ("retried after 429", "IOException: …"), empty on success
 * @param body         the JSON request body with its secrets replaced ({@link RedactedBody}), or null when there was
 *                     none or it could not be checked
 */
public record GraphCall(Instant startedAt, String method, String pathAndQuery, int status, Duration duration,
                        String requestId, String outcome, String body) {

    /** A call without a request body. */
    public GraphCall(Instant startedAt, String method, String pathAndQuery, int status, Duration duration,
                     String requestId, String outcome) {
        this(startedAt, method, pathAndQuery, status, duration, requestId, outcome, null);
    }

    public boolean failed() {
        return status == 0 || status >= 400;
    }
}
