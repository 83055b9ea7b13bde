package dev.gatehouse.graph;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.tenant.DirectoryWriter;
import dev.gatehouse.domain.tenant.PolicyWriter;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantWriter;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One connection's Graph plumbing: the service root, the token source, a single OkHttp client with Graph's
 * default middleware (retry honouring Retry-After, redirects, telemetry) plus call recording, cancellation,
 * {@link NetworkDeadlines} and a check that every answer is one Graph could have sent ({@link AnswerCheck}), and one
 * SDK client per {@link PermissionSet} so each workspace asks only for its own scopes.
 * The same code path serves the demo tenant, real tenants and any Graph-compatible endpoint.
 */
public final class GraphGateway implements AutoCloseable {

    private final ServiceRoot root;
    private final TokenSource tokens;
    private final CallLog callLog;
    private final CancellableCalls calls = new CancellableCalls();
    private final OkHttpClient http;
    /**
     * How long an idle connection stays pooled: below the idle close of the servers we talk to (the demo tenant closes
     * after 10 s). A change sent on a connection the server is closing that very moment is lost on the wire ("unexpected
     * end of stream"), and since changes are sent once ({@link ChangesSentOnce}) it would stop a run as "may or may
     * not have been applied" — which paced work, idle 10 s between bursts of 5, met every few dozen passes. A new
     * connection after a pause costs a handshake; a lost pass costs the run.
     */
    static final Duration POOLED_IDLE = Duration.ofSeconds(5);
    private final GraphErrorMapper errors;
    private final RetryPolicy retryPolicy;
    private final NetworkDeadlines deadlines;
    private final CallRecorder recorder;
    private final Map<PermissionSet, GraphServiceClient> clients = new EnumMap<>(PermissionSet.class);
    private final GraphTenantDirectory directory;
    private final GraphTenantWriter writer;
    private final GraphDirectoryWriter directoryWriter;
    private final GraphPolicyWriter policyWriter;

    private GraphGateway(ServiceRoot root, TokenSource tokens, CallLog callLog, RetryPolicy retryPolicy,
                         NetworkDeadlines deadlines, Clock clock) {
        this.root = root;
        this.tokens = tokens;
        this.callLog = callLog;
        this.retryPolicy = retryPolicy;
        this.deadlines = deadlines;
        this.errors = new GraphErrorMapper(root, tokens::grantedScopes, clock, deadlines);
        this.recorder = new CallRecorder(root, callLog::record, clock);
        OkHttpClient.Builder builder = GraphClientFactory.create(new RequestOption[]{retryPolicy.handlerOption()});
        // put before Kiota's RetryHandler: they see the request once and its final answer once
        builder.interceptors().add(0, new AnswerCheck(AnswerCheck.DEFAULT_LIMIT_BYTES));
        builder.interceptors().add(0, RequestDeadline.tagging(deadlines.request()));
        // appended after Kiota's RetryHandler, so each retry passes through them as its own call
        builder.addInterceptor(calls.interceptor());
        builder.addInterceptor(recorder);
        builder.addInterceptor(new ChangesSentOnce());
        builder.eventListenerFactory(ExchangePhase.TRACKING);
        if (!root.isHttps()) {
            builder.socketFactory(new TlsAnswerDetector());
            // loopback http only (ServiceRoot): cleartext only, so the client never loads a TLS stack it cannot use
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        builder.connectionPool(new ConnectionPool(5, POOLED_IDLE.toMillis(), TimeUnit.MILLISECONDS));
        // every failure ends in bounded time; Retry-After waits only as long as they fit (RequestDeadline)
        this.http = builder.connectTimeout(deadlines.connect()).readTimeout(deadlines.read())
                .writeTimeout(deadlines.read()).callTimeout(deadlines.request()).build();
        this.directory = new GraphTenantDirectory(this);
        this.writer = new GraphTenantWriter(this);
        this.directoryWriter = new GraphDirectoryWriter(this);
        this.policyWriter = new GraphPolicyWriter(this);
    }

    /** The HTTP client, for tests of its connection handling. */
    OkHttpClient http() {
        return http;
    }

    public static GraphGateway open(ServiceRoot root, TokenSource tokens, CallLog callLog) {
        return open(root, tokens, callLog, RetryPolicy.DEFAULT);
    }

    public static GraphGateway open(ServiceRoot root, TokenSource tokens, CallLog callLog, RetryPolicy retryPolicy) {
        return open(root, tokens, callLog, retryPolicy, NetworkDeadlines.DEFAULT);
    }

    public static GraphGateway open(ServiceRoot root, TokenSource tokens, CallLog callLog, RetryPolicy retryPolicy,
                                    NetworkDeadlines deadlines) {
        return new GraphGateway(root, tokens, callLog, retryPolicy, deadlines, Clock.systemDefaultZone());
    }

    public TenantDirectory directory() {
        return directory;
    }

    /** The signed-in admin changed under this connection (a demo trainer's actor): nothing keeps the old one. */
    void forgetSignedInAccount() {
        writer.forgetSignedInAccount();
    }

    public TenantWriter writer() {
        return writer;
    }

    public DirectoryWriter directoryWriter() {
        return directoryWriter;
    }

    public PolicyWriter policyWriter() {
        return policyWriter;
    }

    public ServiceRoot serviceRoot() {
        return root;
    }

    public CallLog callLog() {
        return callLog;
    }

    /** How long this gateway waits on the endpoint before it gives up. */
    public NetworkDeadlines deadlines() {
        return deadlines;
    }

    synchronized GraphServiceClient client(PermissionSet permissions) {
        return clients.computeIfAbsent(permissions, set -> new GraphServiceClient(new BaseGraphRequestAdapter(
                new BaseBearerTokenAuthenticationProvider(new BearerTokenProvider(root, tokens, set.scopes())),
                root.toString(), http)));
    }

    /**
     * Runs one tenant operation on the cancellable executor, turning whatever it throws into the admin-readable
     * {@link dev.gatehouse.domain.tenant.TenantException} for {@code operation}.
     *
     * @param subject what the call is about, for "not found" and "check before retrying" messages; may be null
     */
    <T> T call(GraphOperation operation, String subject, Supplier<T> work) {
        return calls.run(operation.action(), () -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                throw errors.map(e, operation, subject);
            }
        });
    }

    GraphErrorMapper errors() {
        return errors;
    }

    CancellableCalls calls() {
        return calls;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    CallRecorder recorder() {
        return recorder;
    }

    @Override
    public void close() {
        calls.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
