package dev.gatehouse.domain.registration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a peer checker (Maester, ScubaGear, the Zero Trust Assessment) would score the tenant's policies for
 * "Register security information", point by point.
 *
 * @param id     the checker's own test id: {@code MT.1011}, {@code MS.AAD.3.8v1}, {@code ZTA 21806}
 * @param points the criteria, tried on the policy that comes closest (on a passing one when there is one)
 * @param note   what the checker also needs that Gatehouse cannot see (its config file, trusted locations…)
 */
public record CheckerVerdict(String id, String title, Outcome outcome, List<CheckPoint> points, Optional<String> note) {

    public enum Outcome { PASS, FAIL }

    public CheckerVerdict {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        points = List.copyOf(points);
        note = note == null ? Optional.empty() : note;
    }

    public boolean passes() {
        return outcome == Outcome.PASS;
    }
}
