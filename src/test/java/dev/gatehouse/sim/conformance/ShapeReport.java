package dev.gatehouse.sim.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link GraphShapeAssert} found: violations (the JSON contradicts the documentation) and
 * warnings (documented properties the response leaves out, which Graph may legitimately omit).
 */
final class ShapeReport {

    private final String subject;
    private final List<String> violations = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    ShapeReport(String subject) {
        this.subject = subject;
    }

    void violation(String path, String message) {
        violations.add(path + ": " + message);
    }

    void warning(String path, String message) {
        warnings.add(path + ": " + message);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    boolean conforms() {
        return violations.isEmpty();
    }

    ShapeReport assertConforms() {
        if (!violations.isEmpty()) {
            throw new AssertionError(subject + " does not match the Graph documentation ("
                    + violations.size() + " violation(s)):\n  " + String.join("\n  ", violations)
                    + (warnings.isEmpty() ? "" : "\nwarnings:\n  " + String.join("\n  ", warnings)));
        }
        return this;
    }

    @Override
    public String toString() {
        return subject + ": " + violations.size() + " violation(s), " + warnings.size() + " warning(s)";
    }
}
