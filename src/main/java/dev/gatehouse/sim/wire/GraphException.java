package dev.gatehouse.sim.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure that Graph reports as {@code {"error":{"code","message","innerError"}}}. The factories carry
 * the status codes, codes and message texts Graph uses; where a text could not be confirmed against
 * Microsoft's documentation the factory says so in docs/demo-tenant.md. Messages never contain secrets.
 */
public final class GraphException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public GraphException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public GraphException(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(new LinkedHashMap<>(headers));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** 404 for a directory object (user, group…) that does not exist. */
    public static GraphException resourceNotFound(String id) {
        return new GraphException(404, "Request_ResourceNotFound",
                "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
    }

    /** 404 for an item of a non-directory collection (authentication methods, policies). */
    public static GraphException itemNotFound(String what, String id) {
        return new GraphException(404, "itemNotFound", "The " + what + " '" + id + "' was not found.");
    }

    /** 400 for a path segment no route knows: OData's "Resource not found for the segment". */
    public static GraphException segmentNotFound(String segment) {
        return new GraphException(400, "BadRequest", "Resource not found for the segment '" + segment + "'.");
    }

    public static GraphException methodNotAllowed() {
        return new GraphException(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
    }

    public static GraphException badRequest(String message) {
        return new GraphException(400, "BadRequest", message);
    }

    /** 400 as the directory (users, groups, roles) words it: code {@code Request_BadRequest}. */
    public static GraphException directoryBadRequest(String message) {
        return new GraphException(400, "Request_BadRequest", message);
    }

    /** 400 as the authentication methods APIs word it: code {@code badRequest} (lower camel case). */
    public static GraphException methodsBadRequest(String message) {
        return new GraphException(400, "badRequest", message);
    }

    /** 400 for a body that is not a JSON object. */
    public static GraphException unreadableBody() {
        return badRequest("Unable to read JSON request payload. Please ensure Content-Type header is set and payload "
                + "is of valid JSON format.");
    }

    /** 400 for a required property that is absent or empty, as user and group creation answer it. */
    public static GraphException requiredProperty(String property) {
        return directoryBadRequest("Property " + property + " value is required but is empty or missing.");
    }

    /** 400 for a body property the entity type does not have (OData's wording). */
    public static GraphException unknownBodyProperty(String property, String type) {
        return badRequest("The property '" + property + "' does not exist on type '" + type + "'. Make sure to only "
                + "use property names that are defined by the type or mark the type as open type.");
    }

    /** 403 for a feature that needs Entra ID P1 (Conditional Access and friends), as observed on Free tenants. */
    public static GraphException notLicensed() {
        return new GraphException(403, "AccessDenied",
                "Your tenant is not licensed for this feature. Please upgrade your subscription to access it.");
    }

    /** 403 of the activity reports (sign-ins, registration details) on a tenant without P1 or P2. */
    public static GraphException nonPremiumTenant() {
        return new GraphException(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                "Neither tenant is B2C or tenant doesn't have premium license");
    }

    /**
     * 400 of the PIM APIs on a tenant without Entra ID P2. Microsoft's Graph documentation does not give this answer;
     * the code and text are those public tools (Microsoft365DSC among them) test for (docs/demo-tenant.md).
     */
    public static GraphException pimNotLicensed() {
        return new GraphException(400, "AadPremiumLicenseRequired", "The tenant needs an AAD Premium 2 license.");
    }

    public static GraphException unsupportedQuery(String message) {
        return new GraphException(400, "Request_UnsupportedQuery", message);
    }

    public static GraphException propertyNotFound(String property, String type) {
        return badRequest("Could not find a property named '" + property + "' on type '" + type + "'.");
    }

    /** 403 used by the directory (users, groups, roles, policies). */
    public static GraphException insufficientPrivileges() {
        return new GraphException(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }

    /** 403 used by the authentication methods APIs. */
    public static GraphException accessDenied() {
        return new GraphException(403, "accessDenied", "Request Authorization failed");
    }

    public static GraphException invalidToken(String message) {
        return new GraphException(401, "InvalidAuthenticationToken", message, Map.of("WWW-Authenticate",
                "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", "
                        + "client_id=\"00000003-0000-0000-c000-000000000000\""));
    }
}
