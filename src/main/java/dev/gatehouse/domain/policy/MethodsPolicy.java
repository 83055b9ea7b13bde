package dev.gatehouse.domain.policy;

import java.util.List;
import java.util.Optional;

/**
 * The tenant's authentication methods policy ({@code GET /policies/authenticationMethodsPolicy}).
 *
 * @param temporaryAccessPass the TAP configuration's limits; empty when the tenant did not return one
 */
public record MethodsPolicy(List<MethodConfiguration> configurations, Optional<TapSettings> temporaryAccessPass) {

    public static final String TEMPORARY_ACCESS_PASS = "TemporaryAccessPass";

    public MethodsPolicy {
        configurations = List.copyOf(configurations);
        temporaryAccessPass = temporaryAccessPass == null ? Optional.empty() : temporaryAccessPass;
    }

    /** Case-insensitive, as Graph's configuration ids are. */
    public Optional<MethodConfiguration> configuration(String id) {
        return configurations.stream().filter(c -> c.id().equalsIgnoreCase(id)).findFirst();
    }
}
