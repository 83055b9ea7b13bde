package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.emergency.EmergencyAccess;
import dev.gatehouse.domain.emergency.EmergencyGroup;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.graph.GraphGateway;
import dev.gatehouse.graph.RetryPolicy;
import dev.gatehouse.graph.ServiceRoot;
import dev.gatehouse.graph.TokenSource;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** The break-glass reads and plans over HTTP against the demo tenant, through the real gateway. */
final class BreakGlassTenant implements AutoCloseable {

    static final String ADMIN = "adele.vance@tailspintoys.com";
    static final String GROUP = "Emergency Access Accounts";

    final SimServer sim;
    final GraphGateway gateway;

    BreakGlassTenant(String scenario) {
        sim = SimServer.start(SimOptions.defaults().withScenario(scenario));
        gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()), TokenSource.fixed("sim-user:" + ADMIN),
                new CallLog(10_000), RetryPolicy.DEFAULT);
    }

    TenantDirectory directory() {
        return gateway.directory();
    }

    GroupRef group(String name) {
        return directory().groupsNamed(name).get(0);
    }

    EmergencyAccess emergency() {
        return EmergencyAccess.chosen(EmergencyGroup.of(group(GROUP)), EmergencyAccess.Origin.SAVED);
    }

    HealthRead read(Optional<LocalDate> drill) {
        return new HealthReads(directory(), Clock.systemUTC(), ZoneOffset.UTC).read(emergency(), drill);
    }

    BreakGlassHealth health(Optional<LocalDate> drill) {
        return BreakGlassHealth.of(read(drill));
    }

    @Override
    public void close() {
        gateway.close();
        sim.close();
    }
}
