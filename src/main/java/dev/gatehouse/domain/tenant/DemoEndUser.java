package dev.gatehouse.domain.tenant;

import dev.gatehouse.domain.secret.Secret;

/**
 * The demo tenant's trainer controls that play the end user (its {@code /_demo/} endpoints, never part of Graph):
 * what a person does at My Security Info, so a trainer can run a whole flow alone. Only a demo connection has one.
 * Each call blocks on the loopback server: never on the FX thread.
 */
public interface DemoEndUser {

    /** Signs the user in with a Temporary Access Pass, as at My Security Info; opens the pass's registration window. */
    Outcome signInWithTemporaryAccessPass(String userPrincipalName, Secret pass);

    /** Within the pass's session, the user registers a passkey of this model and AAGUID. */
    Outcome registerPasskey(String userPrincipalName, String model, String aaGuid);

    /** Within the pass's session, the user registers Microsoft Authenticator on a phone. */
    Outcome registerAuthenticator(String userPrincipalName);

    /**
     * The user signs in with their password and approves a Microsoft Authenticator notification; the demo tenant
     * refuses, saying why, when the user has no Authenticator or the methods policy does not enable it for them.
     */
    Outcome signInWithPasswordAndPush(String userPrincipalName, Secret password);

    /**
     * What the demo tenant answered.
     *
     * @param words the answer in the admin's words (the demo tenant's reason when it refused)
     */
    record Outcome(boolean done, String words) {
    }
}
