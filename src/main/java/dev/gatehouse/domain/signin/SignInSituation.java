package dev.gatehouse.domain.signin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One situation to simulate: the method the user signs in with, what for, on which device, and optionally the
 * session it continues.
 *
 * @param sessionStartedAt when the session this sign-in continues began; empty for a fresh sign-in
 */
public record SignInSituation(SignInMethod method, SignInTarget target, boolean compliantDevice,
                              Optional<Instant> sessionStartedAt) {

    public SignInSituation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        sessionStartedAt = sessionStartedAt == null ? Optional.empty() : sessionStartedAt;
    }

    /** A fresh sign-in on a device that is not marked compliant. */
    public static SignInSituation of(SignInMethod method, SignInTarget target) {
        return new SignInSituation(method, target, false, Optional.empty());
    }

    public SignInSituation onCompliantDevice() {
        return new SignInSituation(method, target, true, sessionStartedAt);
    }

    public SignInSituation continuingSessionFrom(Instant started) {
        return new SignInSituation(method, target, compliantDevice, Optional.of(started));
    }

    /**
     * What {@link SignInSimulator#forecast} runs, all fresh and on a non-compliant device (the harder case): each
     * method into Office 365, then the routes to Register security information a recovery relies on.
     */
    public static List<SignInSituation> standard() {
        return List.of(
                of(SignInMethod.PASSKEY, SignInTarget.OFFICE_365),
                of(SignInMethod.WINDOWS_HELLO, SignInTarget.OFFICE_365),
                of(SignInMethod.PASSWORD_AND_PUSH, SignInTarget.OFFICE_365),
                of(SignInMethod.PASSWORD_ONLY, SignInTarget.OFFICE_365),
                of(SignInMethod.TEMPORARY_ACCESS_PASS, SignInTarget.OFFICE_365),
                of(SignInMethod.PASSKEY, SignInTarget.REGISTER_SECURITY_INFO),
                of(SignInMethod.PASSWORD_AND_PUSH, SignInTarget.REGISTER_SECURITY_INFO),
                of(SignInMethod.TEMPORARY_ACCESS_PASS, SignInTarget.REGISTER_SECURITY_INFO));
    }

    /** "passkey (FIDO2) → Office 365, compliant device, continuing a session". */
    public String describe() {
        return method.label() + " → " + target.label() + (compliantDevice ? ", compliant device" : ", non-compliant device")
                + sessionStartedAt.map(t -> ", continuing a session started " + t).orElse("");
    }
}
