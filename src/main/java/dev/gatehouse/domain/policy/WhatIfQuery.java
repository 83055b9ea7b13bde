package dev.gatehouse.domain.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A What If question, {@code POST /identity/conditionalAccess/evaluate} (graph-facts §10.5): which policies would
 * apply when this user performs "Register security information" ({@code userActionContext}
 * {@code registerSecurityInformation}) from a device that is or is not compliant.
 *
 * @param compliantDevice {@code signInConditions.deviceInfo.isCompliant}; empty sends no device information
 * @param devicePlatform  Graph's {@code devicePlatform} ({@code windows}, {@code iOS}, …), empty to leave it out
 */
public record WhatIfQuery(String userId, Optional<Boolean> compliantDevice, Optional<String> devicePlatform) {

    /** The user action Graph's What If names "Register security information". */
    public static final String REGISTER_SECURITY_INFORMATION = "registerSecurityInformation";

    public WhatIfQuery {
        Objects.requireNonNull(userId, "userId");
        compliantDevice = compliantDevice == null ? Optional.empty() : compliantDevice;
        devicePlatform = devicePlatform == null ? Optional.empty() : devicePlatform;
    }

    public static WhatIfQuery registeringSecurityInfo(String userId, boolean compliantDevice) {
        return new WhatIfQuery(userId, Optional.of(compliantDevice), Optional.empty());
    }
}
