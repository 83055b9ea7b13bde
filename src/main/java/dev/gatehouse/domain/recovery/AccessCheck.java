package dev.gatehouse.domain.recovery;

import java.util.List;
import java.util.Optional;

/**
 * The guardrail's answer before a plan is offered.
 *
 * @param refusal  why this admin may not do this to this user, in words that say who could; empty when allowed
 * @param warnings specific things to read first (acting on yourself, on a break-glass account, on a synced user…)
 */
public record AccessCheck(Optional<String> refusal, List<String> warnings) {

    public AccessCheck {
        refusal = refusal == null ? Optional.empty() : refusal;
        warnings = List.copyOf(warnings);
    }

    public boolean allowed() {
        return refusal.isEmpty();
    }
}
