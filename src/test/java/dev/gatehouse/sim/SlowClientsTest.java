package dev.gatehouse.sim;

import dev.gatehouse.sim.http.SimHttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slowloris: connections that send half a request and then stall, or trickle it a byte at a time, must neither
 * freeze the demo tenant for other clients nor stay open forever mid-body.
 */
class SlowClientsTest {

    private static final String HALF_A_POST = "POST /v1.0/users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Authorization: Bearer x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"displayName\":";

    @Test
    void eightSlowConnectionsFreezeNobodyAndStalledBodiesAreCutOff() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        List<Socket> stalled = new ArrayList<>();
        List<Socket> trickling = new ArrayList<>();
        try (SimServer sim = SimServer.start(SimOptions.defaults())) {
            for (int i = 0; i < 4; i++) {
                Socket socket = connect(sim);
                socket.getOutputStream().write(HALF_A_POST.getBytes(StandardCharsets.US_ASCII));
                stalled.add(socket);
            }
            for (int i = 0; i < 4; i++) {
                Socket socket = connect(sim);
                trickling.add(socket);
                OutputStream out = socket.getOutputStream();
                byte[] request = "GET /v1.0/users HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
                int[] next = {0};
                trickle.scheduleAtFixedRate(() -> {
                    try {
                        out.write(next[0] < request.length ? request[next[0]++] : 'a');
                    } catch (IOException closed) {
                        // the server may close it; the test only needs it to have been slow
                    }
                }, 0, 500, TimeUnit.MILLISECONDS);
            }
            Thread.sleep(300);

            long started = System.nanoTime();
            RawHttp.Answer normal = RawHttp.exchange(sim.port(), ("GET /v1.0/users?$top=1&$select=id HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(5));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(normal.status()).isEqualTo(200);
            assertThat(took).isLessThan(Duration.ofSeconds(2));

            Duration limit = SimHttpServer.IDLE_TIMEOUT.plusSeconds(5);
            for (Socket socket : stalled) {
                socket.setSoTimeout((int) limit.toMillis());
                RawHttp.Answer cutOff = RawHttp.read(socket.getInputStream());
                assertThat(cutOff.status()).isEqualTo(408);
                assertThat(cutOff.errorCode()).isEqualTo("RequestTimeout");
            }
        } finally {
            trickle.shutdownNow();
            for (Socket socket : stalled) {
                socket.close();
            }
            for (Socket socket : trickling) {
                socket.close();
            }
        }
    }

    private static Socket connect(SimServer sim) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), sim.port());
    }
}
