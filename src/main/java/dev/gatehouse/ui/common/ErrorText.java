package dev.gatehouse.ui.common;

import dev.gatehouse.domain.tenant.TenantException;

/** The sentence a view shows for a failed task. Tenant failures already carry an admin-readable message. */
public final class ErrorText {

    private ErrorText() {
    }

    public static String of(Throwable failure) {
        if (failure instanceof TenantException tenantFailure) {
            return withRequestId(tenantFailure.getMessage(), tenantFailure.requestId());
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "Something unexpected went wrong: " + detail;
    }

    private static String withRequestId(String message, String requestId) {
        return requestId == null || requestId.isBlank() ? message : message + " (request ID " + requestId + ")";
    }
}
