package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The trainer controls' loopback calls, against the demo tenant and against a server that misbehaves. */
class DemoLoopbackTest {

    @Test
    void readsAndPostsTheTrainerControlsOfTheDemoTenant() {
        try (SimServer sim = SimServer.start(SimOptions.defaults().withScenario("compromised"))) {
            DemoLoopback demo = new DemoLoopback(sim.serviceRoot());

            JsonNode actors = demo.get("/actors");
            String other = actors.path("admins").findValuesAsText("userPrincipalName").stream()
                    .filter(admin -> !admin.equals(actors.path("scenarioAdmin").asText())).findFirst().orElseThrow();
            JsonNode switched = demo.post("/actor", DemoLoopback.body().put("userPrincipalName", other));
            JsonNode after = demo.get("/actors");

            assertThat(DemoLoopback.error(switched)).as(switched.toString()).isEmpty();
            assertThat(after.path("signedInAdmin").asText()).isEqualTo(other);
        }
    }

    @Test
    void aCancelledTaskStopsWaitingForADemoTenantThatDoesNotAnswer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> accept(silent));
            DemoLoopback demo = new DemoLoopback("http://127.0.0.1:" + silent.getLocalPort() + "/v1.0");
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread task = new Thread(() -> {
                try {
                    demo.get("/actors");
                } catch (Throwable failure) {
                    outcome.set(failure);
                }
            });
            task.start();
            try (Socket connection = accepted.get(5, TimeUnit.SECONDS)) { // the request is out, never to be answered
                task.interrupt();
                task.join(TimeUnit.SECONDS.toMillis(5));

                assertThat(task.isAlive()).as("still waiting for the 10 s timeout after the interrupt").isFalse();
                assertThat(outcome.get()).isInstanceOf(TenantException.class);
                assertThat(((TenantException) outcome.get()).kind()).isEqualTo(TenantException.Kind.CANCELLED);
            }
        }
    }

    /**
     * The classic case: a kept-alive connection the server drops just as the next request goes out on it. OkHttp
     * would send a POST again on a new connection, as the demo tenant's keep-alive timeout made happen now and then.
     */
    @Test
    void aChangeIsSentOnceEvenWhenItsKeptAliveConnectionBreaksBeforeTheAnswer() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread demoTenant = new Thread(() -> {
                try (Socket kept = server.accept(); OutputStream out = kept.getOutputStream()) {
                    readHeaders(kept); // GET /actors, answered and kept alive
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    readHeaders(kept); // the POST on the same connection, which breaks without an answer
                    posts.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
                while (!server.isClosed()) {
                    try (Socket again = server.accept(); OutputStream out = again.getOutputStream()) {
                        readHeaders(again);
                        posts.incrementAndGet();
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            demoTenant.setDaemon(true);
            demoTenant.start();
            DemoLoopback demo = new DemoLoopback("http://127.0.0.1:" + server.getLocalPort() + "/v1.0");

            demo.get("/actors");
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> demo.post(
                    "/users/u/signIn/temporaryAccessPass", DemoLoopback.body().put("temporaryAccessPass", "x")));

            assertThat(posts).as("POSTs that reached the demo tenant").hasValue(1);
            assertThat(failure).isInstanceOf(TenantException.class);
            assertThat(((TenantException) failure).kind()).isEqualTo(TenantException.Kind.UNAVAILABLE);
        }
    }

    @Test
    void anAnswerThatIsNotJsonIsReportedAsSuch() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try (Socket socket = accept(server); OutputStream out = socket.getOutputStream()) {
                    socket.getInputStream().read(new byte[4096]);
                    out.write(("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: 9\r\n"
                            + "Connection: close\r\n\r\n<h1>x</h1").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            DemoLoopback demo = new DemoLoopback("http://127.0.0.1:" + server.getLocalPort() + "/v1.0");

            TenantException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> demo.get("/actors"), TenantException.class);

            assertThat(failure.kind()).isEqualTo(TenantException.Kind.UNAVAILABLE);
            assertThat(failure.getMessage()).startsWith("The demo tenant's answer is not JSON");
        }
    }

    /** The whole GET, so closing after the answer never resets a connection with unread bytes. */
    private static void readHeaders(Socket socket) throws IOException {
        StringBuilder read = new StringBuilder();
        while (!read.toString().endsWith("\r\n\r\n")) {
            int next = socket.getInputStream().read();
            if (next < 0) {
                return;
            }
            read.append((char) next);
        }
    }

    private static Socket accept(ServerSocket server) {
        try {
            return server.accept();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
