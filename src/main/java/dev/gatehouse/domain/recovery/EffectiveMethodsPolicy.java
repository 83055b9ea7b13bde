package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.tenant.GroupRef;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The portal's "View authentication methods policy" for one user, which Graph has no API for (graph-facts §5.3):
 * each method configuration of the tenant policy, checked against the user's groups. An exclusion wins over an
 * inclusion, as in Entra.
 */
public record EffectiveMethodsPolicy(List<Row> rows) {

    /**
     * @param method          the configuration id ({@code Fido2}, {@code TemporaryAccessPass}…)
     * @param label           what the admin calls it
     * @param enabledForUser  whether this user may register and use the method
     * @param through         the include target that lets them in ("All users", a group), empty when not enabled
     * @param reason          why, in one sentence
     */
    public record Row(String method, String label, boolean enabledForUser, Optional<String> through, String reason) {
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("fido2", "Passkey (FIDO2)"),
            Map.entry("microsoftauthenticator", "Microsoft Authenticator"),
            Map.entry("sms", "SMS"),
            Map.entry("voice", "Voice call"),
            Map.entry("temporaryaccesspass", "Temporary Access Pass"),
            Map.entry("softwareoath", "Third-party software OATH tokens"),
            Map.entry("hardwareoath", "Hardware OATH tokens"),
            Map.entry("email", "Email OTP"),
            Map.entry("x509certificate", "Certificate-based authentication"),
            Map.entry("qrcodepin", "QR code"));

    public EffectiveMethodsPolicy {
        rows = List.copyOf(rows);
    }

    /** @param groups every group the user belongs to, transitively */
    public static EffectiveMethodsPolicy compute(MethodsPolicy policy, String userId, List<GroupRef> groups) {
        Map<String, GroupRef> byId = groups.stream()
                .collect(Collectors.toMap(g -> g.id().toLowerCase(), Function.identity(), (a, b) -> a));
        Set<String> groupIds = byId.keySet();
        return new EffectiveMethodsPolicy(policy.configurations().stream()
                .map(c -> row(c, userId, groupIds, byId)).toList());
    }

    public Optional<Row> row(String method) {
        return rows.stream().filter(r -> r.method().equalsIgnoreCase(method)).findFirst();
    }

    private static Row row(MethodConfiguration configuration, String userId, Set<String> groupIds,
                           Map<String, GroupRef> groups) {
        String label = LABELS.getOrDefault(configuration.id().toLowerCase(), configuration.id());
        if (!configuration.enabled()) {
            return new Row(configuration.id(), label, false, Optional.empty(), "Disabled for the whole tenant.");
        }
        Optional<PolicyTarget> excluded = configuration.excludedBy(userId, groupIds);
        if (excluded.isPresent()) {
            return new Row(configuration.id(), label, false, Optional.empty(),
                    "Excluded through " + name(excluded.get(), groups) + ".");
        }
        Optional<PolicyTarget> included = configuration.targetFor(userId, groupIds);
        if (included.isPresent()) {
            String through = name(included.get(), groups);
            // the state column already says "Enabled via …": the reason says what that means for this user
            return new Row(configuration.id(), label, true, Optional.of(through), enabledBecause(included.get(),
                    through, configuration.excludeTargets().isEmpty()));
        }
        String targets = configuration.includeTargets().stream().map(t -> name(t, groups))
                .collect(Collectors.joining(", "));
        return new Row(configuration.id(), label, false, Optional.empty(), targets.isEmpty()
                ? "Enabled, but for nobody (no include targets)."
                : "Enabled only for " + targets + ", and the user is not a member.");
    }

    private static String enabledBecause(PolicyTarget target, String through, boolean noExclusions) {
        String unless = noExclusions ? "" : " None of its exclusions applies to the user.";
        if (target.isAllUsers()) {
            return "Every user in the tenant may register and use it." + unless;
        }
        if (target.kind() == PolicyTarget.Kind.USER) {
            return "The configuration names this user." + unless;
        }
        return "The user is a member of " + through + ", which the configuration includes." + unless;
    }

    private static String name(PolicyTarget target, Map<String, GroupRef> groups) {
        if (target.isAllUsers()) {
            return "All users";
        }
        if (target.kind() == PolicyTarget.Kind.USER) {
            return "the user directly";
        }
        GroupRef group = groups.get(target.id().toLowerCase());
        String name = group != null && group.displayName() != null ? group.displayName() : target.label();
        return "group '" + name + "'";
    }
}
