package dev.gatehouse.domain.breakglass;

import java.util.Objects;

/**
 * One fact of the health view with its verdict.
 *
 * @param id     stable across versions: {@code --json} names it ({@code enabled}, {@code cloudOnly}, …)
 * @param label  what the admin calls it ("Cloud-only")
 * @param reason why the verdict, in the admin's words, with what to do when it is not green
 */
public record HealthCheck(String id, String label, Verdict verdict, String reason) {

    public HealthCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    static HealthCheck green(String id, String label, String reason) {
        return new HealthCheck(id, label, Verdict.GREEN, reason);
    }

    static HealthCheck amber(String id, String label, String reason) {
        return new HealthCheck(id, label, Verdict.AMBER, reason);
    }

    static HealthCheck red(String id, String label, String reason) {
        return new HealthCheck(id, label, Verdict.RED, reason);
    }

    /** A fact Gatehouse could not read: amber, with why. */
    static HealthCheck unknown(String id, String label, String why) {
        return amber(id, label, "Could not check: " + why);
    }
}
