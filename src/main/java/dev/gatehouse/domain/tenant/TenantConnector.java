package dev.gatehouse.domain.tenant;

/**
 * Opens tenant connections. The GUI and CLI receive one from the composition root, so neither depends
 * on how a connection is made (in-process demo server, MSAL sign-in, explicit endpoint + token).
 * Every method may block (server start, browser sign-in): call it off the FX thread.
 */
public interface TenantConnector {

    /**
     * Starts the demo tenant for {@code scenario} (e.g. "baseline", "large:100000") and connects to it.
     *
     * @throws IllegalArgumentException for an unknown scenario, with a message listing the known ones
     */
    TenantConnection connectDemo(String scenario);

    /**
     * Signs in to a real tenant as described by {@code request}; {@code prompt} shows the device code
     * (device-code flow) or tells the admin to finish in the browser (interactive flow).
     */
    TenantConnection connectTenant(SignInRequest request, SignInPrompt prompt);
}
