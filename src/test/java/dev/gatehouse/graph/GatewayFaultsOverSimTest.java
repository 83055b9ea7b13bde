package dev.gatehouse.graph;

import com.microsoft.graph.models.OrganizationCollectionResponse;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.authentication.temporaryaccesspassmethods.TemporaryAccessPassMethodsRequestBuilder;
import com.microsoft.kiota.ApiException;
import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.MethodConfigurationSnapshot;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.tenant.DirectoryWriter.NewRoleAssignment;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;
import dev.gatehouse.domain.tenant.TenantWriter;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import dev.gatehouse.sim.fault.FaultSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Throttling, outages and slow answers from the demo tenant's seeded fault injection. */
class GatewayFaultsOverSimTest {

    private SimServer sim;
    private GraphGateway gateway;

    @AfterEach
    void stop() {
        gateway.close();
        sim.close();
    }

    private GraphGateway start(String faults, RetryPolicy retryPolicy) {
        sim = SimServer.start(SimOptions.defaults().withFaults(FaultSpec.parse(faults)));
        gateway = GraphGateway.open(ServiceRoot.parse(sim.serviceRoot()),
                TokenSource.fixed("sim-user:" + GatewayOverSimTest.ADMIN), new CallLog(), retryPolicy);
        return gateway;
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterAndEachAttemptIsLogged() {
        start("429=0.5,retry-after=1,seed=14", RetryPolicy.DEFAULT);

        for (int i = 0; i < 4; i++) {
            gateway.directory().tenant();
        }

        List<GraphCall> calls = gateway.callLog().snapshot();
        assertThat(calls).filteredOn(c -> c.status() == 429).isNotEmpty();
        for (int i = 0; i < calls.size() - 1; i++) {
            GraphCall call = calls.get(i);
            if (call.status() == 429) {
                assertThat(call.outcome()).isEqualTo("HTTP 429, Retry-After 1 s");
                GraphCall retry = calls.get(i + 1);
                assertThat(retry.pathAndQuery()).isEqualTo(call.pathAndQuery());
                Instant answered = call.startedAt().plus(call.duration());
                assertThat(Duration.between(answered, retry.startedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
            }
        }
        assertThat(calls.get(calls.size() - 1).status()).isEqualTo(200);
        assertThat(calls).filteredOn(c -> c.status() == 200).hasSize(4);
    }

    @Test
    void whenThrottlingOutlastsTheRetriesTheAdminIsToldWhenToTryAgain() {
        start("429=1.0,retry-after=1", new RetryPolicy(2, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> gateway.directory().searchUsers(UserQuery.firstPage("", 10)))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
                    assertThat(e.getMessage()).contains("Try again in 1 second (after ");
                    assertThat(e.httpStatus()).isEqualTo(429);
                    assertThat(e.graphCode()).isEqualTo("TooManyRequests");
                });
        assertThat(gateway.callLog().snapshot()).hasSize(3).allSatisfy(c -> assertThat(c.status()).isEqualTo(429));
    }

    @Test
    void aRetryAfterLongerThanThePolicyAcceptsFailsAtOnce() {
        start("429=1.0,retry-after=120", RetryPolicy.DEFAULT);
        long before = System.nanoTime();

        assertThatThrownBy(() -> gateway.directory().tenant())
                .isInstanceOfSatisfying(TenantException.class,
                        e -> assertThat(e.getMessage()).contains("Try again in 120 seconds"));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
        assertThat(gateway.callLog().snapshot()).hasSize(1);
    }

    @Test
    void anOutageIsUnavailableAfterTheReadWasResent() {
        start("503=1.0,retry-after=1", new RetryPolicy(1, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> gateway.directory().tenant())
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("unavailable").contains("Try again in 1 second");
                });
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method, GraphCall::status)
                .containsExactly(tuple("GET", 503), tuple("GET", 503));
    }

    @Test
    void aChangeAnswered503IsSentOnceAndTheAdminIsToldToCheckBeforeRetrying() {
        start("503=1.0,retry-after=0", RetryPolicy.DEFAULT);
        String subject = "user '" + GatewayOverSimTest.NON_ADMIN + "'";

        assertThatThrownBy(() -> tapMethods(GatewayOverSimTest.NON_ADMIN)
                .post(new TemporaryAccessPassAuthenticationMethod()))
                .satisfies(failure -> assertThat(gateway.errors()
                        .map(failure, GraphOperation.ISSUE_TEMPORARY_ACCESS_PASS, subject))
                        .satisfies(e -> {
                            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                            assertThat(e.httpStatus()).isEqualTo(503);
                            assertThat(e.getMessage())
                                    .startsWith("Microsoft Graph failed (HTTP 503) while Gatehouse tried to issue a "
                                            + "Temporary Access Pass: the change may or may not have been applied. "
                                            + "Check " + subject + " before retrying; Gatehouse did not send it again.");
                        }));
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method, GraphCall::status)
                .containsExactly(tuple("POST", 503));
    }

    @Test
    void writesAnswered503AreSentOnceEachAndReportedAsUncertain() {
        start("503=1.0,retry-after=0", RetryPolicy.DEFAULT);
        String megan = GatewayOverSimTest.NON_ADMIN;

        assertThatThrownBy(() -> gateway.writer().revokeSignInSessions(megan))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).startsWith("Microsoft Graph failed (HTTP 503) while Gatehouse tried to "
                            + "revoke the user's sign-in sessions: the change may or may not have been applied. "
                            + "Check user '" + megan + "' before retrying");
                });
        assertThatThrownBy(() -> gateway.writer().setAccountEnabled(megan, false))
                .isInstanceOfSatisfying(TenantException.class,
                        e -> assertThat(e.getMessage()).contains("may or may not have been applied"));
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method, GraphCall::status)
                .containsExactly(tuple("POST", 503), tuple("PATCH", 503));
    }

    @Test
    void cancellingAWriteEndsItAtOnce() throws Exception {
        start("slow=1.0:5s", RetryPolicy.DEFAULT);

        Throwable outcome = interruptAfter(Duration.ofMillis(300),
                () -> gateway.writer().setAccountEnabled(GatewayOverSimTest.NON_ADMIN, false));

        assertThat(outcome).isInstanceOfSatisfying(TenantException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
    }

    @Test
    void cancellingWhileFollowingAPasswordResetSaysTheResetWasAccepted() throws Exception {
        start("none", RetryPolicy.DEFAULT);
        String megan = GatewayOverSimTest.NON_ADMIN;

        // the sim answers Retry-After: 1, so the follower is waiting when the interrupt comes
        AtomicReference<TenantWriter.PasswordReset> answer = new AtomicReference<>();
        Throwable outcome = interruptAfter(Duration.ofMillis(600), () -> answer.set(gateway.writer().resetPassword(
                megan, dev.gatehouse.domain.secret.Secret.of("Temporary password", "Kestrel-Harbour-4417"))));

        // accepted means Entra may apply it: the reset is reported unconfirmed, not failed, so its password is kept
        assertThat(outcome).isNull();
        assertThat(answer.get().unconfirmed()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("Graph accepted the password reset of user '" + megan + "', but Gatehouse could not "
                        + "confirm that it finished").doesNotContain("Kestrel"));
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method).containsExactly("GET", "POST");
    }

    /** Runs {@code work} on a thread interrupted after {@code delay}; returns what it threw, within a second. */
    private static Throwable interruptAfter(Duration delay, Runnable work) throws InterruptedException {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        worker.start();
        Thread.sleep(delay.toMillis());
        long before = System.nanoTime();
        worker.interrupt();
        worker.join(5_000);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
        return outcome.get();
    }

    @Test
    void aDeleteAnswered503IsNotResentEither() {
        start("503=1.0,retry-after=0", RetryPolicy.DEFAULT);

        assertThatThrownBy(() -> tapMethods(GatewayOverSimTest.NON_ADMIN)
                .byTemporaryAccessPassAuthenticationMethodId("00000000-0000-0000-0000-000000000001").delete())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(503));
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method).containsExactly("DELETE");
    }

    @Test
    void directoryAndPolicyWritesAnswered503AreSentOnceEachAndReportedAsUncertain() {
        start("503=1.0,retry-after=0", RetryPolicy.DEFAULT);
        String someone = "00000000-0000-0000-0000-0000000000aa";
        AuthenticationStrength builtIn = new AuthenticationStrength("00000000-0000-0000-0000-000000000004",
                "Phishing-resistant MFA", Set.of("fido2"));
        List<Runnable> writes = List.of(
                () -> gateway.directoryWriter().createUser(DirectoryWriterOverSimTest.emergencyAccount()),
                () -> gateway.directoryWriter().assignDirectoryRole(
                        NewRoleAssignment.tenantWide(DirectoryRole.GLOBAL_ADMINISTRATOR, someone)),
                () -> gateway.directoryWriter().addGroupMember(new GroupRef(someone, "Emergency access", true), someone),
                () -> gateway.policyWriter().createConditionalAccessPolicy(
                        PolicyWriterOverSimTest.registrationPolicy(builtIn, someone)),
                () -> gateway.policyWriter().setConditionalAccessPolicyState(someone, ConditionalAccessPolicy.State.ENABLED),
                () -> gateway.policyWriter().deleteAuthenticationStrength(someone),
                () -> gateway.policyWriter().restoreMethodConfiguration(
                        new MethodConfigurationSnapshot("Fido2", "{\"state\":\"disabled\"}")));

        for (Runnable write : writes) {
            assertThatThrownBy(write::run).isInstanceOfSatisfying(TenantException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                assertThat(e.httpStatus()).isEqualTo(503);
                assertThat(e.getMessage()).startsWith("Microsoft Graph failed (HTTP 503) while Gatehouse tried to ")
                        .contains(": the change may or may not have been applied. Check ")
                        .contains(" before retrying; Gatehouse did not send it again.")
                        .doesNotContain(DirectoryWriterOverSimTest.PASSWORD);
            });
        }
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method, GraphCall::status).containsExactly(
                tuple("POST", 503), tuple("POST", 503), tuple("POST", 503), tuple("POST", 503), tuple("PATCH", 503),
                tuple("DELETE", 503), tuple("PATCH", 503));
        assertThatThrownBy(writes.get(0)::run).hasMessageContaining("Check the account '"
                + DirectoryWriterOverSimTest.NEW_UPN + "' before retrying");
    }

    @Test
    void aThrottledChangeIsResentBecauseGraphDidNotProcessIt() {
        start("429=1.0,retry-after=0", new RetryPolicy(2, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> tapMethods(GatewayOverSimTest.NON_ADMIN)
                .post(new TemporaryAccessPassAuthenticationMethod()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(429));
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method, GraphCall::status)
                .containsExactly(tuple("POST", 429), tuple("POST", 429), tuple("POST", 429));
    }

    @Test
    void insideABatchAReadAnswered503IsResentButAChangeIsNot() {
        // seed 15: the batch passes, both requests in it get 503, the second batch and its one request pass
        start("503=0.5,retry-after=0,seed=15", RetryPolicy.DEFAULT);
        GraphServiceClient client = gateway.client(PermissionSet.USERS_READ);
        GraphStep<OrganizationCollectionResponse> read = new GraphStep<>("organization",
                GraphOperation.READ_ORGANIZATION, "the organisation", client.organization().toGetRequestInformation(),
                OrganizationCollectionResponse::createFromDiscriminatorValue);
        String subject = "user '" + GatewayOverSimTest.NON_ADMIN + "'";
        GraphStep<TemporaryAccessPassAuthenticationMethod> change = new GraphStep<>("tap",
                GraphOperation.ISSUE_TEMPORARY_ACCESS_PASS, subject,
                tapMethods(GatewayOverSimTest.NON_ADMIN).toPostRequestInformation(
                        new TemporaryAccessPassAuthenticationMethod()),
                TemporaryAccessPassAuthenticationMethod::createFromDiscriminatorValue);

        GraphSteps.Results results = new GraphSteps(client, gateway.serviceRoot(), RetryPolicy.DEFAULT,
                gateway.errors(), gateway.recorder()).run(List.of(read, change));

        assertThat(results.value(read).getValue()).isNotEmpty();
        assertThatThrownBy(() -> results.value(change)).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("the change may or may not have been applied");
        });
        assertThat(gateway.callLog().snapshot())
                .extracting(GraphCall::method, GraphCall::pathAndQuery, GraphCall::status, GraphCall::outcome)
                .containsExactly(
                        tuple("POST", "/$batch", 200, ""),
                        tuple("GET", "/organization", 503, "in $batch, HTTP 503, Retry-After 0 s"),
                        tuple("POST", "/users/" + GatewayOverSimTest.NON_ADMIN
                                + "/authentication/temporaryAccessPassMethods", 503,
                                "in $batch, HTTP 503, Retry-After 0 s"),
                        tuple("POST", "/$batch", 200, ""),
                        tuple("GET", "/organization", 200, "retried after 503 in $batch"));
    }

    @Test
    void aBatchOfReadsRefusedAsAWholeIsResentAndThenUnavailable() {
        start("503=1.0,retry-after=0", new RetryPolicy(2, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> gateway.directory().findUser(GatewayOverSimTest.ADMIN))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.httpStatus()).isEqualTo(503);
                });
        assertThat(gateway.callLog().snapshot()).extracting(GraphCall::method, GraphCall::pathAndQuery, GraphCall::status)
                .containsExactly(tuple("POST", "/$batch", 503), tuple("POST", "/$batch", 503),
                        tuple("POST", "/$batch", 503));
    }

    private TemporaryAccessPassMethodsRequestBuilder tapMethods(String user) {
        return gateway.client(PermissionSet.USERS_READ).users().byUserId(user).authentication()
                .temporaryAccessPassMethods();
    }

    @Test
    void throttledRequestsInsideABatchAreResentUntilTheLookupCompletes() {
        start("429=0.3,retry-after=1,seed=11", RetryPolicy.DEFAULT);

        UserDetail adele = gateway.directory().findUser(GatewayOverSimTest.ADMIN).orElseThrow();

        assertThat(adele.methods()).isNotEmpty();
        assertThat(adele.roles()).isNotEmpty();
        List<GraphCall> calls = gateway.callLog().snapshot();
        assertThat(calls).filteredOn(call -> !call.outcome().contains("in $batch"))
                .extracting(GraphCall::method, GraphCall::pathAndQuery).containsOnly(tuple("POST", "/$batch"));
        assertThat(calls).filteredOn(call -> call.outcome().contains("in $batch"))
                .allSatisfy(call -> assertThat(call.method()).isEqualTo("GET"))
                .anySatisfy(call -> {
                    assertThat(call.status()).isEqualTo(429);
                    assertThat(call.outcome()).endsWith("in $batch, HTTP 429, Retry-After 1 s");
                })
                .anySatisfy(call -> {
                    assertThat(call.status()).isEqualTo(200);
                    assertThat(call.outcome()).isEqualTo("retried after 429 in $batch");
                });
        assertThat(calls).filteredOn(call -> call.pathAndQuery().equals("/$batch")).hasSizeGreaterThan(2);
    }

    @Test
    void aThrottledBatchPostIsRetriedByTheRetryHandler() {
        start("429=0.2,retry-after=1,seed=68", RetryPolicy.DEFAULT);

        assertThat(gateway.directory().findUser(GatewayOverSimTest.ADMIN)).isPresent();

        assertThat(gateway.callLog().snapshot().get(0).status()).isEqualTo(429);
        assertThat(gateway.callLog().snapshot().get(1).pathAndQuery()).isEqualTo("/$batch");
    }

    @Test
    void cancellingASlowCallEndsItAtOnceAndLogsItAsCancelled() throws Exception {
        start("slow=1.0:5s", RetryPolicy.DEFAULT);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                gateway.directory().searchUsers(UserQuery.firstPage("adele", 10));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        worker.start();
        Thread.sleep(300);

        long before = System.nanoTime();
        worker.interrupt();
        worker.join(5_000);

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
        assertThat(outcome.get()).isInstanceOfSatisfying(TenantException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
        long deadline = System.currentTimeMillis() + 2_000;
        while (gateway.callLog().snapshot().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(gateway.callLog().snapshot()).singleElement().satisfies(call -> {
            assertThat(call.status()).isZero();
            assertThat(call.outcome()).isEqualTo("cancelled");
        });
    }
}
