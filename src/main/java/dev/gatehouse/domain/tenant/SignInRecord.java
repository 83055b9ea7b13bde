package dev.gatehouse.domain.tenant;

import java.time.Instant;

/**
 * One entry of the sign-in log ({@code GET /auditLogs/signIns}).
 *
 * @param errorCode     {@code status.errorCode}: 0 is a successful sign-in
 * @param failureReason {@code status.failureReason}; may be null
 */
public record SignInRecord(Instant when, String appDisplayName, String ipAddress, int errorCode, String failureReason) {

    public boolean succeeded() {
        return errorCode == 0;
    }
}
