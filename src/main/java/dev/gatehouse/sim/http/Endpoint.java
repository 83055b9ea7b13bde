package dev.gatehouse.sim.http;

import dev.gatehouse.sim.odata.Reply;

/** Serves one route of the v1.0 API. */
@FunctionalInterface
public interface Endpoint {
    Reply handle(ApiCall call);
}
