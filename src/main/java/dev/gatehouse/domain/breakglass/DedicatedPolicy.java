package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Grant;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import dev.gatehouse.domain.policy.KeyRestrictions;
import dev.gatehouse.domain.policy.MethodConfigurationChange;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.tenant.GroupRef;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one policy that may reach the emergency-access accounts (Microsoft's emergency-access guidance: require
 * phishing-resistant MFA of them): "Emergency access: phishing-resistant MFA", the group included, every resource,
 * the built-in strength "Phishing-resistant MFA" as its only grant. It is saved in report-only first and turned on only
 * when every account can meet it, so it can never be what locks them out.
 */
public final class DedicatedPolicy {

    public static final String NAME = "Emergency access: phishing-resistant MFA";

    /** The built-in strength, as a write refers to it (Graph sends the id only; the combinations are for the texts). */
    static final AuthenticationStrength PHISHING_RESISTANT = new AuthenticationStrength(
            PolicyExclusions.PHISHING_RESISTANT_STRENGTH, "Phishing-resistant MFA",
            PolicyExclusions.PHISHING_RESISTANT_COMBINATIONS);

    private DedicatedPolicy() {
    }

    /** The policy to create for {@code group}, in {@code state}. */
    static ConditionalAccessPolicy draft(GroupRef group, State state) {
        return new ConditionalAccessPolicy(null, NAME, state,
                new Users(Set.of(), Set.of(), Set.of(group.id()), Set.of(), Set.of(), Set.of(), false, false),
                Set.of("All"), Set.of(), Set.of(), new Grant(false, Set.of(), Optional.of(PHISHING_RESISTANT)),
                Optional.empty());
    }

    /** The tenant's dedicated phishing-resistant policies that name the group, most enforced first. */
    static List<ConditionalAccessPolicy> existing(List<ConditionalAccessPolicy> all, GroupRef group) {
        return all.stream().filter(PolicyExclusions::dedicatedPhishingResistant)
                .filter(p -> p.users().includesGroup(group.id()))
                .sorted(java.util.Comparator.comparing(p -> p.state().ordinal())).toList();
    }

    /**
     * Why turning the policy on would lock an account out, one sentence per account: it has no FIDO2 key, the methods
     * policy does not let it use one, or the key restrictions refuse every key it has. Empty when every account can
     * meet the policy.
     */
    static List<String> lockOuts(HealthRead health, Optional<MethodsPolicy> methods) {
        return health.accounts().stream().flatMap(account -> lockOut(account, methods).stream()).toList();
    }

    /** Why turning the policy on would lock this account out; empty when it can meet the policy. */
    static Optional<String> lockOut(AccountFacts account, Optional<MethodsPolicy> methods) {
        String name = account.displayName() + " (" + account.userPrincipalName() + ")";
        List<AuthMethod> keys = account.detail().methods().stream().filter(m -> m.type() == MethodType.FIDO2)
                .toList();
        if (keys.isEmpty()) {
            return Optional.of(name + " has no FIDO2 key: the policy would leave it no way to sign in.");
        }
        Optional<Boolean> allowed = methods.flatMap(policy -> policy.configuration(MethodConfigurationChange.FIDO2))
                .map(fido2 -> fido2.appliesTo(account.id(), account.groupIds().value().orElse(Set.of())));
        if (allowed.isEmpty()) {
            return Optional.of("Whether the methods policy lets " + name + " use its key could not be read.");
        }
        if (!allowed.get()) {
            return Optional.of("The methods policy does not let " + name + " use a passkey (FIDO2), so its key "
                    + "would not satisfy the policy.");
        }
        KeyRestrictions restrictions = methods.get().keyRestrictions();
        if (BlockedKeys.among(keys, restrictions).size() == keys.size()) {
            return Optional.of(name + " has only keys of a model " + BlockedKeys.why(restrictions) + " of the FIDO2 "
                    + "key restrictions (" + String.join(", ", keys.stream().map(AccountChecks::describeKey)
                    .toList()) + "), which Entra refuses at sign-in: the policy would leave it no way in.");
        }
        return Optional.empty();
    }
}
