package dev.gatehouse.ui.workspace;

import dev.gatehouse.domain.tenant.TenantConnection;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The tenant the window has open, as every workspace receives it: enough to read it and to build the workspace's own
 * desks (journal and saved progress live in {@code dataFolder}), so the shell never needs to know any of them.
 *
 * @param connection the open connection; the shell closes it, a workspace never does
 * @param dataFolder where the action journal and saved runs live, whichever tenant is open
 * @param clock      the window's clock, for anything a workspace dates or plans
 */
public record OpenTenant(TenantConnection connection, Path dataFolder, Clock clock) {

    public OpenTenant {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(clock, "clock");
    }
}
