package dev.gatehouse.domain.plan;

import java.util.Map;
import java.util.Optional;

/**
 * What a step did.
 *
 * @param summary what happened, in the admin's words
 * @param before  relevant state before the change (journaled; never secrets)
 * @param after   relevant state after the change (journaled; never secrets)
 * @param secret  a value to show the admin once (TAP, temporary password); journaled only as withheld
 */
public record StepResult(String summary, Map<String, Object> before, Map<String, Object> after,
                         Optional<Secret> secret) {

    public StepResult {
        before = before == null ? Map.of() : Map.copyOf(before);
        after = after == null ? Map.of() : Map.copyOf(after);
        secret = secret == null ? Optional.empty() : secret;
    }

    public static StepResult done(String summary) {
        return new StepResult(summary, Map.of(), Map.of(), Optional.empty());
    }

    public static StepResult changed(String summary, Map<String, Object> before, Map<String, Object> after) {
        return new StepResult(summary, before, after, Optional.empty());
    }

    public StepResult withSecret(Secret value) {
        return new StepResult(summary, before, after, Optional.of(value));
    }
}
