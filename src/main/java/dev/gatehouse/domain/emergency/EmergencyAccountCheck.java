package dev.gatehouse.domain.emergency;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether one account is among the tenant's emergency-access accounts, and the warning a plan on it carries.
 *
 * @param warning in an admin's words; empty for {@link Verdict#NOT_ONE}
 */
public record EmergencyAccountCheck(Verdict verdict, Optional<String> warning) {

    public enum Verdict {
        /** A member of the chosen group: a fact. */
        MEMBER_OF_CHOSEN_GROUP,
        /** Only its name (or a group's) suggests it; no chosen group says so. A hint, never a fact. */
        LOOKS_LIKE_ONE,
        /** A group is chosen but the account's memberships could not be read. */
        COULD_NOT_CHECK,
        NOT_ONE
    }

    public EmergencyAccountCheck {
        Objects.requireNonNull(verdict, "verdict");
        warning = warning == null ? Optional.empty() : warning;
    }

    static EmergencyAccountCheck notOne() {
        return new EmergencyAccountCheck(Verdict.NOT_ONE, Optional.empty());
    }

    static EmergencyAccountCheck of(Verdict verdict, String warning) {
        return new EmergencyAccountCheck(verdict, Optional.of(warning));
    }

    public boolean isFact() {
        return verdict == Verdict.MEMBER_OF_CHOSEN_GROUP;
    }
}
