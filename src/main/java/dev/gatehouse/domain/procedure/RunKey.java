package dev.gatehouse.domain.procedure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Which run: one procedure on one subject in one tenant. There is at most one unfinished run, and one running stage,
 * per key.
 *
 * @param tenant    the connection's label ("Demo tenant · compromised", "contoso.onmicrosoft.com")
 * @param procedure the procedure's id ("compromised-account")
 * @param subject   what it acts on: a user's object id, or a fixed word for tenant-wide procedures ("tenant")
 */
public record RunKey(String tenant, String procedure, String subject) {

    public RunKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(subject, "subject");
    }

    /** A file name for this key: hashed, so a tenant name or UPN never becomes part of a path. */
    String fileStem() {
        return hash(tenant + "\n" + procedure + "\n" + subject.toLowerCase(Locale.ROOT));
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
