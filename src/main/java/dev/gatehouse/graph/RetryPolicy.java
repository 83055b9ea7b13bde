package dev.gatehouse.graph;

import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import okhttp3.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How patiently the gateway retries 429/503/504. Graph's {@code Retry-After} is honoured (Kiota's RetryHandler
 * sleeps for it), but only while it stays within {@code longestWait}: a longer wait would freeze the screen,
 * so the call fails at once with a message saying when to try again.
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

    RetryHandlerOption handlerOption() {
        return new RetryHandlerOption((delay, attempt, request, response) -> acceptsWait(response),
                maxRetries, FALLBACK_DELAY_SECONDS);
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
