package dev.gatehouse.domain.emergency;

import java.util.Objects;
import java.util.Optional;

/**
 * The chosen group as the tenant has it now.
 *
 * @param evidence the group weighed like a proposal; empty when it could not be read
 * @param problem  why there is no evidence: the group no longer exists, or could not be read
 */
public record ChosenGroupReport(EmergencyAccess choice, Optional<GroupEvidence> evidence, Optional<String> problem) {

    public ChosenGroupReport {
        Objects.requireNonNull(choice, "choice");
        evidence = evidence == null ? Optional.empty() : evidence;
        problem = problem == null ? Optional.empty() : problem;
    }
}
