package dev.gatehouse.graph;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

import java.io.IOException;

/**
 * Keeps OkHttp from sending a change twice on its own. With {@code retryOnConnectionFailure} (on by default, and
 * wanted for reads) OkHttp silently sends a request again when the connection breaks, including after the request
 * went out and before the answer came back: the classic case is a pooled keep-alive connection the server had
 * already closed. For a POST that issues a Temporary Access Pass or resets a password, Graph may have carried out
 * the first one. OkHttp never replays a request whose body is one-shot once it started sending it, while it still
 * retries when nothing was sent (a refused connection, a stale connection detected before writing). So every
 * request other than GET and HEAD is marked one-shot; a failure after sending reaches the gateway, which tells the
 * admin to check before trying again (see {@link RetryPolicy} for 503/504).
 * <p>
 * It must sit among the application interceptors, which run before OkHttp's retry-and-follow-up step.
 */
final class ChangesSentOnce implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (RetryPolicy.isRead(request.method())) {
            return chain.proceed(request);
        }
        RequestBody body = request.body() == null ? RequestBody.create(new byte[0], null) : request.body();
        return chain.proceed(request.newBuilder().method(request.method(), new OneShot(body)).build());
    }

    private static final class OneShot extends RequestBody {
        private final RequestBody body;

        OneShot(RequestBody body) {
            this.body = body;
        }

        @Override
        public MediaType contentType() {
            return body.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return body.contentLength();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            body.writeTo(sink);
        }

        @Override
        public boolean isOneShot() {
            return true;
        }
    }
}
