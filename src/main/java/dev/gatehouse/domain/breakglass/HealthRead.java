package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.tenant.TenantLicences;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the health view weighs, read once ({@link HealthReads}); the checks themselves read nothing.
 *
 * @param initialDomain  the tenant's initial {@code *.onmicrosoft.com} domain
 * @param group          the emergency-access group, as chosen; unknown with why when none is chosen or it is gone
 * @param accounts       the group's user members, in the group's order
 * @param policies       every Conditional Access policy, in any state
 * @param recordedDrill  the last drill recorded for this tenant on this machine
 * @param methodsPolicy  the authentication methods policy: whether FIDO2's key restrictions let the keys sign in
 */
public record HealthRead(Instant now, ZoneId zone, String initialDomain, Fact<GroupFacts> group,
                         List<AccountFacts> accounts, Fact<List<ConditionalAccessPolicy>> policies,
                         Fact<TenantLicences> licences, Optional<LocalDate> recordedDrill,
                         Fact<MethodsPolicy> methodsPolicy) {

    /** How far back the health view lists changes to the accounts and the group. */
    public static final Duration AUDIT_WINDOW = Duration.ofDays(30);

    public HealthRead {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(group, "group");
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(licences, "licences");
        recordedDrill = recordedDrill == null ? Optional.empty() : recordedDrill;
        Objects.requireNonNull(methodsPolicy, "methodsPolicy");
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }

    /** Enabled and report-only policies: a disabled one reaches nobody. */
    public Optional<List<ConditionalAccessPolicy>> activePolicies() {
        return policies.value().map(all -> all.stream()
                .filter(p -> p.state() != ConditionalAccessPolicy.State.DISABLED).toList());
    }
}
