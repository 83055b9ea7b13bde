package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.tenant.TenantLicences;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One read of what the registration-policy workspace weighs: prerequisites, the tenant's policies and strengths, its
 * emergency-access accounts and the acting admin. A part that could not be read is empty with the reason beside it,
 * so what was read still counts and what was not is said, never guessed.
 *
 * @param unreadable        what could not be read and why, in the admin's words, one line each
 * @param emergencyAccounts the chosen group's members that are users, as the sign-in simulator needs them
 */
public record RegistrationRead(Optional<TenantLicences> licences, Optional<Boolean> securityDefaultsEnabled,
                               Optional<MethodsPolicy> methodsPolicy, List<ConditionalAccessPolicy> policies,
                               List<AuthenticationStrength> strengths, EmergencyAccess emergencyAccess,
                               List<UserSnapshot> emergencyAccounts, UserSnapshot actingAdmin,
                               List<String> unreadable, Instant now) {

    public RegistrationRead {
        licences = licences == null ? Optional.empty() : licences;
        securityDefaultsEnabled = securityDefaultsEnabled == null ? Optional.empty() : securityDefaultsEnabled;
        methodsPolicy = methodsPolicy == null ? Optional.empty() : methodsPolicy;
        policies = List.copyOf(policies);
        strengths = List.copyOf(strengths);
        Objects.requireNonNull(emergencyAccess, "emergencyAccess");
        emergencyAccounts = List.copyOf(emergencyAccounts);
        Objects.requireNonNull(actingAdmin, "actingAdmin");
        unreadable = List.copyOf(unreadable);
        Objects.requireNonNull(now, "now");
    }

    /** Entra ID P1 is known to be present; false when it is absent or the licences could not be read. */
    public boolean hasP1() {
        return licences.map(TenantLicences::entraIdP1).orElse(false);
    }

    public Set<String> emergencyAccountIds() {
        return emergencyAccounts.stream().map(account -> account.profile().id()).collect(Collectors.toSet());
    }

    /** The policy with this id, in any state. */
    public Optional<ConditionalAccessPolicy> policy(String policyId) {
        return policies.stream().filter(p -> p.id() != null && p.id().equalsIgnoreCase(policyId)).findFirst();
    }

    /** The policies that name "Register security information", in any state. */
    public List<ConditionalAccessPolicy> registrationPolicies() {
        return policies.stream()
                .filter(p -> p.includeUserActions().stream()
                        .anyMatch(ConditionalAccessPolicy.REGISTER_SECURITY_INFO::equalsIgnoreCase))
                .toList();
    }
}
