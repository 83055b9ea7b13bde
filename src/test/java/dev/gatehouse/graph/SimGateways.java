package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.sim.SimServer;

import java.util.ArrayList;
import java.util.List;

/** Gateways to a running demo tenant, each acting as one user ({@code sim-user:<upn>}), closed together. */
final class SimGateways implements AutoCloseable {

    private final List<GraphGateway> open = new ArrayList<>();

    GraphGateway actingAs(SimServer sim, String upn) {
        GraphGateway gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()),
                TokenSource.fixed("sim-user:" + upn), new CallLog());
        open.add(gateway);
        return gateway;
    }

    @Override
    public void close() {
        open.forEach(GraphGateway::close);
        open.clear();
    }
}
