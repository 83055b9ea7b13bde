package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.signin.PolicyScope;
import dev.gatehouse.domain.signin.SignInSimulator;
import dev.gatehouse.domain.signin.SignInTarget;
import dev.gatehouse.domain.signin.UserSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The last check before the registration policy is turned On (issue 9, step 6; DESIGN.md "never lock the tenant
 * out"), made before any request is sent. It refuses when:
 * <ul>
 *     <li>no emergency-access account is known. Without them the guard cannot tell whether the tenant keeps a way
 *     in, and "we do not know" is exactly when a lock-out goes unnoticed; choosing the group is one command, so the
 *     refusal costs little and says how;</li>
 *     <li>the policy would apply to every emergency-access account (none excluded);</li>
 *     <li>the acting admin is in its scope and could not reach Register security information afterwards with any
 *     method they have (on a device that is not compliant: see {@link RegistrationRoutes}).</li>
 * </ul>
 */
public final class LockOutGuard {

    private static final String CHOOSE_GROUP = "Choose the emergency-access group (" + EmergencyAccess.HOW_TO_CHOOSE
            + "; for one command, --breakglass-group ID|NAME), exclude it from the policy, then turn it on.";

    private LockOutGuard() {
    }

    /**
     * @param draftTurnedOn     the policy about to be turned On (its state is taken as On whatever it says)
     * @param others            every other Conditional Access policy of the tenant, in any state
     * @param emergencyAccounts the members of the tenant's emergency-access group, with their groups and methods
     * @param methodsPolicy     the tenant's authentication methods policy; null when it could not be read
     */
    public static LockOutVerdict check(ConditionalAccessPolicy draftTurnedOn, List<ConditionalAccessPolicy> others,
                                       List<UserSnapshot> emergencyAccounts, UserSnapshot actingAdmin,
                                       MethodsPolicy methodsPolicy, Instant now) {
        Objects.requireNonNull(actingAdmin, "actingAdmin");
        ConditionalAccessPolicy on = DraftPolicies.inState(draftTurnedOn, State.ENABLED);
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        emergencyAccounts(on, emergencyAccounts, reasons, warnings);
        if (PolicyScope.appliesTo(on, actingAdmin, SignInTarget.REGISTER_SECURITY_INFO)) {
            SignInSimulator simulator = new SignInSimulator(DraftPolicies.with(others, on),
                    Optional.ofNullable(methodsPolicy), now);
            RegistrationRoutes.Finding admin = RegistrationRoutes.of(simulator, actingAdmin);
            if (!admin.canRegister()) {
                reasons.add("You, " + RegistrationRoutes.name(actingAdmin) + ", are not excluded from '"
                        + on.displayName() + "' and could not register security information once it is on: "
                        + String.join("; ", admin.refusals()) + " (on a device that is not compliant). Fix: register"
                        + " a passkey at https://aka.ms/mysecurityinfo before turning it on, or ask another admin for"
                        + " a one-time Temporary Access Pass (nobody can issue one to themselves).");
            }
        }
        return new LockOutVerdict(!reasons.isEmpty(), reasons, warnings);
    }

    private static void emergencyAccounts(ConditionalAccessPolicy on, List<UserSnapshot> accounts,
                                          List<String> reasons, List<String> warnings) {
        if (accounts.isEmpty()) {
            reasons.add("No emergency-access account is known, so nothing shows that the tenant keeps a way in if '"
                    + on.displayName() + "' or a method it relies on fails. " + CHOOSE_GROUP);
            return;
        }
        List<UserSnapshot> covered = accounts.stream()
                .filter(a -> PolicyScope.appliesTo(on, a, SignInTarget.REGISTER_SECURITY_INFO)).toList();
        String names = covered.stream().map(RegistrationRoutes::name).collect(Collectors.joining(", "));
        if (covered.size() == accounts.size()) {
            reasons.add("'" + on.displayName() + "' would apply to every emergency-access account (" + names
                    + "): none is excluded, so if the policy or a method it relies on fails, no account is left"
                    + " to fix it. Fix: exclude the emergency-access group from the policy (Users, Exclude), then"
                    + " turn it on.");
        } else if (!covered.isEmpty()) {
            warnings.add("'" + on.displayName() + "' would apply to the emergency-access account(s) " + names
                    + ", though others are excluded: exclude the whole emergency-access group rather than single"
                    + " accounts.");
        }
    }
}
