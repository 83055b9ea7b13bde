package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.signin.PolicyScope;
import dev.gatehouse.domain.signin.SignInTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Conditional Access policies reach "Register security information", and what a user must then present.
 * A policy reaches it by naming the user action, or by targeting All resources, which covers user actions too: the
 * same rule as {@link PolicyScope#coversTarget} (graph-facts §10.5), so that this list and the sign-in simulator
 * never disagree. Every policy that applies must be met (graph-facts §10.3), so the requirement is their AND.
 */
public final class ActionCoverage {

    /** How a policy reaches the action. */
    public enum Route {
        /** It names {@code urn:user:registersecurityinfo}. */
        USER_ACTION,
        /** It targets All resources, which include user actions. */
        ALL_RESOURCES
    }

    /**
     * One policy that reaches the action, in an admin's words.
     *
     * @param draft true for the policy the wizard is designing, counted as On
     * @param state "On", "Report-only" or "Off"
     * @param scope who it applies to: "All users, except guests and external users and 1 group (…)"
     * @param grant what it requires: "MFA", "a compliant device or authentication strength '…' (…)"
     */
    public record Reach(ConditionalAccessPolicy policy, Route route, boolean draft, String state, String scope,
                        String grant) {

        public Reach {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(route, "route");
        }

        public boolean enforced() {
            return policy.state() == State.ENABLED;
        }

        /** "'CA001' (On), on All resources: All users, no exclusions; requires MFA." */
        public String describe() {
            String how = route == Route.USER_ACTION ? "on the user action" : "on All resources (user actions included)";
            return "'" + policy.displayName() + "'" + (draft ? " (the new policy, counted as On)" : " (" + state + ")")
                    + ", " + how + ": " + scope + "; requires " + grant + ".";
        }
    }

    private final List<Reach> reaches;
    private final boolean draftIsNew;

    private ActionCoverage(List<Reach> reaches, boolean draftIsNew) {
        this.reaches = List.copyOf(reaches);
        this.draftIsNew = draftIsNew;
    }

    /** The tenant as it is: policies naming the action in any state; All-resources ones when On or report-only. */
    public static ActionCoverage of(List<ConditionalAccessPolicy> policies) {
        return new ActionCoverage(reaches(policies, null), false);
    }

    /** The tenant once {@code draft} is saved and On; it replaces a policy with the same id. */
    public static ActionCoverage withDraft(List<ConditionalAccessPolicy> policies, ConditionalAccessPolicy draft) {
        ConditionalAccessPolicy on = DraftPolicies.inState(draft, State.ENABLED);
        return new ActionCoverage(reaches(DraftPolicies.with(policies, on), on),
                !DraftPolicies.replacesExisting(draft, policies));
    }

    public List<Reach> reaches() {
        return reaches;
    }

    /** The policies that are enforced: only these decide what a user must present. */
    public List<Reach> enforced() {
        return reaches.stream().filter(Reach::enforced).toList();
    }

    /** Enforced policies other than the draft. */
    public List<Reach> enforcedBesidesDraft() {
        return reaches.stream().filter(r -> r.enforced() && !r.draft()).toList();
    }

    /**
     * "MFA (CA001) AND a compliant device or authentication strength '…' (Protect…, new)": what a user every enforced
     * policy applies to must present; empty when none is enforced.
     */
    public Optional<String> combinedRequirement() {
        List<Reach> enforced = enforced();
        if (enforced.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" AND ", enforced.stream().map(r -> bracketed(r) + " ("
                + r.policy().displayName() + (r.draft() ? draftIsNew ? ", new" : ", as changed" : "") + ")").toList()));
    }

    /** The requirement said plainly, with what does not count, for the home view and the pre-flight. */
    public List<String> explanation() {
        List<String> lines = new ArrayList<>();
        List<Reach> enforced = enforced();
        if (enforced.isEmpty()) {
            lines.add("No policy that is On reaches Register security information: anyone who has a user's password"
                    + " can register their own methods.");
        } else if (enforced.size() == 1) {
            lines.add("A user this policy applies to must present: " + combinedRequirement().orElseThrow() + ".");
        } else {
            lines.add("A user all " + enforced.size() + " policies apply to must satisfy every one of them, not just"
                    + " one: " + combinedRequirement().orElseThrow() + ".");
        }
        reaches.stream().filter(r -> !r.enforced()).forEach(r -> lines.add("'" + r.policy().displayName() + "' is "
                + r.state() + (r.policy().state() == State.REPORT_ONLY ? ": not enforced, and Entra does not even"
                + " evaluate report-only policies on user actions, so sign-in logs will show nothing for it."
                : ": not enforced.")));
        return lines;
    }

    private static String bracketed(Reach reach) {
        String grant = reach.grant();
        return grant.contains(" or ") || grant.contains(" and ") ? "[" + grant + "]" : grant;
    }

    private static List<Reach> reaches(List<ConditionalAccessPolicy> policies, ConditionalAccessPolicy draft) {
        List<Reach> reaches = new ArrayList<>();
        for (ConditionalAccessPolicy policy : policies) {
            if (!PolicyScope.coversTarget(policy, SignInTarget.REGISTER_SECURITY_INFO)) {
                continue;
            }
            Route route = PolicyWords.has(policy.includeUserActions(), ConditionalAccessPolicy.REGISTER_SECURITY_INFO)
                    ? Route.USER_ACTION : Route.ALL_RESOURCES;
            // An All-resources policy that is Off says nothing about registration; one on the action itself does:
            // the home view must show a policy that was made for this and switched off.
            if (route == Route.ALL_RESOURCES && policy.state() == State.DISABLED) {
                continue;
            }
            reaches.add(new Reach(policy, route, policy == draft, PolicyWords.state(policy.state()),
                    PolicyWords.users(policy.users()), PolicyWords.grant(policy.grant())));
        }
        return reaches;
    }
}
