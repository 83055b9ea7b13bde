package dev.gatehouse.sim.state;

import java.time.Duration;
import java.time.Instant;

/**
 * A long-running operation a user's authentication methods went through ({@code longRunningOperation} under
 * {@code /users/{id}/authentication/operations}). The demo tenant only starts password resets; the reset itself is
 * applied at once, and its operation reads {@code running} for {@link #RUNNING_FOR} of tenant time, then
 * {@code succeeded}, so clients must follow it as they would in Entra (longrunningoperation-get: {@code succeeded}
 * and {@code failed} are the terminal states).
 *
 * @param status             as of {@code lastActionDateTime}
 * @param completedDateTime  when the operation reads {@code succeeded}
 */
public record SimOperation(String id, String userId, Instant createdDateTime, Instant lastActionDateTime,
                           String status, Instant completedDateTime) {

    public static final Duration RUNNING_FOR = Duration.ofSeconds(1);

    public static SimOperation started(String id, String userId, Instant now) {
        return new SimOperation(id, userId, now, now, "running", now.plus(RUNNING_FOR));
    }

    /** The operation as Graph reports it at {@code now}. */
    public SimOperation asOf(Instant now) {
        return now.isBefore(completedDateTime) ? this
                : new SimOperation(id, userId, createdDateTime, completedDateTime, "succeeded", completedDateTime);
    }
}
