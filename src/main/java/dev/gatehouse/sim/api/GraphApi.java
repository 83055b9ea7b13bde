package dev.gatehouse.sim.api;

import dev.gatehouse.sim.http.Router;

/** The routing table of the demo tenant's v1.0 API: every endpoint group registers its routes here. */
public final class GraphApi {

    private GraphApi() {
    }

    public static Router router() {
        Router router = new Router();
        DirectoryApi.register(router);
        UserWritesApi.register(router);
        LicenceWritesApi.register(router);
        GroupWritesApi.register(router);
        RoleManagementApi.register(router);
        PimApi.register(router);
        AuthenticationMethodsApi.register(router);
        MethodWritesApi.register(router);
        TenantApi.register(router);
        ConditionalAccessApi.register(router);
        AuthenticationStrengthsApi.register(router);
        ReportsApi.register(router);
        return router;
    }
}
