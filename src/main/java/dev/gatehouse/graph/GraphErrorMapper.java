package dev.gatehouse.graph;

import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.ResponseHeaders;
import dev.gatehouse.domain.tenant.RequiredAccess;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns whatever the SDK throws (ODataError, ApiException, wrapped IOExceptions) into a {@link TenantException}
 * whose message tells an administrator what happened and what to do, keeping Graph's code, HTTP status and
 * request id for support.
 */
final class GraphErrorMapper {

    static final String NON_PREMIUM_CODE = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";
    /**
     * What PIM's APIs answer a tenant without Entra ID P2: not in Microsoft's Graph documentation, but the code (with
     * 400 and "The tenant needs an AAD Premium 2 license.") that Microsoft365DSC and other public tools test for.
     */
    static final String PIM_LICENCE_CODE = "AadPremiumLicenseRequired";
    private static final Pattern LICENCE_TEXT = Pattern.compile(
            "not licensed|premium licen|Entra ID P[12]|Azure AD Premium|AAD Premium", Pattern.CASE_INSENSITIVE);
    private static final String DEFAULT_LICENCE = "Microsoft Entra ID P1";
    /** Entra's "who can act on whom" (graph-facts §2), for a refusal that may come from the target, not the role. */
    static final String PRIVILEGED_TARGETS = "These roles reach only some users: when the user is an "
            + "administrator, or a member or owner of a role-assignable group, it takes Privileged Authentication "
            + "Administrator or Global Administrator. ";
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final ServiceRoot root;
    private final Supplier<Optional<Set<String>>> grantedScopes;
    private final Clock clock;
    private final EndpointFailures endpointFailures;

    GraphErrorMapper(ServiceRoot root, Supplier<Optional<Set<String>>> grantedScopes, Clock clock) {
        this(root, grantedScopes, clock, NetworkDeadlines.DEFAULT);
    }

    /** @param deadlines the gateway's, named in the messages for a deadline that passed */
    GraphErrorMapper(ServiceRoot root, Supplier<Optional<Set<String>>> grantedScopes, Clock clock,
                     NetworkDeadlines deadlines) {
        this.root = root;
        this.grantedScopes = grantedScopes;
        this.clock = clock;
        this.endpointFailures = new EndpointFailures(root, deadlines);
    }

    /**
     * @param subject what the call was about, for "not found" messages (e.g. "user 'ada@contoso.com'"); may be null
     */
    TenantException map(Throwable error, GraphOperation operation, String subject) {
        Throwable t = unwrap(error);
        if (t instanceof TenantException te) {
            return te;
        }
        if (t instanceof ApiException api && api.getResponseStatusCode() > 0) {
            return fromResponse(api, operation, subject);
        }
        IOException io = ioCause(t);
        if (io != null) {
            return fromNetwork(io, operation, subject);
        }
        return new TenantException(Kind.UNEXPECTED, "Could not " + operation.action() + ": " + describe(t),
                0, null, null, t);
    }

    private TenantException fromResponse(ApiException api, GraphOperation operation, String subject) {
        int status = api.getResponseStatusCode();
        MainError main = api instanceof ODataError odata ? odata.getError() : null;
        String code = main == null ? null : main.getCode();
        String graphMessage = main == null ? null : main.getMessage();
        String requestId = requestId(api.getResponseHeaders(), main);
        String said = graphSaid(status, code, graphMessage);
        RequiredAccess access = operation.access();

        Kind kind;
        String message;
        if (isLicenceError(code, graphMessage)) {
            kind = Kind.MISSING_LICENCE;
            String licence = access.licence() == null ? DEFAULT_LICENCE : access.licence();
            message = "Cannot " + operation.action() + ": this needs " + licence + " (or higher), and the tenant "
                    + "does not have it. " + said;
        } else if (status == 401) {
            kind = Kind.NOT_SIGNED_IN;
            message = "Microsoft Graph did not accept the sign-in token. Sign in again (or provide a fresh access "
                    + "token). " + said;
        } else if (status == 403) {
            return forbidden(operation, said, status, code, requestId, api);
        } else if (status == 404) {
            kind = Kind.NOT_FOUND;
            message = (subject == null ? "What Gatehouse asked for" : capitalise(subject))
                    + " was not found in the tenant. " + said;
        } else if (status == 429) {
            kind = Kind.THROTTLED;
            message = "Microsoft Graph is throttling requests to " + operation.action() + ". Gatehouse waits and "
                    + "retries automatically, but Graph still refused. " + retryHint(api.getResponseHeaders()) + " "
                    + said;
        } else if (status == 500 || status == 502 || status == 503 || status == 504) {
            kind = Kind.UNAVAILABLE;
            message = operation.changesTenant()
                    ? mayHaveChanged("Microsoft Graph failed (HTTP " + status + ")", operation, subject)
                    + " If it was not, try again " + retryWhen(api.getResponseHeaders()) + ". " + said
                    : "Microsoft Graph is unavailable right now and could not " + operation.action() + ". "
                    + retryHint(api.getResponseHeaders()) + " " + said;
        } else if (status >= 400 && status < 500) {
            kind = Kind.REJECTED;
            message = "Graph rejected the request to " + operation.action() + ": "
                    + (graphMessage == null ? "HTTP " + status : graphMessage)
                    + (code == null ? "" : " (" + code + ")");
        } else {
            kind = Kind.UNEXPECTED;
            message = "Unexpected answer when trying to " + operation.action() + ". " + said;
        }
        Duration retryAfter = kind == Kind.THROTTLED || kind == Kind.UNAVAILABLE
                ? retryAfterSeconds(api.getResponseHeaders()).map(Duration::ofSeconds).orElse(null) : null;
        return new TenantException(kind, message.strip(), status, code, requestId, api, retryAfter);
    }

    private TenantException forbidden(GraphOperation operation, String said, int status, String code,
                                       String requestId, ApiException api) {
        RequiredAccess access = operation.access();
        Optional<Set<String>> granted = grantedScopes.get();
        boolean permissionMissing = access.roles().isEmpty()
                || granted.map(scopes -> !covers(scopes, access.permission())).orElse(false);
        String message;
        if (permissionMissing) {
            message = "Graph refused to " + operation.action() + ": the app needs the delegated permission "
                    + access.permission() + ", consented by an administrator"
                    + granted.map(s -> " (the current token carries: " + (s.isEmpty() ? "none" : String.join(", ", s))
                    + ")").orElse("")
                    + ". Grant it to the app registration, then sign in again. " + said;
            return new TenantException(Kind.MISSING_PERMISSION, message.strip(), status, code, requestId, api);
        }
        message = "Graph refused to " + operation.action() + ": the signed-in account needs one of these Entra "
                + "roles: " + access.rolesSentence()
                + (granted.isPresent() ? "" : ", and the app needs the delegated permission " + access.permission())
                + ". " + (operation.reachDependsOnTarget() ? PRIVILEGED_TARGETS : "") + said;
        return new TenantException(Kind.MISSING_ROLE, message.strip(), status, code, requestId, api);
    }

    private TenantException fromNetwork(IOException io, GraphOperation operation, String subject) {
        String host = root.host();
        if (isCancellation(io)) {
            return new TenantException(Kind.CANCELLED, "Cancelled: did not " + operation.action() + ".", 0, null, null, io);
        }
        Optional<TenantException> endpoint = endpointFailures.explain(io, operation, subject);
        if (endpoint.isPresent()) {
            return endpoint.get();
        }
        String message;
        if (io instanceof UnknownHostException) {
            message = "Cannot reach " + host + ": the name does not resolve. Check the Graph endpoint, your network "
                    + "and proxy settings.";
        } else if (io instanceof ConnectException || io instanceof NoRouteToHostException) {
            message = "Cannot connect to " + root + " (" + io.getMessage() + "). Check that the endpoint is right "
                    + "and reachable from this machine.";
        } else if (io instanceof SSLException) {
            message = "The secure connection to " + host + " failed (" + io.getMessage() + "). A proxy that "
                    + "intercepts TLS, or a wrong endpoint, usually causes this.";
        } else if (operation.changesTenant()) {
            // connected and possibly sent: a timeout or a broken connection says nothing about the outcome
            message = mayHaveChanged("The connection to " + host + " failed (" + describe(io) + ")", operation, subject);
        } else if (io instanceof SocketTimeoutException || io instanceof InterruptedIOException) {
            message = host + " did not answer in time, so Gatehouse could not " + operation.action()
                    + ". Try again; if it keeps happening, check the network.";
        } else {
            message = "Network error talking to " + host + " (" + describe(io) + "); could not "
                    + operation.action() + ".";
        }
        return new TenantException(Kind.UNAVAILABLE, message, 0, null, null, io);
    }

    /** OkHttp reports a cancelled call as IOException "Canceled", Okio an interrupted thread as "interrupted". */
    static boolean isCancellation(IOException io) {
        String message = io.getMessage() == null ? "" : io.getMessage();
        return message.equalsIgnoreCase("Canceled")
                || (io.getClass() == InterruptedIOException.class && message.equalsIgnoreCase("interrupted"));
    }

    private static boolean isLicenceError(String code, String message) {
        return NON_PREMIUM_CODE.equalsIgnoreCase(code) || PIM_LICENCE_CODE.equalsIgnoreCase(code) || (message != null && LICENCE_TEXT.matcher(message).find());
    }

    /** A granted ReadWrite permission includes the Read one. */
    private static boolean covers(Set<String> granted, String permission) {
        String readWrite = permission.replace(".Read.", ".ReadWrite.");
        return granted.stream().anyMatch(g -> g.equalsIgnoreCase(permission) || g.equalsIgnoreCase(readWrite));
    }

    /**
     * For a change Graph neither confirmed nor refused. Gatehouse never resends such a request by itself (see
     * {@link RetryPolicy#resendsAutomatically}): a second TAP or password reset must be the admin's decision.
     */
    static String mayHaveChanged(String failure, GraphOperation operation, String subject) {
        return failure + " while Gatehouse tried to " + operation.action() + ": the change may or may not have been "
                + "applied. Check " + (subject == null ? "the tenant" : subject) + " before retrying; Gatehouse did not "
                + "send it again.";
    }

    private String retryHint(ResponseHeaders headers) {
        return "Try again " + retryWhen(headers) + ".";
    }

    /** "in 20 seconds (after 10:00:20)" from Retry-After, else "in a few minutes". */
    private String retryWhen(ResponseHeaders headers) {
        Optional<Long> seconds = retryAfterSeconds(headers);
        if (seconds.isEmpty()) {
            return "in a few minutes";
        }
        Instant at = clock.instant().plusSeconds(seconds.get());
        return "in " + seconds.get() + (seconds.get() == 1 ? " second" : " seconds") + " (after "
                + CLOCK_TIME.format(at.atZone(clock.getZone())) + ")";
    }

    static Optional<Long> retryAfterSeconds(ResponseHeaders headers) {
        return RetryPolicy.retryAfterSeconds(first(headers, "Retry-After"));
    }

    private static String requestId(ResponseHeaders headers, MainError main) {
        String fromHeader = first(headers, "request-id");
        if (fromHeader != null) {
            return fromHeader;
        }
        return main == null || main.getInnerError() == null ? null : main.getInnerError().getRequestId();
    }

    static String first(ResponseHeaders headers, String name) {
        if (headers == null) {
            return null;
        }
        Set<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    private static String graphSaid(int status, String code, String message) {
        StringBuilder s = new StringBuilder("(Graph: HTTP ").append(status);
        if (code != null && !code.isBlank()) {
            s.append(' ').append(code);
        }
        if (message != null && !message.isBlank()) {
            s.append(": ").append(message.strip());
        }
        return s.append(')').toString();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof ExecutionException || current instanceof CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** Kiota wraps IOExceptions in plain RuntimeExceptions. */
    private static IOException ioCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
