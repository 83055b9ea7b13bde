package dev.gatehouse.sim.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A salted SHA-256 of a password, so the demo tenant can check a demo sign-in without ever holding the
 * password itself. Not a password-storage scheme for production; it only keeps secrets out of memory dumps
 * and state listings. {@link #toString()} never shows the digest.
 */
public final class PasswordHash {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] salt;
    private final byte[] digest;

    private PasswordHash(byte[] salt, byte[] digest) {
        this.salt = salt;
        this.digest = digest;
    }

    public static PasswordHash of(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(salt, digest(salt, password));
    }

    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(digest, digest(salt, candidate));
    }

    private static byte[] digest(byte[] salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[salt=" + HexFormat.of().formatHex(salt, 0, 2) + "…]";
    }
}
