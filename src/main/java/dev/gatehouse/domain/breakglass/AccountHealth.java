package dev.gatehouse.domain.breakglass;

import java.util.List;

/** One emergency-access account's row of the health view. */
public record AccountHealth(String id, String userPrincipalName, String displayName, List<HealthCheck> checks) {

    public AccountHealth {
        checks = List.copyOf(checks);
    }

    public Verdict verdict() {
        return HealthVerdicts.worst(checks);
    }
}
