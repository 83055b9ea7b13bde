package dev.gatehouse.domain.policy;

import java.util.Objects;

/**
 * The FIDO2 (passkey) configuration's own settings ({@code fido2AuthenticationMethodConfiguration}, Graph v1.0:
 * https://learn.microsoft.com/graph/api/resources/fido2authenticationmethodconfiguration).
 *
 * @param selfServiceRegistrationAllowed {@code isSelfServiceRegistrationAllowed}: without it nobody registers a key at
 *                                       My Security Info, though keys already registered keep working
 * @param attestationEnforced            {@code isAttestationEnforced}: checked at registration only
 * @param keyRestrictions                {@code keyRestrictions}: which key models may register and sign in
 */
public record Fido2Settings(boolean selfServiceRegistrationAllowed, boolean attestationEnforced,
                            KeyRestrictions keyRestrictions) {

    public Fido2Settings {
        Objects.requireNonNull(keyRestrictions, "keyRestrictions");
    }
}
