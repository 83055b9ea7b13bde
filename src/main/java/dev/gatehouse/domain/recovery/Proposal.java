package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.procedure.StageProposal;
import dev.gatehouse.domain.signin.UserSnapshot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a recovery button offers, decided before anything is sent: a plan to confirm, or the reason there is none.
 *
 * @param message     for {@link Status#READY} an introduction; otherwise why there is no plan (the refusal, why there
 *                    is nothing to do, or what the missing API means), in words the admin can act on
 * @param warnings    guardrail and action warnings, to show above the plan
 * @param alternative the nearest honest action when this one cannot be done as asked
 * @param offersTap   require-reregister leaves a passkey or Windows Hello: offer to add "issue a TAP"
 * @param before      the user as read now, for the sign-in simulator
 * @param after       the user as the plan will leave them (equal to {@code before} without a plan)
 * @param secretInTwoParts show the plan's secret in two halves for two people (ISM-1594)
 */
public record Proposal(RecoveryAction action, Status status, String message, Optional<Plan> plan,
                       List<String> warnings, Optional<RecoveryAction> alternative, boolean offersTap,
                       UserSnapshot before, UserSnapshot after, boolean secretInTwoParts)
        implements StageProposal {

    public enum Status {
        READY,
        /** The guardrail or Graph's rules forbid it for this admin, this user or these options. */
        REFUSED,
        /** Already in the requested state, or nothing the action would change. */
        NOTHING_TO_DO,
        /** Graph has no API for it. */
        NO_API
    }

    public Proposal {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        plan = plan == null ? Optional.empty() : plan;
        warnings = List.copyOf(warnings);
        alternative = alternative == null ? Optional.empty() : alternative;
        if ((status == Status.READY) != plan.isPresent()) {
            throw new IllegalArgumentException("A proposal has a plan exactly when it is READY");
        }
    }

    static Proposal ready(RecoveryAction action, String message, Plan plan, List<String> warnings,
                          UserSnapshot before, UserSnapshot after) {
        return new Proposal(action, Status.READY, message, Optional.of(plan), warnings, Optional.empty(), false,
                before, after, false);
    }

    static Proposal without(RecoveryAction action, Status status, String message, List<String> warnings,
                            UserSnapshot now) {
        return new Proposal(action, status, message, Optional.empty(), warnings, Optional.empty(), false, now, now,
                false);
    }

    Proposal offeringTap() {
        return new Proposal(action, status, message, plan, warnings, alternative, true, before, after,
                secretInTwoParts);
    }

    /**
     * The nearest honest action instead; {@code RECOVER} on a refused playbook means "start a new run deliberately"
     * (one finished recently), and on a ready single action that the user has methods an attacker may have added, so
     * the playbook is advised instead (a warning says why).
     */
    Proposal withAlternative(RecoveryAction other) {
        return new Proposal(action, status, message, plan, warnings, Optional.of(other), offersTap, before, after,
                secretInTwoParts);
    }

    Proposal inTwoParts(boolean twoParts) {
        return new Proposal(action, status, message, plan, warnings, alternative, offersTap, before, after, twoParts);
    }

    public boolean ready() {
        return status == Status.READY;
    }
}
