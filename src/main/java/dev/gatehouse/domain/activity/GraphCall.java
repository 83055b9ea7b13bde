package dev.gatehouse.domain.activity;

import java.time.Duration;
import java.time.Instant;

/**
 * One HTTP request to a tenant, as shown in the Activity view. Holds no headers and no bodies,
 * so it can never carry a token or a secret value.
 *
 * @param pathAndQuery path relative to the service root plus the query string, e.g. {@code /users?$top=50}
 * @param status       HTTP status, or 0 when no response arrived (network failure, cancelled)
 * @param requestId    Graph's {@code request-id} response header, quoted in support cases
 * @param outcome      short note for failures ("retried after 429", "IOException: …"), empty on success
 */
public record GraphCall(Instant startedAt, String method, String pathAndQuery, int status, Duration duration,
                        String requestId, String outcome) {

    public boolean failed() {
        return status == 0 || status >= 400;
    }
}
