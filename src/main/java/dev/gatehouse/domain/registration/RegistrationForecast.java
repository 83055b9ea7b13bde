package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.signin.PolicyScope;
import dev.gatehouse.domain.signin.SignInSimulator;
import dev.gatehouse.domain.signin.SignInTarget;
import dev.gatehouse.domain.signin.UserSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * What the sign-in simulator says a policy change means at "Register security information" for the people whose
 * access matters most: the acting admin and each emergency-access account. One line each, in the admin's words, so a
 * stage can show it before Confirm and What If can be set beside it.
 */
final class RegistrationForecast {

    private RegistrationForecast() {
    }

    /** @param policy the policy as the stage leaves it (its state as the stage sets it) */
    static List<String> lines(RegistrationRead read, ConditionalAccessPolicy policy) {
        List<ConditionalAccessPolicy> after = DraftPolicies.with(read.policies(), policy);
        SignInSimulator simulator = new SignInSimulator(after, read.methodsPolicy(), read.now());
        List<String> lines = new ArrayList<>();
        lines.add(line(simulator, policy, read.actingAdmin(), "you"));
        read.emergencyAccounts().forEach(account -> lines.add(line(simulator, policy, account, "emergency access")));
        return lines;
    }

    private static String line(SignInSimulator simulator, ConditionalAccessPolicy policy, UserSnapshot user,
                               String role) {
        String who = RegistrationRoutes.name(user) + " (" + role + ")";
        boolean reached = PolicyScope.appliesTo(policy, user, SignInTarget.REGISTER_SECURITY_INFO);
        String scope = !reached ? "outside the policy"
                : policy.state() == ConditionalAccessPolicy.State.ENABLED ? "inside the policy, enforced"
                : "inside the policy, but report-only is not enforced for user actions";
        RegistrationRoutes.Finding routes = RegistrationRoutes.of(simulator, user);
        return who + ": " + scope + "; " + (routes.canRegister()
                ? "can register security information with " + String.join(" or ", routes.reachable())
                : "could NOT register security information on a device that is not compliant ("
                + String.join("; ", routes.refusals()) + ")") + ".";
    }
}
