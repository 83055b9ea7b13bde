package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.tenant.TenantLicences;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the pre-flight weighs, read beforehand (the checks themselves send nothing). A part that could not be
 * read is empty, and its check says UNKNOWN rather than guess.
 *
 * @param licences                empty when {@code /subscribedSkus} could not be read
 * @param securityDefaultsEnabled empty when the security defaults policy could not be read
 * @param methodsPolicy           empty when the authentication methods policy could not be read
 * @param policies                every Conditional Access policy of the tenant, in any state
 * @param draft                   the policy the wizard designs (seed 000's defaults until the admin changes them)
 * @param emergencyAccess         the tenant's emergency-access group, or that none is chosen, or why it is unknown
 * @param emergencyMemberIds      the chosen group's members (transitively); empty when none is chosen
 * @param actingAdmin             the signed-in admin: methods, groups and active roles (template ids)
 * @param readiness               the userRegistrationDetails report summed up, or why it could not be read
 */
public record PreflightFacts(Optional<TenantLicences> licences, Optional<Boolean> securityDefaultsEnabled,
                             Optional<MethodsPolicy> methodsPolicy, List<ConditionalAccessPolicy> policies,
                             ConditionalAccessPolicy draft, EmergencyAccess emergencyAccess,
                             Set<String> emergencyMemberIds, UserSnapshot actingAdmin, Readiness readiness,
                             Instant now) {

    /** The report's summary, or why it could not be read (a missing role or licence, throttling…). */
    public record Readiness(Optional<RegistrationReadiness.Result> result, Optional<String> whyUnread) {

        public Readiness {
            if (result.isPresent() == whyUnread.isPresent()) {
                throw new IllegalArgumentException("either the report's result or why it could not be read");
            }
        }

        public static Readiness read(RegistrationReadiness.Result result) {
            return new Readiness(Optional.of(result), Optional.empty());
        }

        public static Readiness unread(String why) {
            return new Readiness(Optional.empty(), Optional.of(why));
        }
    }

    public PreflightFacts {
        licences = licences == null ? Optional.empty() : licences;
        securityDefaultsEnabled = securityDefaultsEnabled == null ? Optional.empty() : securityDefaultsEnabled;
        methodsPolicy = methodsPolicy == null ? Optional.empty() : methodsPolicy;
        policies = List.copyOf(policies);
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(emergencyAccess, "emergencyAccess");
        emergencyMemberIds = Set.copyOf(emergencyMemberIds);
        Objects.requireNonNull(actingAdmin, "actingAdmin");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(now, "now");
    }
}
