package dev.gatehouse.ui.fake;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.TenantWriter;

/**
 * A tenant writer that passes every call on, but first lets a test decide about each method deletion: fail it,
 * or hold it until the run is stopped. That is how the playbook tests stop a run after its first steps.
 */
public final class GatedWriter implements TenantWriter {

    /** Runs before each deletion; throws to make it fail. */
    @FunctionalInterface
    public interface Gate {
        void beforeDelete(AuthMethod method);
    }

    private final TenantWriter next;
    private final Gate gate;

    public GatedWriter(TenantWriter next, Gate gate) {
        this.next = next;
        this.gate = gate;
    }

    @Override
    public void revokeSignInSessions(String userId) {
        next.revokeSignInSessions(userId);
    }

    @Override
    public void setAccountEnabled(String userId, boolean enabled) {
        next.setAccountEnabled(userId, enabled);
    }

    @Override
    public void deleteMethod(String userId, AuthMethod method) {
        gate.beforeDelete(method);
        next.deleteMethod(userId, method);
    }

    @Override
    public PasswordReset resetPassword(String userId, Secret newPassword) {
        return next.resetPassword(userId, newPassword);
    }

    @Override
    public IssuedPass issueTemporaryAccessPass(String userId, TapRequest request) {
        return next.issueTemporaryAccessPass(userId, request);
    }
}
