package dev.gatehouse.sim.access;

import dev.gatehouse.sim.state.SimUser;

import java.security.SecureRandom;

/**
 * The tenant's cloud password rules (Entra "password policies and account restrictions"): 8 to 256 characters
 * with at least three of lowercase letters, uppercase letters, digits and symbols, unless the user's
 * {@code passwordPolicies} holds {@code DisableStrongPassword}. Also generates the temporary passwords a
 * system-generated reset returns, in the documented example's shape (a word-like part and four digits,
 * e.g. {@code Cuyo5459}).
 */
public final class PasswordPolicy {

    private static final String CONSONANTS = "bcdfghjklmnprstvwz";
    private static final String VOWELS = "aeiou";

    private final SecureRandom random = new SecureRandom();

    /** Whether the password meets the rules for this user (null user: a new user with default policies). */
    public boolean accepts(String password, SimUser user) {
        if (password == null || password.length() > 256) {
            return false;
        }
        boolean strongRequired = user == null || user.passwordPolicies() == null
                || !user.passwordPolicies().contains("DisableStrongPassword");
        if (!strongRequired) {
            return !password.isEmpty();
        }
        if (password.length() < 8) {
            return false;
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        return classes >= 3;
    }

    public String generate() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            char consonant = CONSONANTS.charAt(random.nextInt(CONSONANTS.length()));
            password.append(i == 0 ? Character.toUpperCase(consonant) : consonant);
            password.append(VOWELS.charAt(random.nextInt(VOWELS.length())));
        }
        for (int i = 0; i < 4; i++) {
            password.append((char) ('0' + random.nextInt(10)));
        }
        return password.toString();
    }
}
