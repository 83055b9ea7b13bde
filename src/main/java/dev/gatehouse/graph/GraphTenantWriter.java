package dev.gatehouse.graph;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.plan.Secret;
import dev.gatehouse.domain.tenant.TenantWriter;

/** {@link TenantWriter} over Microsoft Graph v1.0. */
final class GraphTenantWriter implements TenantWriter {

    private final GraphGateway gateway;

    GraphTenantWriter(GraphGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void revokeSignInSessions(String userId) {
        throw GraphTenantDirectory.notYet("sessions");
    }

    @Override
    public void setAccountEnabled(String userId, boolean enabled) {
        throw GraphTenantDirectory.notYet("account state");
    }

    @Override
    public void deleteMethod(String userId, AuthMethod method) {
        throw GraphTenantDirectory.notYet("method deletion");
    }

    @Override
    public void resetPassword(String userId, Secret newPassword) {
        throw GraphTenantDirectory.notYet("password reset");
    }

    @Override
    public IssuedPass issueTemporaryAccessPass(String userId, TapRequest request) {
        throw GraphTenantDirectory.notYet("TAP");
    }
}
