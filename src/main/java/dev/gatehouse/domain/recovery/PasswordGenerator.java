package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.secret.Secret;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Random temporary passwords generated on this computer (ISM-1227): 16 characters from upper case, lower case,
 * digits and symbols, at least one of each so every Entra complexity rule is met, without look-alikes (0/O, 1/l/I)
 * that make a password read aloud or handed over in two parts go wrong.
 */
public final class PasswordGenerator {

    public static final int LENGTH = 16;
    /** Entra's longest cloud password. */
    public static final int MOST = 256;

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#$%*+-=?@^_";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

    private final SecureRandom random;

    public PasswordGenerator() {
        this(new SecureRandom());
    }

    PasswordGenerator(SecureRandom random) {
        this.random = random;
    }

    public Secret next(String label) {
        return next(label, LENGTH);
    }

    /**
     * A password of {@code length} characters, for a password nobody types often (an emergency account's, 64 and
     * more): Entra accepts 8 to 256 characters.
     */
    public Secret next(String label, int length) {
        if (length < LENGTH || length > MOST) {
            throw new IllegalArgumentException("A generated password has " + LENGTH + " to " + MOST
                    + " characters, not " + length);
        }
        char[] password = new char[length];
        password[0] = pick(UPPER);
        password[1] = pick(LOWER);
        password[2] = pick(DIGITS);
        password[3] = pick(SYMBOLS);
        for (int i = 4; i < length; i++) {
            password[i] = pick(ALL);
        }
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swap = password[i];
            password[i] = password[j];
            password[j] = swap;
        }
        Secret secret = new Secret(label, password);
        Arrays.fill(password, '\0');
        return secret;
    }

    private char pick(String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
