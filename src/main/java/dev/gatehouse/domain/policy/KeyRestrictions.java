package dev.gatehouse.domain.policy;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The FIDO2 configuration's key restrictions ({@code fido2KeyRestrictions}: {@code isEnforced}, {@code enforcementType}
 * {@code allow|block}, {@code aaGuids}). An AAGUID names a key's make and model, not the key. Microsoft Learn
 * (how-to-enable-passkey-fido2, "Key Restriction Policy"): they "set the usability of specific models or providers
 * for both registration and authentication", so a key registered before its model was blocked no longer signs in.
 * <p>
 * Graph deprecates these top-level restrictions in favour of passkey profiles, each with its own; those are not read.
 *
 * @param aaGuids kept lower-case, in the order Graph listed them
 */
public record KeyRestrictions(boolean enforced, Enforcement enforcement, Set<String> aaGuids) {

    /** Nothing restricted: Graph's default, and what a configuration without the property means. */
    public static final KeyRestrictions NONE = new KeyRestrictions(false, Enforcement.BLOCK, Set.of());

    /** {@code enforcementType}: the list is the only models allowed, or the models blocked. */
    public enum Enforcement { ALLOW, BLOCK }

    public KeyRestrictions {
        Objects.requireNonNull(enforcement, "enforcement");
        Set<String> lower = new LinkedHashSet<>();
        aaGuids.forEach(guid -> lower.add(guid.strip().toLowerCase(Locale.ROOT)));
        aaGuids = Collections.unmodifiableSet(lower);
    }

    /**
     * Whether a key of this model may register and sign in: always when the restrictions are not enforced; else
     * listed on an allow list, or not listed on a block list. Compared case-insensitively.
     */
    public boolean allows(String aaGuid) {
        if (!enforced) {
            return true;
        }
        boolean listed = aaGuids.contains(aaGuid.strip().toLowerCase(Locale.ROOT));
        return enforcement == Enforcement.ALLOW ? listed : !listed;
    }

    /**
     * The restrictions in a sentence: "Only these key models may register and sign in: 2 AAGUIDs (…)." or "These key
     * models are blocked from registering and signing in: 1 AAGUID (…)."; "Key restrictions are not enforced." when
     * they are not.
     */
    public String summary() {
        if (!enforced) {
            return "Key restrictions are not enforced.";
        }
        String list = aaGuids.size() + (aaGuids.size() == 1 ? " AAGUID" : " AAGUIDs")
                + (aaGuids.isEmpty() ? "" : " (" + String.join(", ", aaGuids) + ")");
        return enforcement == Enforcement.ALLOW
                ? "Only these key models may register and sign in: " + list + "."
                : "These key models are blocked from registering and signing in: " + list + ".";
    }
}
