package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Locations;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.registration.CheckerVerdict.Outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static dev.gatehouse.domain.policy.ConditionalAccessPolicy.REGISTER_SECURITY_INFO;
import static dev.gatehouse.domain.registration.PolicyWords.has;

/**
 * What three public checkers would say of the tenant's "Register security information" policies
 * (peer-tools.md §2.4–§2.6, §3.3, and each checker's source as read in late 2026). Each passes when at least one
 * policy meets all its criteria; the points shown are tried on the policy that comes closest, so an admin sees which
 * criterion stands between them and a pass. Only what the checker itself tests is tested here: no criterion is added
 * because it would be wise.
 */
public final class RegistrationCheckers {

    static final String MAESTER_ID = "MT.1011";
    static final String SCUBA_ID = "MS.AAD.3.8v1";
    static final String ZTA_ID = "ZTA 21806";

    private RegistrationCheckers() {
    }

    /** The three verdicts, in the order the home view shows them. */
    public static List<CheckerVerdict> all(List<ConditionalAccessPolicy> policies) {
        return List.of(maester(policies), scubaGear(policies), zeroTrustAssessment(policies));
    }

    /**
     * Maester MT.1011 ({@code Test-MtCaSecureSecurityInfoRegistration}): an enabled policy, not one granting by
     * password change, that includes All users, the user action, all client apps, and All locations with a location
     * excluded.
     */
    public static CheckerVerdict maester(List<ConditionalAccessPolicy> policies) {
        return verdict(MAESTER_ID, "Maester: security info registration is secured, only from a trusted location",
                policies, p -> List.of(
                        enabled(p),
                        allUsers(p),
                        action(p),
                        new CheckPoint("Client apps: all (a browser-only policy does not count)",
                                has(p.clientAppTypes(), ConditionalAccessPolicy.ALL_CLIENT_APPS)),
                        new CheckPoint("Locations: includes any location (All)",
                                has(p.locations().includeLocations(), Locations.ALL)),
                        new CheckPoint("Locations: excludes a trusted location (All trusted locations, or a named"
                                + " location marked trusted)", !p.locations().excludeLocations().isEmpty()),
                        new CheckPoint("Grant is not \"require password change\" (Maester sets such policies aside)",
                                !has(p.grant().builtInControls(), "passwordChange"))),
                p -> Optional.of("Maester skips this test on a tenant without Entra ID P1. Recent Maester versions"
                        + " count an excluded named location only when it is marked trusted (only IP ranges can"
                        + " be); Gatehouse does not read named locations, so an excluded location other than"
                        + " All trusted locations is taken as trusted here. A policy without a location condition,"
                        + " like the one this wizard designs, fails MT.1011 whatever its grant."));
    }

    /**
     * CISA ScubaGear MS.AAD.3.8v1 (Rego {@code RequireManagedDeviceMFA}): an enabled policy that includes All users
     * and the user action and whose built-in controls hold {@code compliantDevice} or {@code domainJoinedDevice}
     * (the operator is not looked at); every excluded user and group must be declared in ScubaGear's config.
     */
    public static CheckerVerdict scubaGear(List<ConditionalAccessPolicy> policies) {
        return verdict(SCUBA_ID, "CISA ScubaGear: managed devices SHOULD be required to register MFA", policies,
                p -> List.of(
                        enabled(p),
                        allUsers(p),
                        action(p),
                        new CheckPoint("Grant includes a compliant device or a Microsoft Entra hybrid joined device"
                                + " (AND or OR does not matter)", has(p.grant().builtInControls(), "compliantDevice")
                                || has(p.grant().builtInControls(), "domainJoinedDevice"))),
                RegistrationCheckers::scubaGearExclusions);
    }

    /**
     * Zero Trust Assessment 21806 ("Secure the MFA registration (My Security Info) page"): any enabled policy that
     * includes All users and the user action. The grant is not looked at; report-only does not count.
     */
    public static CheckerVerdict zeroTrustAssessment(List<ConditionalAccessPolicy> policies) {
        return verdict(ZTA_ID, "Zero Trust Assessment: secure the MFA registration (My Security Info) page",
                policies, p -> List.of(enabled(p), allUsers(p), action(p)),
                p -> Optional.of("The assessment does not look at the grant, the exclusions or the conditions: any"
                        + " enabled All-users policy on the action passes, whatever it requires."));
    }

    private static CheckerVerdict verdict(String id, String title, List<ConditionalAccessPolicy> policies,
                                          Function<ConditionalAccessPolicy, List<CheckPoint>> criteria,
                                          Function<ConditionalAccessPolicy, Optional<String>> note) {
        List<ConditionalAccessPolicy> onAction = policies.stream()
                .filter(p -> has(p.includeUserActions(), REGISTER_SECURITY_INFO)).toList();
        if (onAction.isEmpty()) {
            return new CheckerVerdict(id, title, Outcome.FAIL, List.of(new CheckPoint("A Conditional Access policy"
                    + " targets the user action Register security information (" + REGISTER_SECURITY_INFO + ")",
                    false)), Optional.of("No policy in the tenant targets the user action, whatever its state."));
        }
        // The closest policy: most criteria met; the first listed among equals, so the answer is stable.
        ConditionalAccessPolicy closest = onAction.stream()
                .max(Comparator.comparingLong((ConditionalAccessPolicy p) -> criteria.apply(p).stream()
                        .filter(CheckPoint::met).count()).thenComparing(p -> -onAction.indexOf(p)))
                .orElseThrow();
        List<CheckPoint> points = criteria.apply(closest);
        boolean passes = points.stream().allMatch(CheckPoint::met);
        String triedOn = "Points tried on policy " + PolicyWords.named(closest)
                + (onAction.size() > 1 ? ", the closest of the " + onAction.size() + " on the action" : "") + ".";
        return new CheckerVerdict(id, title, passes ? Outcome.PASS : Outcome.FAIL, points,
                Optional.of(note.apply(closest).map(n -> triedOn + " " + n).orElse(triedOn)));
    }

    private static Optional<String> scubaGearExclusions(ConditionalAccessPolicy policy) {
        List<String> declare = new ArrayList<>();
        if (!policy.users().excludeUsers().isEmpty()) {
            declare.add("users " + String.join(", ", policy.users().excludeUsers().stream().sorted().toList())
                    + " under CapExclusions.Users");
        }
        if (!policy.users().excludeGroups().isEmpty()) {
            declare.add("groups " + String.join(", ", policy.users().excludeGroups().stream().sorted().toList())
                    + " under CapExclusions.Groups");
        }
        String scope = " Excluded roles and the guest exclusion are not looked at.";
        if (declare.isEmpty()) {
            return Optional.of("The policy excludes no user or group, so ScubaGear's config needs no CapExclusions"
                    + " entry for it." + scope);
        }
        return Optional.of("ScubaGear counts a policy with exclusions only when every excluded user and group is"
                + " declared in its config file for " + SCUBA_ID + ": " + String.join("; ", declare) + ". Gatehouse"
                + " cannot see that file, so a PASS here holds only once they are declared." + scope);
    }

    private static CheckPoint enabled(ConditionalAccessPolicy policy) {
        return new CheckPoint("State is On (report-only and Off do not count); it is "
                + PolicyWords.state(policy.state()), policy.state() == State.ENABLED);
    }

    private static CheckPoint allUsers(ConditionalAccessPolicy policy) {
        return new CheckPoint("Users: includes All users", has(policy.users().includeUsers(), "All"));
    }

    private static CheckPoint action(ConditionalAccessPolicy policy) {
        return new CheckPoint("Target: the user action Register security information",
                has(policy.includeUserActions(), REGISTER_SECURITY_INFO));
    }
}
