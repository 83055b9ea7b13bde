package dev.gatehouse.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

import java.io.IOException;
import java.io.InputStream;

/**
 * Lets through only answers the SDK can read as Graph's: a JSON object, or no body at all. Everything else becomes an
 * {@link UnusableAnswer} carrying the HTTP status, instead of Kiota's "Content type text/html does not have a factory"
 * or a JSON parser's complaint, and without ever quoting the body.
 * <p>
 * It also bounds what is read: Kiota parses a whole body into a tree in memory, so a 466 MB answer took the CLI to
 * 1.7 GB. A body is read into memory here up to {@link #limitBytes()} and no further; a declared length over the
 * limit is refused before reading. It is the first application interceptor, so it sees the answer after Kiota's
 * retries and redirects (a 503 page from a proxy is still retried) and after OkHttp has decompressed it (a small
 * gzip bomb is measured by what it inflates to).
 */
final class AnswerCheck implements Interceptor {

    /**
     * 16 MB: the largest answers Gatehouse asks for (a page of 999 users, 1,000 audit-log entries, a $batch of 20)
     * are a few megabytes.
     */
    static final long DEFAULT_LIMIT_BYTES = 16L * 1024 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private final long limitBytes;

    AnswerCheck(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    long limitBytes() {
        return limitBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        ResponseBody body = response.body();
        if (body == null || "HEAD".equals(request.method()) || response.code() == 204 || response.code() == 304) {
            return response;
        }
        try {
            MediaType type = body.contentType();
            if (body.contentLength() > limitBytes) {
                throw new UnusableAnswer(response.code(), UnusableAnswer.Problem.TOO_LARGE, name(type));
            }
            BufferedSource source = body.source();
            if (!source.request(1)) {
                return response; // no body: a 202, or an error without one
            }
            if (!isJson(type)) {
                // refused on its first byte: an HTML page is never read to its end
                throw new UnusableAnswer(response.code(), UnusableAnswer.Problem.NOT_JSON, name(type));
            }
            if (source.request(limitBytes + 1)) {
                throw new UnusableAnswer(response.code(), UnusableAnswer.Problem.TOO_LARGE, name(type));
            }
            Buffer whole = source.getBuffer().clone();
            body.close();
            if (!isOneJsonObject(whole.clone().inputStream())) {
                throw new UnusableAnswer(response.code(), UnusableAnswer.Problem.MALFORMED_JSON, name(type));
            }
            return response.newBuilder().body(ResponseBody.create(whole, type, whole.size())).build();
        } catch (IOException e) {
            response.close();
            throw e;
        }
    }

    static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.subtype())
                || type.subtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }

    /** One JSON object and nothing after it, checked token by token without building a tree. */
    private static boolean isOneJsonObject(InputStream in) {
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException malformed) {
            return false;
        }
    }

    /** "text/html", from OkHttp's parse (token characters only), never the raw header. */
    private static String name(MediaType type) {
        return type == null ? null : type.type() + "/" + type.subtype();
    }
}
