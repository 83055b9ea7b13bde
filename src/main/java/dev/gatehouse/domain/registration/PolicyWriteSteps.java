package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.GraphPolicyJson;
import dev.gatehouse.domain.policy.NewAuthenticationStrength;
import dev.gatehouse.domain.tenant.PolicyWriter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static dev.gatehouse.domain.tenant.PolicyWriter.CONDITIONAL_ACCESS;

/**
 * The writes of the registration-policy procedure as plan steps: the strength when the tenant has none that allows
 * exactly a passkey or a one-time TAP, then the policy created or changed. Each shows the exact body it sends.
 */
final class PolicyWriteSteps {

    static final String POLICIES = "/identity/conditionalAccess/policies";

    private final PolicyWriter writer;
    /** The strength the policy requires: reused from the tenant, or the one the first step creates. */
    private final AtomicReference<AuthenticationStrength> strength = new AtomicReference<>();

    PolicyWriteSteps(PolicyWriter writer, Optional<AuthenticationStrength> reused) {
        this.writer = writer;
        reused.ifPresent(strength::set);
    }

    Step createStrength(NewAuthenticationStrength wanted) {
        return new Step("create-strength", "Create the authentication strength \u201c" + wanted.displayName() + "\u201d",
                "Adds a custom authentication strength that allows exactly: "
                        + String.join(", ", wanted.allowedCombinations()) + ". Nothing requires it until the policy "
                        + "that follows does.",
                "Nobody notices: a strength does nothing on its own.",
                List.of(new GraphRequest("POST", "/policies/authenticationStrengthPolicies",
                        GraphPolicyJson.authenticationStrength(wanted))),
                CONDITIONAL_ACCESS, Reversibility.reversible("Delete the strength once no policy requires it "
                + "(DELETE /policies/authenticationStrengthPolicies/{id})."), Risk.LOW, List.of(),
                context -> {
                    AuthenticationStrength created = writer.createAuthenticationStrength(wanted);
                    strength.set(created);
                    return StepResult.changed("Created the authentication strength " + created.displayName()
                            + " (" + created.id() + ").", Map.of(), Map.of("authenticationStrength", created.id()));
                });
    }

    Step createPolicy(RegistrationPolicyDesign design) {
        ConditionalAccessPolicy shown = design.toPolicy(placeholder(design));
        return new Step("save-policy", "Create \u201c" + design.displayName() + "\u201d in " + design.state().words(),
                "Adds a Conditional Access policy on the user action \u201cRegister security information\u201d: "
                        + PolicyWords.grant(shown.grant()) + ".",
                design.state() == State.ENABLED ? "Users in its scope must meet it to register or change a method."
                        : "Nobody notices: report-only is not evaluated for user actions, so it changes nothing at "
                        + "registration and logs nothing for it.",
                List.of(new GraphRequest("POST", POLICIES, GraphPolicyJson.conditionalAccessPolicy(shown))),
                CONDITIONAL_ACCESS, Reversibility.reversible("Delete the policy (DELETE " + POLICIES + "/{id}), or "
                + "turn it off."), design.state() == State.ENABLED ? Risk.HIGH : Risk.LOW, List.of(),
                context -> {
                    ConditionalAccessPolicy created = writer.createConditionalAccessPolicy(design.toPolicy(resolved()));
                    return StepResult.changed("Created \u201c" + created.displayName() + "\u201d (" + created.id()
                            + ") in " + created.state().words() + ".", Map.of(), Map.of("policy", created.id()));
                });
    }

    /** @param changes the field-by-field difference, shown as the step's effect */
    Step updatePolicy(ConditionalAccessPolicy current, RegistrationPolicyDesign design,
                      List<PolicyDiff.FieldChange> changes, String title, Risk risk) {
        ConditionalAccessPolicy shown = design.toPolicy(placeholder(design)).withId(current.id());
        return new Step("update-policy", title,
                "Changes \u201c" + current.displayName() + "\u201d field by field: " + changes.stream()
                        .map(PolicyDiff.FieldChange::describe).collect(Collectors.joining("; ")) + ". Conditions "
                        + "Gatehouse does not manage (platforms, devices, risk, other session controls) are sent "
                        + "back as they are.",
                design.state() == State.ENABLED ? "Users in its scope must meet it to register or change a method "
                        + "from their next registration on." : "Nobody notices: report-only is not evaluated for "
                        + "user actions.",
                List.of(GraphRequest.of("GET", POLICIES + "/" + current.id()),
                        new GraphRequest("PATCH", POLICIES + "/" + current.id(),
                                GraphPolicyJson.conditionalAccessPolicy(shown))),
                CONDITIONAL_ACCESS, Reversibility.reversible("Change it back: the journal keeps every field "
                + "Gatehouse changed as it was (" + current.state().words() + " before)."), risk, List.of(),
                context -> {
                    ConditionalAccessPolicy after = design.toPolicy(resolved());
                    ConditionalAccessPolicy before = writer.updateConditionalAccessPolicy(current.id(), after);
                    // the managed fields before and after, as Graph bodies: enough to put the policy back by hand
                    return StepResult.changed("Changed \u201c" + design.displayName() + "\u201d: now "
                                    + design.state().words() + ".",
                            Map.of("state", before.state().graphValue(),
                                    "policy", GraphPolicyJson.conditionalAccessPolicy(before)),
                            Map.of("state", design.state().graphValue(),
                                    "policy", GraphPolicyJson.conditionalAccessPolicy(after)));
                });
    }

    /** Turns the policy off ({@code state: disabled}) and nothing else: its design stays for turning it on again. */
    Step turnOff(ConditionalAccessPolicy current) {
        return new Step("turn-off-policy", "Turn \u201c" + current.displayName() + "\u201d off",
                "Sets the policy's state to Off (disabled); its users, grant and exclusions stay as they are.",
                current.state() == State.ENABLED ? "Registering or changing a sign-in method no longer needs what "
                        + "the policy requires: anyone with a user's password can register their own methods again."
                        : "Nobody notices: the policy was not enforced.",
                List.of(new GraphRequest("PATCH", POLICIES + "/" + current.id(), "{\"state\":\"disabled\"}")),
                CONDITIONAL_ACCESS, Reversibility.reversible("Turn it on again (state " + current.state().graphValue()
                + ", as it was)."), current.state() == State.ENABLED ? Risk.HIGH : Risk.LOW, List.of(),
                context -> {
                    writer.setConditionalAccessPolicyState(current.id(), State.DISABLED);
                    return StepResult.changed("Turned \u201c" + current.displayName() + "\u201d off.",
                            Map.of("state", current.state().graphValue()), Map.of("state", State.DISABLED.graphValue()));
                });
    }

    private AuthenticationStrength resolved() {
        AuthenticationStrength resolved = strength.get();
        if (resolved == null) {
            throw new IllegalStateException("The authentication strength was neither found nor created");
        }
        return resolved;
    }

    /** The strength to show in a body before it exists: its id is Graph's to give. */
    private AuthenticationStrength placeholder(RegistrationPolicyDesign design) {
        AuthenticationStrength known = strength.get();
        if (known != null) {
            return known;
        }
        return design.strengthToCreate().map(PolicyExport::placeholder).orElse(null);
    }
}
