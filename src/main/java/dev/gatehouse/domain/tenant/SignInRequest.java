package dev.gatehouse.domain.tenant;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach a real tenant.
 *
 * @param tenant        tenant id or verified domain; "organizations" lets the admin pick at sign-in
 * @param cloud         global, usgov, usgovdod or china
 * @param clientId      the app registration's client id (public client)
 * @param graphEndpoint explicit service root including the version segment, or null for the cloud's default;
 *                      when set, the access token comes from the GATEHOUSE_ACCESS_TOKEN environment variable
 * @param flow          how to sign in when no cached token can be used
 * @param timeout       the longest one request to the tenant may take (the CLI's --timeout), from which the connect
 *                      and read deadlines follow; null for the gateway's default (what the GUI uses)
 */
public record SignInRequest(String tenant, String cloud, String clientId, String graphEndpoint, Flow flow,
                            Duration timeout) {

    public enum Flow { INTERACTIVE_BROWSER, DEVICE_CODE }

    public SignInRequest {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("The request timeout must be positive, was " + timeout);
        }
    }

    /** A request with the default network deadlines. */
    public SignInRequest(String tenant, String cloud, String clientId, String graphEndpoint, Flow flow) {
        this(tenant, cloud, clientId, graphEndpoint, flow, null);
    }

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DOMAIN =
            Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");

    public static boolean isGuid(String text) {
        return text != null && GUID.matcher(text.strip()).matches();
    }

    /** What is wrong with a tenant as typed for sign-in, in words for the admin; empty when it is usable. */
    public static Optional<String> tenantProblem(String tenant) {
        String text = tenant == null ? "" : tenant.strip();
        if (text.isEmpty()) {
            return Optional.of("Enter the tenant ID or one of its domains.");
        }
        if (!isGuid(text) && !DOMAIN.matcher(text).matches() && !"organizations".equalsIgnoreCase(text)) {
            return Optional.of("The tenant must be a tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com.");
        }
        return Optional.empty();
    }

    /** What is wrong with a client id as typed for sign-in; empty when it is usable. */
    public static Optional<String> clientIdProblem(String clientId) {
        return isGuid(clientId) ? Optional.empty()
                : Optional.of("The client ID is the Application (client) ID of your app registration: a GUID.");
    }
}
