package dev.gatehouse.domain.method;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One row of {@code GET /reports/authenticationMethods/userRegistrationDetails} (graph-facts §8). A report, not live
 * state: {@link #lastUpdated} says how old the row is.
 *
 * @param guest             {@code userType} is {@code guest}
 * @param methodsRegistered Graph's open-ended values ({@code fido2SecurityKey}, {@code passKeyDeviceBound},
 *                          {@code microsoftAuthenticatorPush}, {@code temporaryAccessPass}, …), unknown ones kept
 * @param lastUpdated       {@code lastUpdatedDateTime}, empty when Graph left it out
 */
public record UserRegistrationDetail(String id, String userPrincipalName, String displayName, boolean guest,
                                     boolean admin, boolean mfaRegistered, boolean mfaCapable,
                                     boolean passwordlessCapable, Set<String> methodsRegistered,
                                     Optional<Instant> lastUpdated) {

    public UserRegistrationDetail {
        Objects.requireNonNull(id, "id");
        methodsRegistered = Set.copyOf(methodsRegistered);
        lastUpdated = lastUpdated == null ? Optional.empty() : lastUpdated;
    }
}
