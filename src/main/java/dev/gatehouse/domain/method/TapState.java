package dev.gatehouse.domain.method;

import java.time.Duration;
import java.time.Instant;

/**
 * What Graph reports about a user's Temporary Access Pass (never its code, which only the create response holds).
 *
 * @param start           when it becomes usable; null when Graph did not say
 * @param usable          Graph's {@code isUsable}
 * @param usabilityReason Graph's {@code methodUsabilityReason}: {@code EnabledByPolicy}, {@code DisabledByPolicy},
 *                        {@code Expired}, {@code NotYetValid}, {@code OneTimeUsed}; null when not reported
 */
public record TapState(Instant start, int lifetimeMinutes, boolean usableOnce, boolean usable, String usabilityReason) {

    public Instant expires() {
        return start == null ? null : start.plus(Duration.ofMinutes(lifetimeMinutes));
    }
}
