package dev.gatehouse.domain.tenant;

import dev.gatehouse.domain.activity.CallLog;

/**
 * An open connection to one tenant (the demo tenant or a real one), as the workspaces see it.
 * Closing it stops whatever it started (the in-process demo server, token refresh).
 */
public interface TenantConnection extends AutoCloseable {

    TenantDirectory directory();

    /** The changes confirmed recovery plans make to one user; never called while planning. */
    TenantWriter writer();

    /** Accounts, groups and directory roles, for confirmed plans; never called while planning. */
    DirectoryWriter directoryWriter();

    /** Methods policy, authentication strengths and Conditional Access, for confirmed plans; never while planning. */
    PolicyWriter policyWriter();

    /** Every HTTP call made through this connection. */
    CallLog callLog();

    /** What the window title and tenant switcher show: "Demo tenant · baseline", "contoso.onmicrosoft.com". */
    String label();

    /** True for the demo tenant: the UI labels it unmistakably and nothing in it can reach a real tenant. */
    boolean isDemo();

    /** The controls that play the end user: present for the demo tenant only, never for a real one. */
    default java.util.Optional<DemoEndUser> demoEndUser() {
        return java.util.Optional.empty();
    }

    /** The controls that reset the demo tenant and choose whom Gatehouse acts as: the demo tenant only. */
    default java.util.Optional<DemoTrainer> demoTrainer() {
        return java.util.Optional.empty();
    }

    /** The Graph service root this connection talks to, including the version segment. */
    String serviceRoot();

    @Override
    void close();
}
