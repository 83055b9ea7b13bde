package dev.gatehouse.domain.policy;

import java.util.Objects;
import java.util.Set;

/**
 * One {@code whatIfAnalysisResult}: a policy as Graph evaluated it for the question, report-only ones included.
 *
 * @param analysisReasons Graph's flags for why a policy does not apply ({@code users}, {@code application},
 *                        {@code location}, {@code devicePlatform}, …); empty when it applies
 */
public record WhatIfResult(ConditionalAccessPolicy policy, boolean applies, Set<String> analysisReasons) {

    public WhatIfResult {
        Objects.requireNonNull(policy, "policy");
        analysisReasons = Set.copyOf(analysisReasons);
    }
}
