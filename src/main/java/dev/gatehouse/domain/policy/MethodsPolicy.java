package dev.gatehouse.domain.policy;

import java.util.List;
import java.util.Optional;

/**
 * The tenant's authentication methods policy ({@code GET /policies/authenticationMethodsPolicy}).
 *
 * @param temporaryAccessPass the TAP configuration's limits; empty when the tenant did not return one
 * @param fido2               the FIDO2 configuration's settings; empty when the tenant did not return one
 */
public record MethodsPolicy(List<MethodConfiguration> configurations, Optional<TapSettings> temporaryAccessPass,
                            Optional<Fido2Settings> fido2) {

    public static final String TEMPORARY_ACCESS_PASS = "TemporaryAccessPass";

    public MethodsPolicy {
        configurations = List.copyOf(configurations);
        temporaryAccessPass = temporaryAccessPass == null ? Optional.empty() : temporaryAccessPass;
        fido2 = fido2 == null ? Optional.empty() : fido2;
    }

    /** A policy whose FIDO2 settings were not read. */
    public MethodsPolicy(List<MethodConfiguration> configurations, Optional<TapSettings> temporaryAccessPass) {
        this(configurations, temporaryAccessPass, Optional.empty());
    }

    /** The FIDO2 key restrictions; {@link KeyRestrictions#NONE} when the FIDO2 settings were not returned. */
    public KeyRestrictions keyRestrictions() {
        return fido2.map(Fido2Settings::keyRestrictions).orElse(KeyRestrictions.NONE);
    }

    /** Case-insensitive, as Graph's configuration ids are. */
    public Optional<MethodConfiguration> configuration(String id) {
        return configurations.stream().filter(c -> c.id().equalsIgnoreCase(id)).findFirst();
    }
}
