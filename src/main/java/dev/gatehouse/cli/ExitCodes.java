package dev.gatehouse.cli;

import dev.gatehouse.domain.tenant.TenantException;

/** Exit codes, documented in the README's CLI reference. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int NOT_ALLOWED = 4;
    public static final int UNAVAILABLE = 5;
    /** The action has no Graph API (revoke MFA sessions): explained, nothing sent. */
    public static final int NO_API = 6;
    /**
     * Another run of the procedure holds its subject, here or in another process, or was left mid-run, or moved on
     * since the plan was shown: nothing sent.
     */
    public static final int BUSY = 7;
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }

    static int of(TenantException e) {
        return of(e.kind());
    }

    static int of(TenantException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> NOT_FOUND;
            case NOT_SIGNED_IN, MISSING_PERMISSION, MISSING_ROLE, MISSING_LICENCE -> NOT_ALLOWED;
            case THROTTLED, UNAVAILABLE -> UNAVAILABLE;
            case CANCELLED -> CANCELLED;
            case REJECTED, UNEXPECTED -> FAILED;
        };
    }
}
