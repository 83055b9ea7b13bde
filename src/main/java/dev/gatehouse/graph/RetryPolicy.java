package dev.gatehouse.graph;

import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import okhttp3.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which failed requests the gateway sends again by itself, and how patiently. Graph's {@code Retry-After} is
 * honoured (Kiota's RetryHandler sleeps for it), but only while it stays within {@code longestWait}: a longer wait
 * would freeze the screen, so the call fails at once with a message saying when to try again.
 * <p>
 * What is resent is decided by {@link #resendsAutomatically}: Kiota alone would resend a POST, PUT or PATCH on
 * 503/504 too, and a 503 answering "issue a Temporary Access Pass" or "reset the password" may come after Graph
 * carried it out; resending would issue a second pass, or replace the password the admin was just shown.
 *
 * @param maxRetries   retries after the first attempt, 0..10 (Kiota's limit)
 * @param longestWait  the longest single wait the gateway accepts
 */
public record RetryPolicy(int maxRetries, Duration longestWait) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(30));

    /** Delay Kiota uses when a throttled response carries no Retry-After (it backs off exponentially from it). */
    private static final long FALLBACK_DELAY_SECONDS = 2;

    public RetryPolicy {
        if (maxRetries < 0 || maxRetries > RetryHandlerOption.MAX_RETRIES) {
            throw new IllegalArgumentException("maxRetries must be 0.." + RetryHandlerOption.MAX_RETRIES);
        }
        if (longestWait.isNegative()) {
            throw new IllegalArgumentException("longestWait must not be negative");
        }
    }

    /**
     * Whether a request that failed with {@code status} may be sent again without asking anyone. A 429 always:
     * Graph throttled the request instead of processing it. A 503 or 504 only for a read (GET, HEAD): the service
     * may have applied a change before failing. DELETE is idempotent, but it is not resent either: a delete Graph
     * had carried out answers 404 the second time, which would report a removed method as "not found" and hide
     * that the first attempt worked; the admin is told to check instead.
     */
    static boolean resendsAutomatically(String method, int status) {
        return status == 429 || ((status == 503 || status == 504) && isRead(method));
    }

    static boolean isRead(String method) {
        return "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method);
    }

    /** For the gateway's OkHttp client: every request, judged by its own method. */
    RetryHandlerOption handlerOption() {
        return option(false);
    }

    /** For one {@code POST /$batch} whose inner requests are all reads: resending it changes nothing either. */
    RetryHandlerOption readOnlyBatchOption() {
        return option(true);
    }

    private RetryHandlerOption option(boolean readOnlyBatch) {
        return new RetryHandlerOption((delay, attempt, request, response) ->
                resendsAutomatically(readOnlyBatch ? "GET" : request.method(), response.code()) && acceptsWait(response)
                        && RequestDeadline.leavesRoomFor(request, longestSleepSeconds(response, attempt, delay)),
                maxRetries, FALLBACK_DELAY_SECONDS);
    }

    /**
     * The longest Kiota's RetryHandler sleeps before attempt {@code attempt + 1}: the Retry-After, else its
     * exponential back-off from {@code delay} (plus up to one second of jitter), at most its 180 s cap.
     */
    static double longestSleepSeconds(Response response, int attempt, long delay) {
        double sleep = retryAfterSeconds(response.header("Retry-After"))
                .map(Long::doubleValue)
                .orElseGet(() -> (attempt < 2 ? delay : (Math.pow(2, attempt) - 1) * 0.5 + delay) + 1);
        return Math.min(sleep, RetryHandlerOption.MAX_DELAY);
    }

    boolean acceptsWait(Response response) {
        return acceptsWait(retryAfterSeconds(response.header("Retry-After")).orElse(0L));
    }

    /** How long to wait before re-sending a throttled response's request. */
    long waitSeconds(Response response) {
        return retryAfterSeconds(response.header("Retry-After")).orElse(FALLBACK_DELAY_SECONDS);
    }

    boolean acceptsWait(long retryAfterSeconds) {
        return retryAfterSeconds <= longestWait.toSeconds();
    }

    /** Whole seconds from a Retry-After value (seconds or an HTTP date); empty when absent or unreadable. */
    static Optional<Long> retryAfterSeconds(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Math.max(0, (long) Math.ceil(Double.parseDouble(header.split(",")[0].strip()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(header.strip()));
                return Optional.of(Math.max(0, Duration.between(Instant.now(), at).toSeconds()));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
