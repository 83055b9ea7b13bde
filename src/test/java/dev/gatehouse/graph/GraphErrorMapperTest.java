package dev.gatehouse.graph;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Graph error bodies are deserialised into real ODataError objects exactly as Kiota does. */
class GraphErrorMapperTest {

    private static final Clock TEN_AM = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final ServiceRoot ROOT = ServiceRoot.parse("https://graph.microsoft.com/v1.0");

    private Optional<Set<String>> granted = Optional.empty();
    private final GraphErrorMapper mapper = new GraphErrorMapper(ROOT, () -> granted, TEN_AM);

    @Test
    void theBodyBecomesARealODataError() {
        ApiException error = graphError(404, "Request_ResourceNotFound", "Resource 'x' does not exist.", null);

        assertThat(error).isInstanceOf(ODataError.class);
        assertThat(((ODataError) error).getError().getCode()).isEqualTo("Request_ResourceNotFound");
        assertThat(error.getResponseStatusCode()).isEqualTo(404);
    }

    @Test
    void unauthorisedMeansSignInAgain() {
        TenantException e = mapper.map(graphError(401, "InvalidAuthenticationToken", "Access token has expired.", null),
                GraphOperation.LIST_USERS, null);

        assertThat(e.kind()).isEqualTo(Kind.NOT_SIGNED_IN);
        assertThat(e.getMessage()).contains("Sign in again").contains("Access token has expired.");
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.graphCode()).isEqualTo("InvalidAuthenticationToken");
    }

    @Test
    void forbiddenNamesTheRolesAndThePermissionWhenTheTokensScopesAreUnknown() {
        TenantException e = mapper.map(graphError(403, "accessDenied", "Request Authorization failed", "rid-1"),
                GraphOperation.LIST_METHODS, "user 'ada@contoso.com'");

        assertThat(e.kind()).isEqualTo(Kind.MISSING_ROLE);
        assertThat(e.getMessage())
                .contains("list the user's authentication methods")
                .contains("Authentication Administrator, Privileged Authentication Administrator or Global Reader")
                .contains("UserAuthenticationMethod.Read.All")
                .contains("Request Authorization failed");
        assertThat(e.requestId()).isEqualTo("rid-1");
    }

    @Test
    void forbiddenIsAMissingPermissionWhenTheTokenLacksIt() {
        granted = Optional.of(Set.of("User.Read", "User.Read.All"));

        TenantException e = mapper.map(graphError(403, "accessDenied", "Request Authorization failed", null),
                GraphOperation.LIST_METHODS, null);

        assertThat(e.kind()).isEqualTo(Kind.MISSING_PERMISSION);
        assertThat(e.getMessage()).contains("delegated permission UserAuthenticationMethod.Read.All")
                .contains("the current token carries: ").contains("User.Read.All");
    }

    @Test
    void forbiddenWithThePermissionGrantedIsAMissingRole() {
        granted = Optional.of(Set.of("UserAuthenticationMethod.ReadWrite.All"));

        TenantException e = mapper.map(graphError(403, "accessDenied", "Request Authorization failed", null),
                GraphOperation.LIST_METHODS, null);

        assertThat(e.kind()).isEqualTo(Kind.MISSING_ROLE);
        assertThat(e.getMessage()).doesNotContain("the app needs");
    }

    @Test
    void forbiddenOnACallNoRoleUnlocksIsAMissingPermission() {
        TenantException e = mapper.map(graphError(403, "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.", null), GraphOperation.LIST_USERS, null);

        assertThat(e.kind()).isEqualTo(Kind.MISSING_PERMISSION);
        assertThat(e.getMessage()).contains("User.Read.All");
    }

    @Test
    void forbiddenRoleAssignableGroupsNameUserReadAllNotGroupMemberReadAll() {
        granted = Optional.of(Set.of("User.Read", "GroupMember.Read.All"));

        TenantException e = mapper.map(graphError(403, "Authorization_RequestDenied",
                        "Insufficient privileges to complete the operation.", null),
                GraphOperation.LIST_ROLE_ASSIGNABLE_GROUPS, "user 'ada@contoso.com'");

        assertThat(e.kind()).isEqualTo(Kind.MISSING_PERMISSION);
        assertThat(e.getMessage()).contains("needs the delegated permission User.Read.All,");
    }

    @Test
    void aNonPremiumTenantNeedsEntraIdP1() {
        TenantException e = mapper.map(graphError(403, GraphErrorMapper.NON_PREMIUM_CODE,
                "Neither tenant is B2C or tenant doesn't have premium license", null), GraphOperation.LIST_USERS, null);

        assertThat(e.kind()).isEqualTo(Kind.MISSING_LICENCE);
        assertThat(e.getMessage()).contains("needs Microsoft Entra ID P1");
        assertThat(e.graphCode()).isEqualTo(GraphErrorMapper.NON_PREMIUM_CODE);
    }

    @Test
    void notLicensedTextIsALicenceErrorToo() {
        TenantException e = mapper.map(graphError(403, "AccessDenied", "Your tenant is not licensed for this feature.",
                null), GraphOperation.READ_USER, null);

        assertThat(e.kind()).isEqualTo(Kind.MISSING_LICENCE);
    }

    @Test
    void notFoundSaysWhatWasLookedFor() {
        TenantException e = mapper.map(graphError(404, "Request_ResourceNotFound",
                "Resource 'nobody@contoso.com' does not exist.", null), GraphOperation.LIST_METHODS, "user 'nobody@contoso.com'");

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.getMessage()).startsWith("User 'nobody@contoso.com' was not found in the tenant.");
    }

    @Test
    void badRequestPassesGraphsMessageOn() {
        TenantException e = mapper.map(graphError(400, "Request_UnsupportedQuery",
                "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
                null), GraphOperation.SEARCH_USERS, null);

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("ConsistencyLevel: eventual").contains("Request_UnsupportedQuery");
    }

    @Test
    void throttlingSaysWhenToTryAgain() {
        TenantException e = mapper.map(graphError(429, "TooManyRequests", "Too many requests", null, "20"),
                GraphOperation.LIST_METHODS, null);

        assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(e.getMessage()).contains("Try again in 20 seconds (after 10:00:20)");
        assertThat(e.retryAfter()).as("kept for callers that pace their own requests")
                .contains(java.time.Duration.ofSeconds(20));
    }

    @Test
    void serviceUnavailableIsUnavailable() {
        TenantException e = mapper.map(graphError(503, "serviceNotAvailable", "Service unavailable", null),
                GraphOperation.LIST_USERS, null);

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("Try again in a few minutes");
        assertThat(e.retryAfter()).as("Graph did not say").isEmpty();
    }

    @Test
    void anUnconfirmedChangeIsNeitherCalledFailedNorRetriedBlindly() {
        TenantException e = mapper.map(graphError(503, "serviceNotAvailable", "Service unavailable", null, "20"),
                GraphOperation.ISSUE_TEMPORARY_ACCESS_PASS, "user 'ada@contoso.com'");

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("the change may or may not have been applied")
                .contains("Check user 'ada@contoso.com' before retrying")
                .contains("If it was not, try again in 20 seconds (after 10:00:20).");
    }

    @Test
    void aChangeWhoseConnectionFailedMayHaveBeenAppliedButOneNeverConnectedWasNot() {
        TenantException timedOut = mapper.map(new RuntimeException(new SocketTimeoutException("timeout")),
                GraphOperation.ISSUE_TEMPORARY_ACCESS_PASS, "user 'ada@contoso.com'");
        TenantException refused = mapper.map(new RuntimeException(new ConnectException("Connection refused")),
                GraphOperation.ISSUE_TEMPORARY_ACCESS_PASS, "user 'ada@contoso.com'");

        assertThat(timedOut.getMessage()).contains("The connection to graph.microsoft.com failed")
                .contains("may or may not have been applied").contains("Check user 'ada@contoso.com'");
        assertThat(refused.getMessage()).startsWith("Cannot connect to").doesNotContain("may or may not");
    }

    @Test
    void theRequestIdFallsBackToTheInnerError() {
        String body = "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"gone\","
                + "\"innerError\":{\"date\":\"2026-11-22T10:00:00\",\"request-id\":\"inner-rid\",\"client-request-id\":\"c\"}}}";
        TenantException e = mapper.map(ErrorResponses.from(response(404, body, null, null)), GraphOperation.READ_USER, null);

        assertThat(e.requestId()).isEqualTo("inner-rid");
    }

    @Test
    void networkFailuresNameTheEndpoint() {
        TenantException unknownHost = mapper.map(new RuntimeException(new UnknownHostException("graph.microsoft.com")),
                GraphOperation.LIST_USERS, null);
        TenantException refused = mapper.map(new RuntimeException(new ConnectException("Connection refused")),
                GraphOperation.LIST_USERS, null);

        assertThat(unknownHost.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(unknownHost.getMessage()).contains("Cannot reach graph.microsoft.com");
        assertThat(refused.getMessage()).contains("Cannot connect to https://graph.microsoft.com/v1.0");
        assertThat(refused.httpStatus()).isZero();
    }

    @Test
    void aCancelledCallIsCancelled() {
        TenantException e = mapper.map(new RuntimeException(new IOException("Canceled")), GraphOperation.LIST_USERS, null);

        assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
    }

    @Test
    void tenantExceptionsPassThroughUnchanged() {
        TenantException original = new TenantException(Kind.NOT_SIGNED_IN, "no token");

        assertThat(mapper.map(original, GraphOperation.LIST_USERS, null)).isSameAs(original);
    }

    private static ApiException graphError(int status, String code, String message, String requestId) {
        return graphError(status, code, message, requestId, null);
    }

    private static ApiException graphError(int status, String code, String message, String requestId, String retryAfter) {
        String body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}}";
        return ErrorResponses.from(response(status, body, requestId, retryAfter));
    }

    private static Response response(int status, String body, String requestId, String retryAfter) {
        Response.Builder builder = new Response.Builder()
                .request(new Request.Builder().url("https://graph.microsoft.com/v1.0/users").build())
                .protocol(Protocol.HTTP_1_1).code(status).message("status " + status)
                .body(ResponseBody.create(body, MediaType.get("application/json")));
        if (requestId != null) {
            builder.header("request-id", requestId);
        }
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.build();
    }
}
