package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.tenant.TenantException;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls to the demo tenant's trainer controls ({@code http://127.0.0.1:N/_demo/…}, docs/demo-tenant.md), next to its
 * Graph service root. Not Graph, so not through the Graph client: plain loopback requests whose JSON answers say what
 * happened. Bodies may hold a pass or a password for the demo server on this computer; nothing here is logged.
 *
 * <p>They go through OkHttp, which the Graph client has already loaded, cleartext only: the JDK's HttpClient would
 * load its own HTTP stack and the TLS one (the default SSLContext and the trust store) for loopback calls, and the
 * window reads the demo tenant's admins while it shows its first data. As with the gateway, a change is sent once
 * ({@link ChangesSentOnce}: a pass is not signed in with twice), an idle connection is let go before the demo tenant
 * closes it ({@link GraphGateway#POOLED_IDLE}), and a redirect is not followed.
 */
final class DemoLoopback {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration WAIT = TIMEOUT.plusSeconds(5);
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final String root;

    /** @param serviceRoot the demo connection's {@code http://127.0.0.1:N/v1.0} */
    DemoLoopback(String serviceRoot) {
        this.root = serviceRoot.replaceFirst("/v1\\.0/?$", "") + "/_demo";
    }

    static ObjectNode body() {
        return JSON.createObjectNode();
    }

    JsonNode get(String path) {
        return send(request(path).get().build());
    }

    /** POSTs {@code body} (JSON, as the trainer controls demand) and returns the answer, an error body included. */
    JsonNode post(String path, JsonNode body) {
        return send(request(path).post(RequestBody.create(body.toString(), JSON_TYPE)).build());
    }

    /** The message of a Graph-style error answer; empty for any other answer. */
    static String error(JsonNode answer) {
        return answer.path("error").path("message").asText("");
    }

    private Request.Builder request(String path) {
        return new Request.Builder().url(root + path)
                .header("Authorization", "Bearer trainer"); // the trainer controls refuse calls without a token
    }

    /**
     * Waits for the answer interruptibly, as the JDK client did: a cancelled task cancels its call. The call's own
     * timeout starts when the dispatcher runs it; the wait's, a little longer, also bounds a call still queued.
     */
    private JsonNode send(Request request) {
        Call call = Loopback.CLIENT.newCall(request);
        CompletableFuture<String> answer = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onResponse(Call done, Response response) {
                try (ResponseBody body = response.body()) {
                    answer.complete(body.string());
                } catch (Throwable e) { // whatever happens, the waiting task hears of it
                    answer.completeExceptionally(e);
                    if (e instanceof Error error) {
                        throw error;
                    }
                }
            }

            @Override
            public void onFailure(Call failed, IOException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return JSON.readTree(answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw new TenantException(TenantException.Kind.CANCELLED, "Stopped before the demo tenant answered.");
        } catch (TimeoutException e) {
            call.cancel();
            throw new TenantException(TenantException.Kind.UNAVAILABLE, "The demo tenant did not answer within "
                    + WAIT.toSeconds() + " s.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new TenantException(TenantException.Kind.UNAVAILABLE, "The demo tenant did not answer: "
                    + Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName()));
        } catch (IOException e) {
            throw new TenantException(TenantException.Kind.UNAVAILABLE, "The demo tenant's answer is not JSON: "
                    + e.getMessage());
        }
    }

    /** One client for every demo connection of this process, made at the first call (on a worker). */
    private static final class Loopback {
        private static final AtomicInteger THREADS = new AtomicInteger();
        static final OkHttpClient CLIENT = new OkHttpClient.Builder()
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .dispatcher(new Dispatcher(Executors.newCachedThreadPool(Loopback::daemon)))
                .addInterceptor(new ChangesSentOnce())
                .connectionPool(new ConnectionPool(2, GraphGateway.POOLED_IDLE.toMillis(), TimeUnit.MILLISECONDS))
                .followRedirects(false)
                .connectTimeout(TIMEOUT).callTimeout(TIMEOUT)
                .build();

        private static Thread daemon(Runnable task) {
            Thread thread = new Thread(task, "gatehouse-demo-call-" + THREADS.incrementAndGet());
            thread.setDaemon(true); // an answer still awaited never keeps the process alive
            return thread;
        }
    }
}
