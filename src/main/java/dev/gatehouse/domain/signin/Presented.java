package dev.gatehouse.domain.signin;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The proofs a sign-in actually presents, as an authentication-strength combination
 * ({@code password,microsoftAuthenticatorPush}, {@code fido2}, {@code temporaryAccessPassOneTime}…).
 *
 * @param description how the reasons name it: "password + Microsoft Authenticator push"
 */
record Presented(String combination, boolean mfa, String description) {

    /** Whether a strength's allowed combination is this one; the order of the factors does not matter. */
    boolean matches(String allowedCombination) {
        return normalised(combination).equals(normalised(allowedCombination));
    }

    private static String normalised(String combination) {
        return Arrays.stream(combination.split(",")).map(f -> f.trim().toLowerCase(Locale.ROOT)).sorted()
                .collect(Collectors.joining(","));
    }
}
