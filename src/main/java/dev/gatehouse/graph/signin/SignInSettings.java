package dev.gatehouse.graph.signin;

import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.graph.GraphCloud;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to sign in to a real tenant with MSAL.
 *
 * @param clientId                   the public client app registration ("Mobile and desktop", redirect
 *                                   {@code http://localhost}, public client flows allowed for device code)
 * @param tenant                     tenant id or verified domain; "organizations" lets the admin pick at sign-in
 * @param tokenCacheDirectory        where the MSAL cache lives (its content is protected by the OS store)
 * @param allowUnprotectedTokenCache explicit opt-in ({@value TokenCacheStore#ALLOW_UNPROTECTED_VARIABLE}=1): when
 *                                   the OS store is unavailable (a Linux session without a Secret Service keyring),
 *                                   keep tokens in a file readable by this user account instead of refusing to sign in
 */
public record SignInSettings(String clientId, String tenant, GraphCloud cloud, SignInRequest.Flow flow,
                             Path tokenCacheDirectory, boolean allowUnprotectedTokenCache) {

    public static final String ANY_ORGANIZATION = "organizations";

    public SignInSettings {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("A client id (the app registration's Application ID) is required "
                    + "to sign in to a real tenant");
        }
        clientId = clientId.strip();
        tenant = tenant == null || tenant.isBlank() ? ANY_ORGANIZATION : tenant.strip();
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(tokenCacheDirectory, "tokenCacheDirectory");
    }

    /** The domain request plus the token cache choices the app was started with. */
    public static SignInSettings from(SignInRequest request, Path tokenCacheDirectory, boolean allowUnprotectedTokenCache) {
        return new SignInSettings(request.clientId(), request.tenant(),
                request.cloud() == null ? GraphCloud.GLOBAL : GraphCloud.fromId(request.cloud()),
                request.flow() == null ? SignInRequest.Flow.INTERACTIVE_BROWSER : request.flow(),
                tokenCacheDirectory, allowUnprotectedTokenCache);
    }

    public String authority() {
        return cloud.authority(tenant);
    }
}
