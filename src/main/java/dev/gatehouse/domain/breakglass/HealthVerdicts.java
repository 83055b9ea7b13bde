package dev.gatehouse.domain.breakglass;

import java.util.Collection;

final class HealthVerdicts {

    private HealthVerdicts() {
    }

    static Verdict worst(Collection<HealthCheck> checks) {
        return checks.stream().map(HealthCheck::verdict).reduce(Verdict.GREEN, Verdict::worse);
    }
}
