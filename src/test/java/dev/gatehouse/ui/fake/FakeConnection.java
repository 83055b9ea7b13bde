package dev.gatehouse.ui.fake;

import dev.gatehouse.domain.tenant.DirectoryWriter;
import dev.gatehouse.domain.tenant.PolicyWriter;
import dev.gatehouse.domain.tenant.TenantWriter;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantDirectory;

/** A connection to a {@link FakeDirectory}; remembers whether it was closed. */
public final class FakeConnection implements TenantConnection {

    private final FakeDirectory directory;
    private final CallLog log;
    private final String label;
    private final boolean demo;
    private final FakeWriter writer = new FakeWriter();
    private volatile boolean closed;

    public FakeConnection(FakeDirectory directory, CallLog log, String label, boolean demo) {
        this.directory = directory;
        this.log = log;
        this.label = label;
        this.demo = demo;
    }

    @Override
    public TenantDirectory directory() {
        return directory;
    }

    @Override
    public TenantWriter writer() {
        return writer;
    }

    /** The fake tenant has no accounts or groups to change: directory writes are tested against the demo tenant. */
    @Override
    public DirectoryWriter directoryWriter() {
        throw new UnsupportedOperationException("FakeConnection writes no directory objects; use the demo tenant");
    }

    /** The fake tenant has no policies to change: policy writes are tested against the demo tenant. */
    @Override
    public PolicyWriter policyWriter() {
        throw new UnsupportedOperationException("FakeConnection writes no policies; use the demo tenant");
    }

    /** Records the writes; the fake directory's answers do not change with them. */
    public FakeWriter fakeWriter() {
        return writer;
    }

    public FakeDirectory fakeDirectory() {
        return directory;
    }

    @Override
    public CallLog callLog() {
        return log;
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
    public String serviceRoot() {
        return demo ? "http://127.0.0.1:50123/v1.0" : "https://graph.microsoft.com/v1.0";
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean closed() {
        return closed;
    }
}
