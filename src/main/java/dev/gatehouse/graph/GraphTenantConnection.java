package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.tenant.DirectoryWriter;
import dev.gatehouse.domain.tenant.PolicyWriter;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantWriter;

/**
 * A {@link TenantConnection} over a {@link GraphGateway}: the demo tenant, a real tenant and an explicit endpoint
 * all look like this. {@code onClose} stops what the connection owns besides the gateway (the in-process demo
 * server).
 */
public final class GraphTenantConnection implements TenantConnection {

    private final GraphGateway gateway;
    private final String label;
    private final boolean demo;
    private final Runnable onClose;

    public GraphTenantConnection(GraphGateway gateway, String label, boolean demo, Runnable onClose) {
        this.gateway = gateway;
        this.label = label;
        this.demo = demo;
        this.onClose = onClose;
    }

    @Override
    public TenantDirectory directory() {
        return gateway.directory();
    }

    @Override
    public TenantWriter writer() {
        return gateway.writer();
    }

    @Override
    public DirectoryWriter directoryWriter() {
        return gateway.directoryWriter();
    }

    @Override
    public PolicyWriter policyWriter() {
        return gateway.policyWriter();
    }

    @Override
    public CallLog callLog() {
        return gateway.callLog();
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean isDemo() {
        return demo;
    }

    @Override
    public java.util.Optional<dev.gatehouse.domain.tenant.DemoEndUser> demoEndUser() {
        return demo ? java.util.Optional.of(new DemoEndUserOverHttp(serviceRoot())) : java.util.Optional.empty();
    }

    @Override
    public java.util.Optional<dev.gatehouse.domain.tenant.DemoTrainer> demoTrainer() {
        return demo ? java.util.Optional.of(new DemoTrainerOverHttp(serviceRoot(),
                gateway::forgetSignedInAccount)) : java.util.Optional.empty();
    }

    @Override
    public String serviceRoot() {
        return gateway.serviceRoot().toString();
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            onClose.run();
        }
    }
}
