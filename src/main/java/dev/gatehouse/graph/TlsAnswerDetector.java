package dev.gatehouse.graph;

import javax.net.SocketFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Sockets for a plain-http service root that notice a server answering in TLS: {@code http://} sent to an https
 * port. A TLS server answers a plain request with a TLS record (0x15 alert, 0x16 handshake), and neither byte can
 * start an HTTP answer. Without this, OkHttp reports "Unexpected status line" followed by those raw bytes, which must
 * never reach a terminal. Only the first byte of each connection is looked at.
 * <p>
 * Only for http roots, which Gatehouse accepts for loopback hosts alone. The reverse check (an 'H' where TLS was
 * expected) cannot be done on the socket: through an HTTP proxy, the first answer on an https connection is the
 * proxy's "HTTP/1.1 200" to CONNECT. {@link EndpointFailures} tells that case from the TLS handshake's failure.
 */
final class TlsAnswerDetector extends SocketFactory {

    private static final int TLS_ALERT = 0x15;
    private static final int TLS_HANDSHAKE = 0x16;

    /** The server speaks TLS on this port. */
    static final class AnsweredInTls extends IOException {
        AnsweredInTls() {
            super("The server answered a plain http request in TLS");
        }
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            private InputStream checked;

            @Override
            public synchronized InputStream getInputStream() throws IOException {
                if (checked == null) {
                    checked = new FirstByteCheck(super.getInputStream());
                }
                return checked;
            }
        };
    }

    // OkHttp only calls createSocket() and connects the socket itself; these complete the factory
    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = createSocket();
        socket.connect(address);
        return socket;
    }

    /** Looks at the first byte the server sends on the connection, and only at that one. */
    private static final class FirstByteCheck extends FilterInputStream {
        private boolean checked;

        FirstByteCheck(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                check(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                check(buffer[offset] & 0xff);
            }
            return n;
        }

        private void check(int first) throws IOException {
            if (checked) {
                return;
            }
            checked = true;
            if (first == TLS_ALERT || first == TLS_HANDSHAKE) {
                throw new AnsweredInTls();
            }
        }
    }
}
