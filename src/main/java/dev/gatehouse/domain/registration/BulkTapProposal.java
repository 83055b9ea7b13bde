package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.procedure.StageProposal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the bulk Temporary Access Pass stage offers: a plan of one step per user still without a pass from this run,
 * or why there is none.
 *
 * @param usersByStep   step id → the user it issues a pass to, in plan order (a front end names the codes with it)
 * @param readBackFirst ids of users whose pass may have been issued when an earlier attempt stopped: their step reads
 *                      their methods first and gives no second pass
 * @param oneTimeForced whether the tenant's policy makes every pass one-time anyway
 */
public record BulkTapProposal(Kind kind, Optional<Plan> plan, String message, List<String> warnings,
                              Map<String, BulkTapUser> usersByStep, Set<String> readBackFirst, int lifetimeMinutes,
                              boolean oneTimeForced) implements StageProposal {

    public enum Kind { PLANNED, REFUSED, NOTHING_TO_DO }

    public BulkTapProposal {
        Objects.requireNonNull(kind, "kind");
        plan = plan == null ? Optional.empty() : plan;
        warnings = List.copyOf(warnings);
        usersByStep = Collections.unmodifiableMap(new LinkedHashMap<>(usersByStep));
        readBackFirst = Set.copyOf(readBackFirst);
        if ((kind == Kind.PLANNED) != plan.isPresent()) {
            throw new IllegalArgumentException("A planned proposal has a plan, and only it");
        }
    }

    static BulkTapProposal without(Kind kind, String why, List<String> warnings) {
        return new BulkTapProposal(kind, Optional.empty(), why, warnings, Map.of(), Set.of(), 0, false);
    }

    /** The user a step of this plan issues a pass to. */
    public Optional<BulkTapUser> userOf(String stepId) {
        return Optional.ofNullable(usersByStep.get(stepId));
    }
}
