package dev.gatehouse.domain.registration;

import java.util.Objects;

/**
 * Something in a registration-policy design that Graph would refuse, or that cannot work at all, said so the admin
 * can fix it before anything is sent.
 *
 * @param field   the choice at fault, by Graph's JSON path ({@code displayName}, {@code grantControls.builtInControls},
 *                {@code sessionControls.signInFrequency}, {@code conditions.users.includeGroups}, …)
 * @param message why, in Graph's words where Graph has words for it, and what to do
 */
public record DesignProblem(String field, String message) {

    public DesignProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
