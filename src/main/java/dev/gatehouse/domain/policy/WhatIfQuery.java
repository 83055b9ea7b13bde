package dev.gatehouse.domain.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A What If question, {@code POST /identity/conditionalAccess/evaluate} (graph-facts §10.5): which policies would
 * apply when this user signs in, from a device that is or is not compliant, either to perform "Register security
 * information" ({@code userActionContext} {@code registerSecurityInformation}) or to reach applications
 * ({@code applicationContext} {@code includeApplications}).
 *
 * @param compliantDevice {@code signInConditions.deviceInfo.isCompliant}; empty sends no device information
 * @param devicePlatform  Graph's {@code devicePlatform} ({@code windows}, {@code iOS}, …), empty to leave it out
 * @param applications    the application ids signed in to; empty asks about registering security information
 */
public record WhatIfQuery(String userId, Optional<Boolean> compliantDevice, Optional<String> devicePlatform,
                          List<String> applications) {

    /** The user action Graph's What If names "Register security information". */
    public static final String REGISTER_SECURITY_INFORMATION = "registerSecurityInformation";

    public WhatIfQuery {
        Objects.requireNonNull(userId, "userId");
        compliantDevice = compliantDevice == null ? Optional.empty() : compliantDevice;
        devicePlatform = devicePlatform == null ? Optional.empty() : devicePlatform;
        applications = applications == null ? List.of() : List.copyOf(applications);
    }

    /** A question about registering security information. */
    public WhatIfQuery(String userId, Optional<Boolean> compliantDevice, Optional<String> devicePlatform) {
        this(userId, compliantDevice, devicePlatform, List.of());
    }

    public static WhatIfQuery registeringSecurityInfo(String userId, boolean compliantDevice) {
        return new WhatIfQuery(userId, Optional.of(compliantDevice), Optional.empty());
    }

    /** Signing in to {@code appId}, with no device information. */
    public static WhatIfQuery signingInTo(String userId, String appId) {
        return new WhatIfQuery(userId, Optional.empty(), Optional.empty(), List.of(appId));
    }

    public boolean aboutApplications() {
        return !applications.isEmpty();
    }
}
