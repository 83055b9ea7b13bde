package dev.gatehouse.sim.state;

import java.time.Instant;

/**
 * A demo sign-in with a Temporary Access Pass: until {@code endsAt} the user may register methods. A one-time
 * pass leaves 10 minutes; a multi-use pass lasts until the pass itself expires.
 */
public record TapSession(String userId, String temporaryAccessPassId, Instant started, Instant endsAt) {

    public boolean activeAt(Instant now) {
        return !now.isBefore(started) && now.isBefore(endsAt);
    }
}
