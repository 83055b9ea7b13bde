package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.WhatIfQuery;
import dev.gatehouse.domain.policy.WhatIfResult;
import dev.gatehouse.domain.signin.PolicyScope;
import dev.gatehouse.domain.signin.SignInTarget;
import dev.gatehouse.domain.tenant.GroupRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What If for the dedicated policy, between saving it in report-only and turning it on: for each emergency-access
 * account signing in to the Azure portal (and the management API it calls), the policies Graph's What If says apply (report-only ones included, which
 * is how a report-only policy shows whom it would reach) beside the ones Gatehouse's own reading of the assignments
 * finds. Only the dedicated policy should reach an account; anything else is named, and a disagreement between the
 * two is shown, never smoothed over: one of them is wrong about this tenant.
 */
public final class DedicatedPolicyWhatIf {

    /**
     * Where an emergency account signs in to repair the tenant, each asked of What If on its own: the Azure portal, and
     * the Azure management API the portal calls (policies "for Azure management" target the latter).
     */
    public static final List<SignInTarget> SIGN_IN = List.of(SignInTarget.AZURE_PORTAL, SignInTarget.AZURE_MANAGEMENT);

    /**
     * One account.
     *
     * @param whatIf     the policies that apply per Graph's What If, by name, sorted (location-dependent ones left out)
     * @param forecast   the same per Gatehouse's reading of the policies' assignments, sorted
     * @param byLocation policies with a location condition that nothing else keeps away: whether they apply depends on
     *                   the network, which neither side knows (What If is asked without an IP address), so they are
     *                   named, not compared, and keep the account from being ready
     * @param others     the policies What If says reach the account that are not dedicated to phishing-resistant MFA
     * @param outcome    what the account could do once the dedicated policy is on
     * @param ready      nothing stands in the way of turning the policy on for this account
     */
    public record Row(String displayName, String userPrincipalName, List<String> whatIf, List<String> forecast,
                      List<String> byLocation, boolean agrees, List<String> others, String outcome, boolean ready) {
        public Row {
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(userPrincipalName, "userPrincipalName");
            whatIf = List.copyOf(whatIf);
            forecast = List.copyOf(forecast);
            byLocation = List.copyOf(byLocation);
            others = List.copyOf(others);
        }

        /** The account as one label: its name and sign-in name. */
        public String account() {
            return displayName + " (" + userPrincipalName + ")";
        }
    }

    private DedicatedPolicyWhatIf() {
    }

    /**
     * Asks What If once per account.
     *
     * @throws IllegalStateException when there is nothing to ask about yet: no group, no dedicated policy saved, or the
     *                               policies could not be read (the message says which, for the admin)
     */
    public static List<Row> ask(BreakGlassSetupRead read, Function<WhatIfQuery, List<WhatIfResult>> whatIf) {
        HealthRead health = read.health().orElseThrow(() -> new IllegalStateException("The emergency-access group "
                + "is not in place yet: What If has no accounts to ask about."));
        GroupRef group = read.group().orElseThrow(() -> new IllegalStateException("The emergency-access group is "
                + "not in place yet: What If has no accounts to ask about."));
        if (!health.policies().isKnown()) {
            throw new IllegalStateException("The Conditional Access policies could not be read: "
                    + health.policies().whyUnknown());
        }
        ConditionalAccessPolicy dedicated = DedicatedPolicy.existing(health.policies().get(), group).stream()
                .filter(p -> p.state() != State.DISABLED).findFirst()
                .orElseThrow(() -> new IllegalStateException("\u201c" + DedicatedPolicy.NAME + "\u201d is not saved "
                        + "for " + group.displayName() + " yet: save it in report-only first (the step before)."));
        List<ConditionalAccessPolicy> active = health.activePolicies().orElseThrow();
        List<Row> rows = new ArrayList<>();
        for (AccountFacts account : health.accounts()) {
            List<WhatIfResult> answers = new ArrayList<>();
            SIGN_IN.forEach(target -> answers.addAll(whatIf.apply(WhatIfQuery.signingInTo(account.id(), target.id()))));
            rows.add(row(account, dedicated, active, read.methodsPolicy(), answers));
        }
        return rows;
    }

    private static Row row(AccountFacts account, ConditionalAccessPolicy dedicated, List<ConditionalAccessPolicy> active,
                           Optional<MethodsPolicy> methods, List<WhatIfResult> answer) {
        Set<String> graph = new TreeSet<>();
        Set<String> byLocation = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        boolean dedicatedApplies = false;
        for (WhatIfResult result : answer) {
            ConditionalAccessPolicy policy = result.policy();
            if (!policy.locations().isNone()) {
                // named only when the network is all that could keep it away: not when it excludes the account
                if (onlyTheNetworkUnknown(result) && !PolicyExclusions.dedicatedPhishingResistant(policy)) {
                    byLocation.add(name(policy));
                }
            } else if (result.applies()) {
                graph.add(name(policy));
                dedicatedApplies |= policy.id() != null && policy.id().equalsIgnoreCase(dedicated.id());
                // another policy asking for phishing-resistant MFA only is one the keys meet: not in the way
                if (!PolicyExclusions.dedicatedPhishingResistant(policy)) {
                    others.add(name(policy));
                }
            }
        }
        Set<String> ours = new TreeSet<>();
        active.stream().filter(p -> p.locations().isNone())
                .filter(p -> SIGN_IN.stream().anyMatch(target -> PolicyScope.appliesTo(p, account.snapshot(), target)))
                .forEach(p -> ours.add(name(p)));
        Optional<String> lockOut = methods.isEmpty() ? Optional.of("Whether the methods policy lets it use a key "
                + "could not be read.") : DedicatedPolicy.lockOut(account, methods);
        String outcome;
        if (methods.isEmpty()) {
            outcome = "Not checked: " + lockOut.get();
        } else if (lockOut.isPresent()) {
            outcome = "Locked out: " + lockOut.get();
        } else if (!dedicatedApplies) {
            outcome = "\u201c" + dedicated.displayName() + "\u201d does not reach it, so turning it on changes nothing "
                    + "for this account: its sign-ins stay without phishing-resistant MFA.";
        } else if (!others.isEmpty()) {
            outcome = "Signs in with its FIDO2 key, and must also satisfy " + String.join(", ", others) + ", which should exclude "
                    + "the group: a policy meant for everyone can lock an emergency account out (the Conditional "
                    + "Access step adds the exclusion).";
        } else if (!byLocation.isEmpty()) {
            outcome = "Signs in with its FIDO2 key, and may also have to satisfy " + String.join(", ", byLocation)
                    + " depending on the network it signs in from, which What If was not told: exclude the group "
                    + "there too (the Conditional Access step adds the exclusion).";
        } else {
            outcome = "Signs in to the Azure portal with its FIDO2 key; no other policy reaches it.";
        }
        // a location-dependent policy is not known to stay away, so it is not ready either
        boolean ready = lockOut.isEmpty() && dedicatedApplies && others.isEmpty() && byLocation.isEmpty();
        return new Row(account.displayName(), account.userPrincipalName(), List.copyOf(graph),
                List.copyOf(ours), List.copyOf(byLocation), graph.equals(ours), List.copyOf(others), outcome, ready);
    }

    /** It applies, or nothing but the network (or details What If was not given) keeps it from applying. */
    private static boolean onlyTheNetworkUnknown(WhatIfResult result) {
        return result.applies() || UNDECIDED.containsAll(result.analysisReasons());
    }

    /** What If's reasons that say only that it was not told enough: the network, or other sign-in details. */
    private static final Set<String> UNDECIDED = Set.of("location", "notEnoughInformation");

    private static String name(ConditionalAccessPolicy policy) {
        return "\u201c" + policy.displayName() + "\u201d (" + policy.state().words() + ")";
    }

}
