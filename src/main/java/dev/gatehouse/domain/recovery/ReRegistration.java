package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;

import java.util.List;

/**
 * How the portal's "Require re-register MFA" splits a user's methods (graph-facts §7): phone, Microsoft
 * Authenticator and software OATH are deleted; everything else stays, including methods that sign in on their own.
 */
record ReRegistration(List<AuthMethod> deleted, List<AuthMethod> kept) {

    static final String HARDWARE_OATH_NOTE = PortalOnlySteps.HARDWARE_OATH;

    static ReRegistration of(List<AuthMethod> methods) {
        return new ReRegistration(
                methods.stream().filter(m -> m.type().reRegisterEffect() == MethodType.ReRegisterEffect.DELETED).toList(),
                methods.stream().filter(m -> m.type().reRegisterEffect() != MethodType.ReRegisterEffect.DELETED).toList());
    }

    /** Kept methods that satisfy MFA by themselves, so the user is not sent to register (seed 003: "a passkey keeps working"). */
    List<AuthMethod> keptSignInMethods() {
        return kept.stream().filter(m -> m.type().phishingResistant()
                || (m.type() == MethodType.TEMPORARY_ACCESS_PASS && m.tap() != null && m.tap().usable())).toList();
    }
}
