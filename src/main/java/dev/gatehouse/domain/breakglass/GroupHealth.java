package dev.gatehouse.domain.breakglass;

import java.util.List;
import java.util.Optional;

/**
 * The group's row of the health view.
 *
 * @param id   empty when no group is known (then the one check says why)
 */
public record GroupHealth(Optional<String> id, String displayName, List<HealthCheck> checks) {

    public GroupHealth {
        checks = List.copyOf(checks);
    }

    public Verdict verdict() {
        return HealthVerdicts.worst(checks);
    }
}
