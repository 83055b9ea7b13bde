package dev.gatehouse.graph;

import com.microsoft.graph.models.LongRunningOperation;
import com.microsoft.graph.models.LongRunningOperationStatus;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ResponseHeaders;
import com.microsoft.kiota.http.middleware.options.HeadersInspectionOption;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;
import dev.gatehouse.domain.tenant.TenantWriter.PasswordReset;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Follows the long-running operation a password reset answers with (authenticationmethod-resetpassword: 202 with
 * a {@code Location} of {@code /users/{id}/authentication/operations/{id}} and an optional {@code Retry-After}) until
 * it is {@code succeeded} or {@code failed}, the terminal states of longrunningoperation-get. Waits honour
 * {@code Retry-After}; a cancelled call ends a wait at once.
 */
final class PasswordResetFollower {

    /** Wait before the next look when Graph names none. */
    static final long DEFAULT_WAIT_SECONDS = 2;
    /** How long Gatehouse keeps looking before it tells the admin to check later. */
    static final Duration PATIENCE = Duration.ofMinutes(2);

    private final GraphGateway gateway;

    PasswordResetFollower(GraphGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Follows an accepted reset. Only an operation Graph reports as failed is thrown: once the reset was accepted,
     * Entra may apply it whatever happens here, so a stop, a timeout or a failed look is an unconfirmed reset whose
     * password the admin must still be given.
     *
     * @param accepted the headers of the 202 that accepted the reset
     */
    PasswordReset follow(GraphServiceClient client, String userKey, String subject, ResponseHeaders accepted) {
        String location = GraphErrorMapper.first(accepted, "Location");
        if (location == null) {
            return unconfirmed(subject, "Graph did not say where to follow it.");
        }
        try {
            gateway.call(GraphOperation.READ_PASSWORD_RESET_STATUS, subject,
                    () -> poll(client, userKey, location, waitSeconds(accepted)));
            return PasswordReset.confirmed();
        } catch (TenantException e) {
            if (e.kind() == Kind.REJECTED && e.httpStatus() == 0) {
                throw e;
            }
            return unconfirmed(subject, e.getMessage());
        }
    }

    private static PasswordReset unconfirmed(String subject, String why) {
        return new PasswordReset(Optional.of("Graph accepted the password reset of " + subject + ", but Gatehouse "
                + "could not confirm that it finished: " + why + " The password below is the one that was sent; "
                + "check the user's last password change before resetting again."));
    }

    private Void poll(GraphServiceClient client, String userKey, String location, long firstWait) {
        var operation = client.users().byUserId(userKey).authentication().operations()
                .byLongRunningOperationId("-").withUrl(location);
        long waited = 0;
        long wait = firstWait;
        while (true) {
            pause(wait);
            waited += wait;
            HeadersInspectionOption headers = new HeadersInspectionOption(false, true);
            LongRunningOperation state = operation.get(c -> c.options.add(headers));
            LongRunningOperationStatus status = state == null ? null : state.getStatus();
            if (status == LongRunningOperationStatus.Succeeded) {
                return null;
            }
            if (status == LongRunningOperationStatus.Failed) {
                String detail = state.getStatusDetail();
                throw new TenantException(Kind.REJECTED, "The password reset failed in Microsoft Entra"
                        + (detail == null || detail.isBlank() ? "." : ": " + detail.strip())
                        + " The password was not changed.");
            }
            wait = waitSeconds(headers.getResponseHeaders());
            if (waited + wait > PATIENCE.toSeconds()) {
                throw new TenantException(Kind.UNAVAILABLE, "The password reset was still "
                        + (status == null ? "unreported" : status.getValue()) + " after " + waited + " seconds.");
            }
        }
    }

    private static void pause(long seconds) {
        if (seconds <= 0) {
            return;
        }
        try {
            TimeUnit.SECONDS.sleep(seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CancellableCalls.cancelled(GraphOperation.READ_PASSWORD_RESET_STATUS.action());
        }
    }

    private static long waitSeconds(ResponseHeaders headers) {
        return RetryPolicy.retryAfterSeconds(GraphErrorMapper.first(headers, "Retry-After")).orElse(DEFAULT_WAIT_SECONDS);
    }
}
