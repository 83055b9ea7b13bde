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
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The trainer controls' loopback calls, against the demo tenant and against a server that misbehaves. */
class DemoLoopbackTest {

    @Test
    void readsAndPostsTheTrainerControlsOfTheDemoTenant() {
        try (SimServer sim = SimServer.start(SimOptions.defaults().withScenario("compromised"))) {
            DemoLoopback demo = new DemoLoopback(sim.serviceRoot());

            JsonNode actors = demo.get("/actors");
            JsonNode refused = demo.post("/actor", DemoLoopback.body().put("userPrincipalName", "nobody@example.com"));

            assertThat(actors.path("admins").isArray()).as(actors.toString()).isTrue();
            assertThat(actors.path("admins")).isNotEmpty();
            assertThat(DemoLoopback.error(refused)).as(refused.toString()).isNotBlank();
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
            accepted.get(5, TimeUnit.SECONDS); // the request is on its way and will never be answered
            task.interrupt();
            task.join(TimeUnit.SECONDS.toMillis(5));

            assertThat(task.isAlive()).as("still waiting for the 10 s timeout after the interrupt").isFalse();
            assertThat(outcome.get()).isInstanceOf(TenantException.class);
            assertThat(((TenantException) outcome.get()).kind()).isEqualTo(TenantException.Kind.CANCELLED);
            accepted.get().close();
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

    private static Socket accept(ServerSocket server) {
        try {
            return server.accept();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
