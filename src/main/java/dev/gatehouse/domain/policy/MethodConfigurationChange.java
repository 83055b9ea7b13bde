package dev.gatehouse.domain.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change to one method configuration of the authentication methods policy: its state, who it includes, and the
 * settings named here. Everything else the configuration holds (exclusions, key restrictions, passkey profiles, the
 * fields of targets it keeps) is left as the tenant has it.
 *
 * @param configurationId               Graph's configuration id: {@link #FIDO2}, {@link MethodsPolicy#TEMPORARY_ACCESS_PASS}, …
 * @param enabled                       the state after the change
 * @param includeTargets                users or groups the configuration must include; none with {@link Targets#ADD}
 *                                      keeps the targets exactly as they are
 * @param targets                       whether they join the existing targets or replace them
 * @param selfServiceRegistrationAllowed FIDO2 only: {@code isSelfServiceRegistrationAllowed}
 * @param temporaryAccessPass           TAP only: the lifetimes, one-time default and length to set, all five
 */
public record MethodConfigurationChange(String configurationId, boolean enabled, List<PolicyTarget> includeTargets,
                                        Targets targets, Optional<Boolean> selfServiceRegistrationAllowed,
                                        Optional<TapSettings> temporaryAccessPass) {

    /** Graph's id of the FIDO2 (passkey) configuration. */
    public static final String FIDO2 = "Fido2";

    /** How {@link #includeTargets} meet the targets the configuration already has. */
    public enum Targets {
        /** Keep every existing target and add the missing ones: who could use the method still can. */
        ADD,
        /**
         * The given targets become the only ones. Meant for a configuration that was off: switching it on keeps
         * whatever targets it held (often All users), so "on for this group only" must replace them.
         */
        REPLACE
    }

    public MethodConfigurationChange {
        Objects.requireNonNull(configurationId, "configurationId");
        Objects.requireNonNull(targets, "targets");
        includeTargets = List.copyOf(includeTargets);
        selfServiceRegistrationAllowed = selfServiceRegistrationAllowed == null ? Optional.empty()
                : selfServiceRegistrationAllowed;
        temporaryAccessPass = temporaryAccessPass == null ? Optional.empty() : temporaryAccessPass;
        if (selfServiceRegistrationAllowed.isPresent() && !FIDO2.equalsIgnoreCase(configurationId)) {
            throw new IllegalArgumentException("self-service registration is a setting of the FIDO2 configuration");
        }
        if (temporaryAccessPass.isPresent() && !MethodsPolicy.TEMPORARY_ACCESS_PASS.equalsIgnoreCase(configurationId)) {
            throw new IllegalArgumentException("TAP settings belong to the TemporaryAccessPass configuration");
        }
    }

    /** FIDO2 (passkeys) on for {@code target}, with self-service registration, which registering a key needs. */
    public static MethodConfigurationChange fido2For(PolicyTarget target, Targets targets) {
        return new MethodConfigurationChange(FIDO2, true, List.of(target), targets, Optional.of(true), Optional.empty());
    }

    /**
     * Self-service registration allowed on a FIDO2 configuration that already covers whom it must: state and targets
     * stay as they are.
     */
    public static MethodConfigurationChange fido2SelfServiceRegistration() {
        return new MethodConfigurationChange(FIDO2, true, List.of(), Targets.ADD, Optional.of(true), Optional.empty());
    }

    /** The Temporary Access Pass on for {@code target}, with {@code settings} as its limits. */
    public static MethodConfigurationChange temporaryAccessPassFor(PolicyTarget target, Targets targets,
                                                                   TapSettings settings) {
        return new MethodConfigurationChange(MethodsPolicy.TEMPORARY_ACCESS_PASS, true, List.of(target), targets,
                Optional.empty(), Optional.of(settings));
    }
}
