package dev.gatehouse.ui.fake;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.TenantWriter;

/**
 * A tenant writer that passes every call on, but first lets a test decide about each method deletion: fail it,
 * or hold it until the run is stopped. That is how the playbook tests stop a run after its first steps.
 */
public final class GatedWriter implements TenantWriter {

    /** Runs at a deletion; throws to make it fail (or to lose its answer, after it was carried out). */
    @FunctionalInterface
    public interface Gate {
        void beforeDelete(AuthMethod method);
    }

    private final TenantWriter next;
    private final Gate gate;
    private final Gate afterDelete;

    public GatedWriter(TenantWriter next, Gate gate) {
        this(next, gate, method -> { });
    }

    /** @param afterDelete runs once a deletion was carried out, before its answer returns: where an answer gets lost */
    public GatedWriter(TenantWriter next, Gate gate, Gate afterDelete) {
        this.next = next;
        this.gate = gate;
        this.afterDelete = afterDelete;
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
        afterDelete.beforeDelete(method);
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
