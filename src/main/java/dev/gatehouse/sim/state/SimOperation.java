package dev.gatehouse.sim.state;

import java.time.Instant;

/**
 * A long-running operation a user's authentication methods went through ({@code longRunningOperation} under
 * {@code /users/{id}/authentication/operations}); the demo tenant only starts password resets, and finishes
 * them at once.
 */
public record SimOperation(String id, String userId, Instant createdDateTime, String status) {
}
