package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.WhatIfQuery;
import dev.gatehouse.domain.policy.WhatIfResult;
import dev.gatehouse.domain.signin.PolicyScope;
import dev.gatehouse.domain.signin.SignInMethod;
import dev.gatehouse.domain.signin.SignInSimulator;
import dev.gatehouse.domain.signin.SignInSituation;
import dev.gatehouse.domain.signin.SignInTarget;
import dev.gatehouse.domain.signin.SignInVerdict;
import dev.gatehouse.domain.signin.UserSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Graph's What If beside Gatehouse's own forecast, person by person: which policies reach "Register security
 * information" for them (What If evaluates report-only policies too, which is the only way to see whom a report-only
 * policy on a user action would reach), whether the two agree, and what the sign-in simulator says the person could
 * do once the registration policy is on. A disagreement is shown, never smoothed over: it means one of the two is
 * wrong about this tenant.
 */
public final class WhatIfComparison {

    /**
     * One person in one situation.
     *
     * @param role            why they are in the table ("you", "emergency access", "pilot, has a passkey", "guest")
     * @param compliantDevice the device What If and the simulator assume
     */
    public record Subject(String role, UserSnapshot user, boolean compliantDevice) {
        public Subject {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(user, "user");
        }

        public String label() {
            return RegistrationRoutes.name(user) + " (" + role + ")";
        }

        public String device() {
            return compliantDevice ? "compliant device" : "unmanaged device";
        }
    }

    /**
     * @param whatIf       the policies reaching the action for this person per Graph, by name, sorted
     * @param forecast     the same per Gatehouse's simulator, sorted
     * @param byLocation   policies with a location condition: whether they apply depends on the network the person
     *                     signs in from, which neither What If (asked without an IP address) nor the simulator knows,
     *                     so they are named here and left out of the comparison
     * @param outcome      what the simulator says the person could do at registration with the policy on
     */
    public record Row(Subject subject, List<String> whatIf, List<String> forecast, List<String> byLocation,
                      boolean agrees, String outcome) {
        public Row {
            whatIf = List.copyOf(whatIf);
            forecast = List.copyOf(forecast);
            byLocation = List.copyOf(byLocation);
        }
    }

    private WhatIfComparison() {
    }

    /**
     * @param policy the registration policy as the tenant holds it (any state)
     * @param whatIf asks Graph; one call per subject
     */
    public static List<Row> compare(RegistrationRead read, ConditionalAccessPolicy policy, List<Subject> subjects,
                                    Function<WhatIfQuery, List<WhatIfResult>> whatIf) {
        List<ConditionalAccessPolicy> reaching = ActionCoverage.of(read.policies()).reaches().stream()
                .map(ActionCoverage.Reach::policy).toList();
        ConditionalAccessPolicy on = DraftPolicies.inState(policy, State.ENABLED);
        SignInSimulator simulator = new SignInSimulator(DraftPolicies.with(read.policies(), on), read.methodsPolicy(),
                read.now());
        List<Row> rows = new ArrayList<>();
        for (Subject subject : subjects) {
            Set<String> graph = new TreeSet<>();
            Set<String> byLocation = new TreeSet<>();
            for (WhatIfResult result : whatIf.apply(WhatIfQuery.registeringSecurityInfo(subject.user().profile().id(),
                    subject.compliantDevice()))) {
                if (!reachesAction(result.policy(), reaching)) {
                    continue;
                }
                if (!result.policy().locations().isNone()) {
                    byLocation.add(name(result.policy()));
                } else if (result.applies()) {
                    graph.add(name(result.policy()));
                }
            }
            Set<String> ours = new TreeSet<>();
            reaching.stream().filter(p -> p.state() != State.DISABLED).filter(p -> p.locations().isNone())
                    .filter(p -> PolicyScope.appliesTo(p, subject.user(), SignInTarget.REGISTER_SECURITY_INFO))
                    .forEach(p -> ours.add(name(p)));
            rows.add(new Row(subject, List.copyOf(graph), List.copyOf(ours), List.copyOf(byLocation),
                    graph.equals(ours), outcome(simulator, subject)));
        }
        return rows;
    }

    /** The policies What If lists are all of the tenant's; only those reaching the action belong in the table. */
    private static boolean reachesAction(ConditionalAccessPolicy policy, List<ConditionalAccessPolicy> reaching) {
        return reaching.stream().anyMatch(p -> p.id() != null && p.id().equalsIgnoreCase(policy.id()));
    }

    private static String outcome(SignInSimulator simulator, Subject subject) {
        List<String> through = new ArrayList<>();
        String firstRefusal = null;
        for (SignInMethod method : SignInMethod.values()) {
            if (!simulator.usableAsNamed(method, subject.user())) {
                continue; // the password alone, which "password only" already names
            }
            SignInSituation situation = SignInSituation.of(method, SignInTarget.REGISTER_SECURITY_INFO);
            SignInVerdict verdict = simulator.simulate(subject.user(),
                    subject.compliantDevice() ? situation.onCompliantDevice() : situation);
            if (verdict.outcome() == SignInVerdict.Outcome.SIGNS_IN) {
                through.add(method.label());
            } else if (firstRefusal == null && verdict.outcome() != SignInVerdict.Outcome.METHOD_UNAVAILABLE) {
                firstRefusal = verdict.headline();
            }
        }
        if (!through.isEmpty()) {
            return "can register, with " + String.join(" or ", through);
        }
        return "could NOT register" + (firstRefusal == null ? ": no method they have gets through" : ": "
                + firstRefusal);
    }

    static boolean hasPasskey(UserSnapshot user) {
        return user.methods().stream().anyMatch(m -> m.type() == MethodType.FIDO2);
    }

    private static String name(ConditionalAccessPolicy policy) {
        return policy.displayName() == null ? policy.id() : policy.displayName();
    }
}
