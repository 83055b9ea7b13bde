package dev.gatehouse.sim.http;

import dev.gatehouse.sim.access.RoleRules;
import dev.gatehouse.sim.fault.FaultInjector;
import dev.gatehouse.sim.fault.IdentityReportsThrottle;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.odata.ReplyWriter;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireRequest;
import dev.gatehouse.sim.wire.WireResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every v1.0 request, from the wire or from inside a {@code $batch}, passes through here in Graph's order:
 * authentication (401), injected faults (429/503/latency), routing (400/405), then the endpoint under the
 * tenant's lock, then the OData layer; failures become Graph error bodies. Adds {@code request-id} and
 * {@code client-request-id} to every response.
 */
public final class GraphPipeline {

    private static final System.Logger LOG = System.getLogger(GraphPipeline.class.getName());
    private static final String SIM_USER_PREFIX = "sim-user:";

    private final Supplier<TenantState> tenant;
    private final Router router;
    private final FaultInjector faults;
    private final ReplyWriter writer;
    private final BatchExecutor batch;
    private final String serviceRoot;
    private final IdentityReportsThrottle reportsThrottle;

    public GraphPipeline(Supplier<TenantState> tenant, Router router, FaultInjector faults, String serviceRoot) {
        this.tenant = tenant;
        this.router = router;
        this.faults = faults;
        this.writer = new ReplyWriter(serviceRoot);
        this.serviceRoot = serviceRoot;
        this.reportsThrottle = faults.spec().authMethodsLimit() ? new IdentityReportsThrottle() : null;
        this.batch = new BatchExecutor(this::handle);
    }

    public WireResponse handle(WireRequest request) {
        TenantState state = tenant.get();
        WireResponse response;
        try {
            response = serve(request, state);
        } catch (GraphException error) {
            response = GraphErrorBodies.of(error, request, state.now());
        } catch (RuntimeException bug) {
            LOG.log(System.Logger.Level.ERROR, "Demo tenant failed on " + request.method() + " " + request.path(), bug);
            response = GraphErrorBodies.of(new GraphException(500, "generalException", "An unspecified error has occurred."),
                    request, state.now());
        }
        return response.withHeaders(Map.of("request-id", request.requestId(),
                "client-request-id", request.clientRequestId()));
    }

    private WireResponse serve(WireRequest request, TenantState state) {
        SimUser actor = authenticate(request, state);
        WriteContentType.check(request);
        injectFaults();
        List<String> path = new ArrayList<>(request.segments());
        if (path.size() == 1 && path.get(0).equals("$batch")) {
            if (!request.method().equals("POST")) {
                throw GraphException.methodNotAllowed();
            }
            if (request.insideBatch()) {
                throw GraphException.badRequest("A $batch request cannot contain another $batch request.");
            }
            return batch.execute(request);
        }
        if (!path.isEmpty() && path.get(0).equalsIgnoreCase("me")) {
            path.set(0, actor.id());
            path.add(0, "users");
        }
        // The SDK writes type casts with the short namespace alias ("graph.group"); Graph accepts both forms.
        path.replaceAll(segment -> segment.startsWith("graph.") ? "microsoft." + segment : segment);
        // A function without parameters may be called with or without "()" (the SDK writes usage()).
        path.replaceAll(segment -> segment.endsWith("()") ? segment.substring(0, segment.length() - 2) : segment);
        throttle(request, path, state);
        boolean countSegment = !path.isEmpty() && path.get(path.size() - 1).equals("$count");
        if (countSegment) {
            path.remove(path.size() - 1);
        }
        Router.Match match = router.match(request.method(), path);
        ApiCall call = new ApiCall(request, match.variables(), state, actor, new RoleRules(state),
                serviceRoot);
        Supplier<WireResponse> work = () -> {
            Reply reply = match.endpoint().handle(call);
            return writer.write(reply, request, countSegment);
        };
        return request.method().equals("GET") ? state.read(work) : state.write(work);
    }

    /**
     * {@code Bearer sim-user:<upn-or-id>} acts as that user; any other non-empty bearer token acts as the
     * scenario's signed-in admin. A token for an unknown or disabled user is refused, as Entra would never
     * have issued it.
     */
    private static SimUser authenticate(WireRequest request, TenantState state) {
        String header = request.header("Authorization").orElse("").trim();
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        if (token.isEmpty()) {
            throw GraphException.invalidToken("Access token is empty.");
        }
        return state.read(() -> {
            if (token.toLowerCase(Locale.ROOT).startsWith(SIM_USER_PREFIX)) {
                String name = token.substring(SIM_USER_PREFIX.length()).trim();
                return state.user(name).filter(SimUser::accountEnabled)
                        .orElseThrow(() -> GraphException.invalidToken("Access token validation failure."));
            }
            return state.signedInAdmin()
                    .orElseThrow(() -> GraphException.invalidToken("Access token validation failure."));
        });
    }

    /** The opt-in identity-reports limit ({@code auth-methods-limit=on}): 429 with Retry-After past 5 per 10 s. */
    private void throttle(WireRequest request, List<String> path, TenantState state) {
        if (reportsThrottle == null || !IdentityReportsThrottle.covers(path)) {
            return;
        }
        String caller = request.header("Authorization").orElse("");
        reportsThrottle.admit(caller, state.now()).ifPresent(seconds -> {
            throw new GraphException(429, "TooManyRequests", "Please retry again later.",
                    Map.of("Retry-After", Long.toString(seconds)));
        });
    }

    private void injectFaults() {
        FaultInjector.Decision decision = faults.next();
        if (!decision.delay().isZero()) {
            try {
                Thread.sleep(decision.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GraphException(503, "serviceNotAvailable", "The request was interrupted.");
            }
        }
        String retryAfter = Integer.toString(faults.spec().retryAfterSeconds());
        switch (decision.outcome()) {
            case THROTTLE -> throw new GraphException(429, "TooManyRequests", "Please retry again later.",
                    Map.of("Retry-After", retryAfter));
            case UNAVAILABLE -> throw new GraphException(503, "serviceNotAvailable",
                    "The service is not available. Try the request again after a delay.",
                    Map.of("Retry-After", retryAfter));
            default -> {
            }
        }
    }
}
