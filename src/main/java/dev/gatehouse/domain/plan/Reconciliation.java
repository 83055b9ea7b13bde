package dev.gatehouse.domain.plan;

import java.util.Map;
import java.util.Objects;

/**
 * What the tenant showed after a step was stopped mid-way: its effect is there, part of it is, or none.
 *
 * @param found what was read, in the admin's words ("Microsoft Authenticator 'SM-A546B' is gone")
 * @param after what the journal records as the state after the step (ids deleted, still there…)
 */
public record Reconciliation(Kind kind, String found, Map<String, Object> after) {

    public enum Kind { APPLIED, PARTLY, NOT_APPLIED }

    public Reconciliation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(found, "found");
        after = after == null ? Map.of() : Map.copyOf(after);
    }

    public static Reconciliation applied(String found, Map<String, Object> after) {
        return new Reconciliation(Kind.APPLIED, found, after);
    }

    public static Reconciliation partly(String found, Map<String, Object> after) {
        return new Reconciliation(Kind.PARTLY, found, after);
    }

    public static Reconciliation notApplied(String found) {
        return new Reconciliation(Kind.NOT_APPLIED, found, Map.of());
    }
}
