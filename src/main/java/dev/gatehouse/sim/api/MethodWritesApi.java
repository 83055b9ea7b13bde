package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.sim.access.MethodsPolicy;
import dev.gatehouse.sim.access.PasswordPolicy;
import dev.gatehouse.sim.access.TemporaryAccessPassPolicy;
import dev.gatehouse.sim.audit.AuditActivity;
import dev.gatehouse.sim.audit.DirectoryAuditLog;
import dev.gatehouse.sim.audit.DirectoryAuditLog.ModifiedProperty;
import dev.gatehouse.sim.http.ApiCall;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.odata.TableShape;
import dev.gatehouse.sim.state.PasswordHash;
import dev.gatehouse.sim.state.SimMethod;
import dev.gatehouse.sim.state.SimOperation;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireResponse;
import dev.gatehouse.sim.wire.Wire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static dev.gatehouse.sim.api.AuthenticationMethodsApi.BASE;
import static dev.gatehouse.sim.wire.Wire.dateTime;
import static dev.gatehouse.sim.wire.Wire.text;

/**
 * Writes to a user's authentication methods: DELETE on each v1.0 per-type collection that has one (never on
 * {@code /methods/{id}}, and never the password), POST on {@code phoneMethods}, {@code emailMethods} and
 * {@code temporaryAccessPassMethods}, the password method's {@code resetPassword} action (202 with a
 * {@code Location} of the long-running operation) and the {@code operations} it leaves. Who may act follows
 * {@link dev.gatehouse.sim.access.RoleRules#canManageAuthenticationMethods}; the self-rules (nobody issues
 * themselves a TAP or resets their own password here) are this class's.
 */
public final class MethodWritesApi {

    /** "+{country code} {number}x{extension}", extension optional (phoneAuthenticationMethod). */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+[1-9]\\d{0,2} \\d{4,14}(x\\d{1,10})?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final PasswordPolicy PASSWORDS = new PasswordPolicy();

    /** longRunningOperation, as operations/{id} answers it. */
    private static final TableShape<SimOperation> OPERATION = TableShape.<SimOperation>builder(
                    "microsoft.graph.longRunningOperation")
            .property("id", o -> text(o.id()))
            .property("createdDateTime", o -> dateTime(o.createdDateTime()))
            .property("lastActionDateTime", o -> dateTime(o.lastActionDateTime()))
            .property("resourceLocation", o -> text(null))
            .property("status", o -> text(o.status()))
            .property("statusDetail", o -> text(null))
            .build();

    private MethodWritesApi() {
    }

    public static void register(Router router) {
        for (MethodType type : MethodType.values()) {
            if (type.deletableInV1()) {
                type.collection().ifPresent(collection ->
                        router.delete(BASE + collection + "/{methodId}", call -> delete(call, type)));
            }
        }
        router.post(BASE + "phoneMethods", MethodWritesApi::addPhone)
                .post(BASE + "emailMethods", MethodWritesApi::addEmail)
                .post(BASE + "temporaryAccessPassMethods", MethodWritesApi::issueTemporaryAccessPass)
                .post(BASE + "methods/{methodId}/resetPassword", MethodWritesApi::resetPassword)
                .get(BASE + "operations", MethodWritesApi::operations)
                .get(BASE + "operations/{operationId}", MethodWritesApi::operation);
    }

    private static Reply delete(ApiCall call, MethodType type) {
        SimUser user = call.user("userId");
        boolean self = call.actor().id().equals(user.id());
        if (!self && !call.rules().canManageAuthenticationMethods(call.actor(), user)) {
            throw GraphException.accessDenied();
        }
        String methodId = call.path("methodId");
        TenantState state = call.state();
        SimMethod method = state.methods().find(user.id(), methodId).filter(m -> m.type() == type)
                .orElseThrow(() -> GraphException.itemNotFound("authentication method", methodId));
        state.methods().editable(user.id()).removeIf(m -> m.id().equalsIgnoreCase(method.id()));
        if (type == MethodType.TEMPORARY_ACCESS_PASS) {
            state.endTapSession(user.id());
        }
        new DirectoryAuditLog(state).record(call.actor(), self ? AuditActivity.USER_DELETED_SECURITY_INFO
                : AuditActivity.ADMIN_DELETED_SECURITY_INFO, (self ? "User" : "Admin") + " deleted " + type.label()
                + " method for user", DirectoryAuditLog.user(user));
        return new Reply.Raw(WireResponse.empty(204));
    }

    private static Reply addPhone(ApiCall call) {
        SimUser user = manageableUser(call);
        Body body = new Body(call.body());
        onlyProperties(body, Set.of("phoneNumber", "phoneType"), "phoneAuthenticationMethod");
        String number = body.requiredText("phoneNumber", GraphException.methodsBadRequest("phoneNumber is required."));
        String phoneType = body.requiredText("phoneType", GraphException.methodsBadRequest("phoneType is required."));
        SimMethod phone = addPhone(call.state(), user, number, phoneType);
        audit(call, user, MethodType.PHONE);
        return created(call, user, phone);
    }

    /**
     * Adds a phone after Graph's checks (shared with the demo's end-user registration): the documented number
     * format, one phone per phoneType, and a mobile phone before an alternate one.
     */
    public static SimMethod addPhone(TenantState state, SimUser user, String number, String phoneType) {
        String id = SimMethod.PHONE_IDS.get(phoneType);
        if (id == null) {
            throw GraphException.methodsBadRequest("Invalid phoneType '" + phoneType
                    + "'. Use mobile, alternateMobile or office.");
        }
        if (!PHONE_NUMBER.matcher(number).matches()) {
            throw GraphException.methodsBadRequest("Invalid phone number '" + number + "'. Phone numbers use the format "
                    + "+{country code} {number}x{extension}, e.g. +1 5555551234.");
        }
        List<SimMethod> methods = state.methods().list(user.id());
        if (methods.stream().anyMatch(m -> m.id().equalsIgnoreCase(id))) {
            throw GraphException.methodsBadRequest("The user already has a phone method of type '" + phoneType + "'.");
        }
        if (phoneType.equals("alternateMobile")
                && methods.stream().noneMatch(m -> m.id().equalsIgnoreCase(SimMethod.PHONE_IDS.get("mobile")))) {
            throw GraphException.methodsBadRequest("A user must have a mobile phone before an alternateMobile phone "
                    + "can be added.");
        }
        ObjectNode properties = Wire.object();
        properties.put("phoneNumber", number);
        properties.put("phoneType", phoneType);
        SimMethod phone = new SimMethod(id, MethodType.PHONE, state.now(), properties);
        state.methods().editable(user.id()).add(phone);
        return phone;
    }

    private static Reply addEmail(ApiCall call) {
        SimUser user = manageableUser(call);
        Body body = new Body(call.body());
        onlyProperties(body, Set.of("emailAddress"), "emailAuthenticationMethod");
        String address = body.requiredText("emailAddress", GraphException.methodsBadRequest("emailAddress is required."));
        if (!EMAIL.matcher(address).matches()) {
            throw GraphException.methodsBadRequest("Invalid emailAddress '" + address + "'.");
        }
        TenantState state = call.state();
        if (state.methods().find(user.id(), SimMethod.EMAIL_METHOD_ID).isPresent()) {
            throw GraphException.methodsBadRequest("The user already has an email method.");
        }
        ObjectNode properties = Wire.object();
        properties.put("emailAddress", address);
        SimMethod email = new SimMethod(SimMethod.EMAIL_METHOD_ID, MethodType.EMAIL, state.now(), properties);
        state.methods().editable(user.id()).add(email);
        audit(call, user, MethodType.EMAIL);
        return created(call, user, email);
    }

    /**
     * authentication-post-temporaryaccesspassmethods plus the Entra TAP rules: the policy must be enabled and
     * target the user; the lifetime lies within the policy's range; a policy demanding one-time passes refuses
     * multi-use ones; a new pass replaces the old one; the pass itself appears in this response only.
     */
    private static Reply issueTemporaryAccessPass(ApiCall call) {
        SimUser user = call.user("userId");
        if (call.actor().id().equals(user.id()) || !call.rules().canManageAuthenticationMethods(call.actor(), user)) {
            throw GraphException.accessDenied();
        }
        if (user.guest()) {
            throw GraphException.methodsBadRequest("Temporary Access Pass cannot be added to an external guest user.");
        }
        TenantState state = call.state();
        if (!new MethodsPolicy(state).appliesTo(TemporaryAccessPassPolicy.CONFIGURATION_ID, user)) {
            throw GraphException.methodsBadRequest("Converged UserCredentialPolicy does not allow creating or updating "
                    + "this authentication method. AuthMethodType [TemporaryAccessPass].");
        }
        TemporaryAccessPassPolicy policy = new TemporaryAccessPassPolicy(
                state.authenticationMethodConfiguration(TemporaryAccessPassPolicy.CONFIGURATION_ID).orElseThrow());
        Body body = new Body(call.body());
        onlyProperties(body, Set.of("lifetimeInMinutes", "isUsableOnce", "startDateTime"),
                "temporaryAccessPassAuthenticationMethod");
        int lifetime = body.integer("lifetimeInMinutes").orElse(policy.defaultLifetimeInMinutes());
        if (lifetime < policy.minimumLifetimeInMinutes() || lifetime > policy.maximumLifetimeInMinutes()) {
            throw GraphException.methodsBadRequest("Invalid LifetimeInMinutes specified. The valid range between "
                    + policy.minimumLifetimeInMinutes() + " and " + policy.maximumLifetimeInMinutes() + ".");
        }
        boolean usableOnce = body.bool("isUsableOnce").orElse(policy.isUsableOnce());
        if (policy.isUsableOnce() && !usableOnce) {
            throw GraphException.methodsBadRequest("The Temporary Access Pass policy allows one-time passes only; "
                    + "isUsableOnce cannot be false.");
        }
        Instant start = body.text("startDateTime").map(MethodWritesApi::instant).orElse(null);

        List<SimMethod> methods = state.methods().editable(user.id());
        methods.removeIf(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS);
        state.endTapSession(user.id());
        ObjectNode properties = Wire.object();
        properties.put("lifetimeInMinutes", lifetime);
        properties.put("isUsableOnce", usableOnce);
        if (start != null) {
            properties.put("startDateTime", Wire.formatDateTime(start));
        }
        SimMethod tap = new SimMethod(UUID.randomUUID().toString(), MethodType.TEMPORARY_ACCESS_PASS, state.now(),
                properties);
        methods.add(tap);
        String code = policy.newCode();
        state.tapCode(tap.id(), PasswordHash.of(code));
        new DirectoryAuditLog(state).record(call.actor(), AuditActivity.ADMIN_REGISTERED_SECURITY_INFO,
                "Admin registered temporary access pass method for user", DirectoryAuditLog.user(user));
        MethodShapes shapes = AuthenticationMethodsApi.shapes(call, user);
        return new Reply.Created(new Reply.Entity<>(shapes.temporaryAccessPassWithCode(code), tap,
                AuthenticationMethodsApi.context(user, "temporaryAccessPassMethods")));
    }

    /**
     * authenticationmethod-resetpassword: delegated admins only, never on the caller's own account; a
     * cloud-only user gets a generated password when none is given, a synced user (password writeback) needs
     * one. The reset is applied at once; the operation it answers with (Location, Retry-After) reads "running" for
     * {@link SimOperation#RUNNING_FOR}, then "succeeded".
     */
    private static Reply resetPassword(ApiCall call) {
        SimUser user = call.user("userId");
        String methodId = call.path("methodId");
        TenantState state = call.state();
        if (!methodId.equalsIgnoreCase(MethodType.PASSWORD_METHOD_ID)
                || state.methods().find(user.id(), methodId).isEmpty()) {
            throw GraphException.itemNotFound("password authentication method", methodId);
        }
        if (call.actor().id().equals(user.id()) || !call.rules().canManageAuthenticationMethods(call.actor(), user)) {
            throw GraphException.accessDenied();
        }
        Body body = new Body(call.body());
        onlyProperties(body, Set.of("newPassword"), "passwordAuthenticationMethod");
        String given = body.text("newPassword").orElse(null);
        if (given == null && Boolean.TRUE.equals(user.onPremisesSyncEnabled())) {
            throw GraphException.methodsBadRequest("newPassword is required for a user whose password is written back "
                    + "to on-premises Active Directory.");
        }
        if (given != null && !PASSWORDS.accepts(given, user)) {
            throw GraphException.methodsBadRequest("The specified password does not comply with password complexity "
                    + "requirements. Please provide a different password.");
        }
        String password = given != null ? given : PASSWORDS.generate();
        Instant now = state.now();
        user.password(PasswordHash.of(password))
                .lastPasswordChangeDateTime(now)
                .signInSessionsValidFromDateTime(now)
                .forceChangePasswordNextSignIn(true)
                .failedPasswordSignIns(0);
        UserWritesApi.refreshPasswordMethod(state, user);
        state.endTapSession(user.id());
        SimOperation operation = SimOperation.started(UUID.randomUUID().toString(), user.id(), now);
        state.addOperation(operation);
        DirectoryAuditLog audit = new DirectoryAuditLog(state);
        audit.record(call.actor(), AuditActivity.ADMIN_STARTED_PASSWORD_RESET, "Admin started password reset for user",
                DirectoryAuditLog.user(user));
        audit.record(call.actor(), AuditActivity.RESET_PASSWORD, "",
                DirectoryAuditLog.user(user, ModifiedProperty.secret("PasswordProfile")));

        ObjectNode result = Wire.object();
        if (given == null) {
            result.put("@odata.context", call.context("microsoft.graph.passwordResetResponse"));
            result.put("newPassword", password);
        }
        String location = call.serviceRoot() + "/users/" + user.id() + "/authentication/operations/" + operation.id();
        return new Reply.Raw(WireResponse.json(202, result).withHeaders(Map.of("Location", location,
                "Retry-After", String.valueOf(SimOperation.RUNNING_FOR.toSeconds()))));
    }

    private static Reply operations(ApiCall call) {
        SimUser user = AuthenticationMethodsApi.readableUser(call);
        return new Reply.Collection<>(OPERATION, call.state().operationsOf(user.id()).stream()
                .map(o -> o.asOf(call.state().now())).toList(),
                AuthenticationMethodsApi.context(user, "operations"), null);
    }

    private static Reply operation(ApiCall call) {
        SimUser user = AuthenticationMethodsApi.readableUser(call);
        String id = call.path("operationId");
        SimOperation operation = call.state().operation(id).filter(o -> o.userId().equals(user.id()))
                .orElseThrow(() -> GraphException.itemNotFound("operation", id)).asOf(call.state().now());
        return new Reply.Entity<>(OPERATION, operation, AuthenticationMethodsApi.context(user, "operations"));
    }

    /** The target of an admin's method change: reachable by the caller's role (a user's own changes need one too). */
    private static SimUser manageableUser(ApiCall call) {
        SimUser user = call.user("userId");
        if (!call.rules().canManageAuthenticationMethods(call.actor(), user)) {
            throw GraphException.accessDenied();
        }
        if (user.guest()) {
            throw GraphException.methodsBadRequest("Authentication methods of an external guest user are managed in "
                    + "their home tenant.");
        }
        return user;
    }

    private static void onlyProperties(Body body, Set<String> allowed, String type) {
        body.json().fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name) && !name.equals("@odata.type")) {
                throw GraphException.unknownBodyProperty(name, "microsoft.graph." + type);
            }
        });
    }

    private static void audit(ApiCall call, SimUser user, MethodType type) {
        boolean self = call.actor().id().equals(user.id());
        new DirectoryAuditLog(call.state()).record(call.actor(), self ? AuditActivity.USER_REGISTERED_SECURITY_INFO
                        : AuditActivity.ADMIN_REGISTERED_SECURITY_INFO,
                (self ? "User" : "Admin") + " registered " + type.label() + " method for user", DirectoryAuditLog.user(user));
    }

    private static Reply created(ApiCall call, SimUser user, SimMethod method) {
        MethodShapes shapes = AuthenticationMethodsApi.shapes(call, user);
        return new Reply.Created(new Reply.Entity<>(shapes.of(method.type()), method,
                AuthenticationMethodsApi.context(user, method.type().collection().orElseThrow())));
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw GraphException.badRequest("Cannot convert the literal '" + value
                    + "' to the expected type 'Edm.DateTimeOffset'.");
        }
    }
}
