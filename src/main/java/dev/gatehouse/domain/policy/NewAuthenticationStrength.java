package dev.gatehouse.domain.policy;

import java.util.List;
import java.util.Objects;

/**
 * A custom authentication strength to create ({@code POST /policies/authenticationStrengthPolicies}).
 *
 * @param description         may be null
 * @param allowedCombinations Graph's combination values, each one mode or several joined by commas: {@code fido2},
 *                            {@code temporaryAccessPassOneTime}, {@code password,microsoftAuthenticatorPush}; sent
 *                            in this order
 */
public record NewAuthenticationStrength(String displayName, String description, List<String> allowedCombinations) {

    public NewAuthenticationStrength {
        Objects.requireNonNull(displayName, "displayName");
        allowedCombinations = List.copyOf(allowedCombinations);
        if (allowedCombinations.isEmpty()) {
            throw new IllegalArgumentException("a strength needs at least one allowed combination");
        }
    }
}
