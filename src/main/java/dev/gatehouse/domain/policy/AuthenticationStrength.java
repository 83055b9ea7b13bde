package dev.gatehouse.domain.policy;

import java.util.Set;

/**
 * An authentication strength as a CA policy requires it.
 *
 * @param allowedCombinations Graph's combination values: {@code fido2}, {@code windowsHelloForBusiness},
 *                            {@code temporaryAccessPassOneTime}, {@code password,microsoftAuthenticatorPush}, …
 */
public record AuthenticationStrength(String id, String displayName, Set<String> allowedCombinations) {

    public AuthenticationStrength {
        allowedCombinations = Set.copyOf(allowedCombinations);
    }
}
