package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.policy.KeyRestrictions;

import java.util.List;

/**
 * The FIDO2 keys the key restrictions refuse, and the words the stages and the health view use for them. Entra applies
 * the restrictions at registration and at every sign-in (Microsoft Learn, how-to-enable-passkey-fido2), so a key of a
 * refused model is no way in. A key whose AAGUID Graph did not give cannot be checked and counts as allowed.
 */
final class BlockedKeys {

    /** Where the restrictions are changed. */
    static final String WHERE = "the Entra admin center (Authentication methods > Policies > Passkey (FIDO2) > "
            + "Configure, Key Restriction Policy)";

    private BlockedKeys() {
    }

    static boolean blocked(AuthMethod key, KeyRestrictions restrictions) {
        String aaGuid = key.detail("AAGUID");
        return key.type() == MethodType.FIDO2 && aaGuid != null && !aaGuid.isBlank() && !restrictions.allows(aaGuid);
    }

    /** The FIDO2 keys among {@code methods} that the restrictions refuse. */
    static List<AuthMethod> among(List<AuthMethod> methods, KeyRestrictions restrictions) {
        return methods.stream().filter(m -> blocked(m, restrictions)).toList();
    }

    /** "not on the allow list" or "on the block list": why the restrictions refuse a model. */
    static String why(KeyRestrictions restrictions) {
        return restrictions.enforcement() == KeyRestrictions.Enforcement.ALLOW ? "not on the allow list"
                : "on the block list";
    }
}
