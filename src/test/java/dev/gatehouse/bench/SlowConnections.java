package dev.gatehouse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slowloris beside the load: half of the connections send headers and half a body, then stall; the other half
 * trickle their headers a byte a second. Whenever the server closes one, it reconnects, until stopped.
 */
final class SlowConnections implements AutoCloseable {

    private static final byte[] HALF_A_POST = ("POST /v1.0/users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer x\r\n"
            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"displayName\":")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRICKLED = "GET /v1.0/users HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
            .getBytes(StandardCharsets.US_ASCII);

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    final AtomicInteger cutOff = new AtomicInteger();

    SlowConnections(int port, int count) {
        for (int i = 0; i < count; i++) {
            boolean stall = i % 2 == 0;
            Thread thread = new Thread(() -> {
                while (running) {
                    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        if (stall) {
                            stall(socket);
                        } else {
                            trickle(socket);
                        }
                        cutOff.incrementAndGet();
                    } catch (IOException e) {
                        cutOff.incrementAndGet();
                    }
                }
            }, "slow-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Sends half a request and waits until the server answers or closes (or the benchmark ends). */
    private void stall(Socket socket) throws IOException {
        socket.getOutputStream().write(HALF_A_POST);
        socket.setSoTimeout(500);
        InputStream in = socket.getInputStream();
        while (running) {
            try {
                if (in.read() < 0) {
                    return;
                }
                in.readNBytes(in.available());
                return;
            } catch (SocketTimeoutException stillWaiting) {
                // the server has not given up on it yet
            }
        }
    }

    private void trickle(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        for (int i = 0; running; i++) {
            out.write(i < TRICKLED.length ? TRICKLED[i] : 'a');
            out.flush();
            sleep(1000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(3000);
        }
    }
}
