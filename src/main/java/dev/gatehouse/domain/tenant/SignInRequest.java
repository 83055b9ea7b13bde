package dev.gatehouse.domain.tenant;

/**
 * How to reach a real tenant.
 *
 * @param tenant        tenant id or verified domain; "organizations" lets the admin pick at sign-in
 * @param cloud         global, usgov, usgovdod or china
 * @param clientId      the app registration's client id (public client)
 * @param graphEndpoint explicit service root including the version segment, or null for the cloud's default;
 *                      when set, the access token comes from the GATEHOUSE_ACCESS_TOKEN environment variable
 * @param flow          how to sign in when no cached token can be used
 */
public record SignInRequest(String tenant, String cloud, String clientId, String graphEndpoint, Flow flow) {

    public enum Flow { INTERACTIVE_BROWSER, DEVICE_CODE }
}
