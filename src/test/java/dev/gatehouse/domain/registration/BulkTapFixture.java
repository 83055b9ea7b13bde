package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.procedure.FileRunLocks;
import dev.gatehouse.domain.procedure.JsonProgressStore;
import dev.gatehouse.domain.procedure.Procedure;
import dev.gatehouse.domain.procedure.ProcedureDesk;
import dev.gatehouse.domain.procedure.RunHolder;
import dev.gatehouse.domain.procedure.Subject;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.user.UserPage;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.domain.user.UserType;
import dev.gatehouse.graph.GraphGateway;
import dev.gatehouse.graph.RetryPolicy;
import dev.gatehouse.graph.ServiceRoot;
import dev.gatehouse.graph.TokenSource;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import dev.gatehouse.sim.fault.FaultSpec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bulk TAP stage on the demo tenant under Graph's authentication-methods limit, over HTTP through the real
 * gateway; shared by the tests and the benchmark.
 */
public final class BulkTapFixture implements AutoCloseable {

    public static final String ADMIN = "adele.vance@tailspintoys.com";
    public static final String TAP_PATH = "/authentication/temporaryAccessPassMethods";

    public final SimServer sim;
    public final GraphGateway gateway;
    public final BulkTapStage<MethodsPolicy> stage;
    public final Procedure<MethodsPolicy, BulkTapProposal> procedure;
    public final ProcedureDesk desk;
    public final Subject subject = Subject.tenant("Demo tenant");
    public final Path data;

    public BulkTapFixture(String scenario, Path data, RetryPolicy retries) {
        this.data = data;
        sim = SimServer.start(SimOptions.defaults().withScenario(scenario)
                .withFaults(FaultSpec.parse("auth-methods-limit=on")));
        gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()), TokenSource.fixed("sim-user:" + ADMIN),
                new CallLog(100_000), retries);
        stage = new BulkTapStage<>(MethodsPolicy::temporaryAccessPass, gateway.writer(), gateway.directory(),
                TapPacer.forGraph());
        procedure = new Procedure<>("registration-policy", "Registration policy", List.of(stage));
        desk = new ProcedureDesk(new JsonLinesJournal(data.resolve("journal.jsonl")), new JsonProgressStore(data),
                new FileRunLocks(data), "Demo tenant", RunHolder.COMMAND_LINE, Clock.systemUTC());
    }

    public TenantDirectory directory() {
        return gateway.directory();
    }

    /** {@code count} enabled members other than the admin, from the directory (not throttled). */
    public List<BulkTapUser> members(int count) {
        List<BulkTapUser> users = new ArrayList<>();
        UserQuery query = UserQuery.firstPage("", 100);
        while (users.size() < count) {
            UserPage page = directory().searchUsers(query);
            for (UserSummary user : page.users()) {
                if (user.userType() == UserType.MEMBER && user.accountEnabled()
                        && !user.userPrincipalName().equalsIgnoreCase(ADMIN) && users.size() < count) {
                    users.add(new BulkTapUser(user.id(), user.userPrincipalName(), user.displayName()));
                }
            }
            if (page.nextCursor().isEmpty()) {
                break;
            }
            query = new UserQuery("", 100, page.nextCursor().get());
        }
        return users;
    }

    /** Successful TAP creations per user id, from every HTTP call made. */
    public Map<String, Long> passesIssued() {
        return calls(c -> c.method().equals("POST") && c.pathAndQuery().endsWith(TAP_PATH) && c.status() == 201)
                .stream().collect(Collectors.groupingBy(BulkTapFixture::userOf, Collectors.counting()));
    }

    public List<GraphCall> calls(java.util.function.Predicate<GraphCall> which) {
        return gateway.callLog().snapshot().stream().filter(which).toList();
    }

    /** Requests the demo tenant counts against the limit: under /users/{id}/authentication. */
    public List<GraphCall> limitedCalls() {
        return calls(c -> c.pathAndQuery().contains("/authentication/"));
    }

    static String userOf(GraphCall call) {
        String path = call.pathAndQuery();
        int users = path.indexOf("/users/");
        return path.substring(users + "/users/".length(), path.indexOf('/', users + "/users/".length()));
    }

    @Override
    public void close() {
        gateway.close();
        sim.close();
    }
}
