package dev.gatehouse.domain.plan;

import dev.gatehouse.domain.secret.Secret;

import java.time.Instant;
import java.util.LinkedHashMap;
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

    /** Key in {@code after} for when the secret stops working (a pass's expiry), so a front end can show it in its zone. */
    public static final String SECRET_EXPIRES = "secretExpires";

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

    /** A secret that stops working at {@code expires} (null when unknown). */
    public StepResult withSecret(Secret value, Instant expires) {
        if (expires == null) {
            return withSecret(value);
        }
        Map<String, Object> withExpiry = new LinkedHashMap<>(after);
        withExpiry.put(SECRET_EXPIRES, expires);
        return new StepResult(summary, before, withExpiry, Optional.of(value));
    }

    /** When the secret stops working, when the step knew it. */
    public Optional<Instant> secretExpires() {
        return after.get(SECRET_EXPIRES) instanceof Instant expires ? Optional.of(expires) : Optional.empty();
    }
}
