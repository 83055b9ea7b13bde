package dev.gatehouse.domain.registration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pre-flight check, in an administrator's words.
 *
 * @param id      stable, for {@code --json} and scripts: {@code licence}, {@code security-defaults}, …
 * @param details the facts found, one sentence each
 * @param remedy  the fix in one sentence, when there is something to fix
 */
public record PreflightCheck(String id, String title, Verdict verdict, List<String> details, Optional<String> remedy) {

    public enum Verdict {
        PASS, WARN, FAIL,
        /** What the check needs could not be read: it says why, and does not guess. */
        UNKNOWN
    }

    public PreflightCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verdict, "verdict");
        details = List.copyOf(details);
        remedy = remedy == null ? Optional.empty() : remedy;
    }
}
