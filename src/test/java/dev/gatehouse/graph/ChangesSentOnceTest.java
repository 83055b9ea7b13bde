package dev.gatehouse.graph;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OkHttp's retryOnConnectionFailure against a server that drops the connection after reading a request: reads are
 * answered on a kept-alive connection, every other request is read and the connection closed without an answer.
 * That is what a change looks like when Graph (or a proxy) received it and the connection broke before the answer.
 */
class ChangesSentOnceTest {

    private ServerSocket server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private GraphGateway gateway;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "dropping-server");
        acceptor.setDaemon(true);
        acceptor.start();
        gateway = GraphGateway.open(ServiceRoot.parse("http://127.0.0.1:" + server.getLocalPort() + "/v1.0"),
                TokenSource.fixed("token"), new CallLog());
    }

    @AfterEach
    void stop() throws IOException {
        gateway.close();
        server.close();
    }

    @Test
    void aChangeOnAConnectionThatBreaksIsSentOnceAndReportedAsUncertain() {
        // a read first, so the change goes out on a pooled connection: the case OkHttp would silently retry
        gateway.client(PermissionSet.USER_RECOVERY).users().byUserId("megan").get();

        assertThatThrownBy(() -> gateway.writer().revokeSignInSessions("megan"))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("the change may or may not have been applied")
                            .contains("Check user 'megan' before retrying");
                });
        assertThat(received).containsExactly("GET /v1.0/users/megan", "POST /v1.0/users/megan/revokeSignInSessions");
    }

    @Test
    void aReadOnAConnectionThatBreaksIsStillRetriedByOkHttp() {
        gateway.client(PermissionSet.USER_RECOVERY).users().byUserId("megan").get();

        assertThatThrownBy(() -> gateway.client(PermissionSet.USER_RECOVERY).users().byUserId("drop").get())
                .isNotNull();
        assertThat(received).filteredOn(line -> line.equals("GET /v1.0/users/drop")).hasSizeGreaterThan(1);
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> answer(socket), "dropping-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Answers reads of users other than "drop" on a kept-alive connection; drops everything else. */
    private void answer(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
                String target = requestLine[1].split("\\?")[0];
                received.add(requestLine[0] + " " + target);
                in.readNBytes(contentLength(head));
                if (!requestLine[0].equals("GET") || target.endsWith("/drop")) {
                    return;
                }
                byte[] body = "{\"id\":\"megan\"}".getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException gone) {
            // the client went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return 0;
    }
}
