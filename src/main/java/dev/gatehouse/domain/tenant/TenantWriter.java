package dev.gatehouse.domain.tenant;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.secret.Secret;

/**
 * The write side of a tenant: the changes recovery plans make to one user. Only plan steps call it, after the
 * admin confirmed the plan. Every method blocks on the network (never on the FX thread) and fails with a
 * {@link TenantException} in the admin's words; an interrupted thread ends the call as
 * {@link TenantException.Kind#CANCELLED}. No method logs or returns a secret except
 * {@link #issueTemporaryAccessPass}, whose code is wrapped in a {@link Secret}.
 */
public interface TenantWriter {

    /** {@code POST /users/{id}/revokeSignInSessions}. */
    void revokeSignInSessions(String userId);

    /** {@code PATCH /users/{id}} with {@code accountEnabled}. */
    void setAccountEnabled(String userId, boolean enabled);

    /** The type-specific {@code DELETE /users/{id}/authentication/{collection}/{methodId}}. */
    void deleteMethod(String userId, AuthMethod method);

    /**
     * {@code POST /users/{id}/authentication/methods/{passwordMethodId}/resetPassword} with {@code newPassword},
     * then follows the long-running operation until it succeeds or fails. The user must change it at next sign-in.
     * Throws only when Graph refused the reset or reported it failed; once Graph has accepted it, the answer says
     * whether it was confirmed, so the password that was sent is never lost (a stop while following included).
     */
    PasswordReset resetPassword(String userId, Secret newPassword);

    /**
     * @param unconfirmed empty when Graph reported the reset succeeded; otherwise why Gatehouse could not confirm
     *                    it (stopped waiting, no answer in time), in the admin's words
     */
    record PasswordReset(java.util.Optional<String> unconfirmed) {
        public static PasswordReset confirmed() {
            return new PasswordReset(java.util.Optional.empty());
        }
    }

    /** {@code POST /users/{id}/authentication/temporaryAccessPassMethods}; replaces any pass the user has. */
    IssuedPass issueTemporaryAccessPass(String userId, TapRequest request);

    /**
     * @param lifetimeMinutes within the tenant's TAP policy limits
     */
    record TapRequest(int lifetimeMinutes, boolean usableOnce) {
    }

    /**
     * A pass just created.
     *
     * @param method the new method as Graph returned it (id and {@link dev.gatehouse.domain.method.TapState})
     * @param code   the pass itself, shown once
     */
    record IssuedPass(AuthMethod method, Secret code) {
    }
}
