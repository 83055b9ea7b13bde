package dev.gatehouse.domain.tenant;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant call failed. {@link #getMessage()} is written for an administrator: what went wrong and what
 * to do about it. The Graph code, HTTP status and request id are kept for the Activity view and support.
 */
public class TenantException extends RuntimeException {

    public enum Kind {
        /** No token, or the token was rejected: sign in again. */
        NOT_SIGNED_IN,
        /** The app registration lacks a delegated permission (or consent). */
        MISSING_PERMISSION,
        /** The signed-in admin lacks an Entra role for this target. */
        MISSING_ROLE,
        /** The tenant lacks a licence (e.g. Entra ID P1) for the feature. */
        MISSING_LICENCE,
        NOT_FOUND,
        /** The request broke a Graph rule (bad value, conflicting state). */
        REJECTED,
        /** Throttled and still throttled after the retries. */
        THROTTLED,
        /** Graph or the network is unavailable. */
        UNAVAILABLE,
        CANCELLED,
        UNEXPECTED
    }

    private final Kind kind;
    private final int httpStatus;
    private final String graphCode;
    private final String requestId;
    private final Duration retryAfter;

    public TenantException(Kind kind, String message, int httpStatus, String graphCode, String requestId,
                           Throwable cause) {
        this(kind, message, httpStatus, graphCode, requestId, cause, null);
    }

    /** @param retryAfter how long Graph asked to wait before trying again ({@code Retry-After}); null when it did not say */
    public TenantException(Kind kind, String message, int httpStatus, String graphCode, String requestId,
                           Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpStatus = httpStatus;
        this.graphCode = graphCode;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    public TenantException(Kind kind, String message) {
        this(kind, message, 0, null, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether a read that fails this way ends the whole operation (the connection, the sign-in or the admin's patience
     * is gone) rather than leaving one part unknown (no role, no permission, no licence).
     */
    public boolean endsEverything() {
        return kind == Kind.CANCELLED || kind == Kind.NOT_SIGNED_IN || kind == Kind.UNAVAILABLE;
    }

    /** 0 when no HTTP response was received. */
    public int httpStatus() {
        return httpStatus;
    }

    public String graphCode() {
        return graphCode;
    }

    public String requestId() {
        return requestId;
    }

    /**
     * How long Graph asked to wait before the request is sent again ({@code Retry-After} of a 429 or 503); empty
     * when it did not say. A caller pacing many requests waits this long before retrying a throttled one.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
