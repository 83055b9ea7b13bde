package dev.gatehouse.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.sim.access.PasswordPolicy;
import dev.gatehouse.sim.audit.AuditActivity;
import dev.gatehouse.sim.audit.DirectoryAuditLog;
import dev.gatehouse.sim.audit.DirectoryAuditLog.ModifiedProperty;
import dev.gatehouse.sim.http.ApiCall;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.odata.TableShape;
import dev.gatehouse.sim.state.PasswordHash;
import dev.gatehouse.sim.state.SimMethod;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireResponse;
import dev.gatehouse.sim.wire.Wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Writes to users: {@code POST /users} (user-post-users: required accountEnabled, displayName, mailNickname,
 * passwordProfile, userPrincipalName on a verified domain; the tenant's password rules), {@code PATCH /users/{id}}
 * (204; the sensitive properties follow Entra's "Who can perform sensitive actions", a password through
 * passwordProfile follows "Who can reset passwords") and {@code POST /users/{id}/revokeSignInSessions}
 * (200 {@code {"value": true}}, the service's documented known issue; no effect on a guest's home-tenant sessions)
 * and {@code DELETE /users/{id}} (204; user-delete).
 */
public final class UserWritesApi {

    /** user-post-users: "Only the following characters are allowed A - Z, a - z, 0 - 9, ' . - _ ! # ^ ~". */
    private static final Pattern UPN = Pattern.compile("[A-Za-z0-9'.\\-_!#^~]+@[A-Za-z0-9.\\-]+");
    private static final Pattern MAIL_NICKNAME = Pattern.compile("[A-Za-z0-9'.\\-_!#^~]+");

    /** Properties the demo tenant stores for a user; others of the user type are refused rather than dropped. */
    private static final Set<String> WRITABLE = Set.of("accountEnabled", "displayName", "givenName", "surname",
            "jobTitle", "department", "officeLocation", "mobilePhone", "businessPhones", "otherMails",
            "preferredLanguage", "usageLocation", "companyName", "city", "country", "employeeId", "mailNickname",
            "userPrincipalName", "passwordProfile", "passwordPolicies");

    /** Entra's "sensitive properties": only roles that reach the target may change them. */
    private static final Set<String> SENSITIVE = Set.of("accountEnabled", "businessPhones", "mobilePhone",
            "otherMails", "passwordProfile", "userPrincipalName");

    /** Properties a synced user keeps in the cloud; everything else comes from on-premises AD. */
    private static final Set<String> CLOUD_MASTERED = Set.of("passwordProfile", "usageLocation", "passwordPolicies");

    private static final PasswordPolicy PASSWORDS = new PasswordPolicy();

    private UserWritesApi() {
    }

    public static void register(Router router) {
        router.post("/users", UserWritesApi::create)
                .patch("/users/{userId}", UserWritesApi::update)
                .delete("/users/{userId}", UserWritesApi::delete)
                .post("/users/{userId}/revokeSignInSessions", UserWritesApi::revokeSignInSessions);
    }

    private static Reply create(ApiCall call) {
        if (!call.rules().canWriteUsers(call.actor())) {
            throw GraphException.insufficientPrivileges();
        }
        TenantState state = call.state();
        TableShape<SimUser> shape = DirectoryShapes.user(state);
        Body body = new Body(call.body());
        checkProperties(body, shape);
        boolean enabled = body.bool("accountEnabled").orElseThrow(() -> GraphException.requiredProperty("accountEnabled"));
        String displayName = body.requiredText("displayName", GraphException.requiredProperty("displayName"));
        String mailNickname = body.requiredText("mailNickname", GraphException.requiredProperty("mailNickname"));
        ObjectNode profile = body.object("passwordProfile", "microsoft.graph.passwordProfile")
                .orElseThrow(() -> GraphException.requiredProperty("passwordProfile"));
        String upn = body.requiredText("userPrincipalName", GraphException.requiredProperty("userPrincipalName"));
        checkUserPrincipalName(state, upn);
        checkMailNickname(mailNickname);
        Body password = new Body(profile);
        String secret = password.requiredText("password", GraphException.requiredProperty("passwordProfile.password"));

        Instant now = state.now();
        SimUser user = new SimUser(UUID.randomUUID().toString(), upn, displayName)
                .accountEnabled(enabled)
                .mailNickname(mailNickname)
                .createdDateTime(now)
                .signInSessionsValidFromDateTime(now);
        body.text("passwordPolicies").ifPresent(user::passwordPolicies);
        if (!PASSWORDS.accepts(secret, user)) {
            throw complexity();
        }
        applyOrdinary(body, user);
        setPassword(user, secret, password, now);
        state.addUser(user);
        state.methods().put(user.id(), List.of(new SimMethod(MethodType.PASSWORD_METHOD_ID, MethodType.PASSWORD, now,
                Wire.object())));
        new DirectoryAuditLog(state).record(call.actor(), AuditActivity.ADD_USER, "",
                DirectoryAuditLog.user(user, ModifiedProperty.of("AccountEnabled", null, enabled),
                        ModifiedProperty.of("DisplayName", null, displayName),
                        ModifiedProperty.of("UserPrincipalName", null, upn)));
        return new Reply.Created(new Reply.Entity<>(shape, user, "users"));
    }

    private static Reply update(ApiCall call) {
        SimUser target = call.user("userId");
        TenantState state = call.state();
        Body body = new Body(call.body());
        checkProperties(body, DirectoryShapes.user(state));
        authorizeUpdate(call, target, body);
        if (Boolean.TRUE.equals(target.onPremisesSyncEnabled())) {
            for (String name : iterable(body)) {
                if (!CLOUD_MASTERED.contains(name)) {
                    throw GraphException.directoryBadRequest("Unable to update the specified properties for "
                            + "on-premises mastered Directory Sync objects or objects currently undergoing migration.");
                }
            }
        }

        List<ModifiedProperty> changed = new ArrayList<>();
        boolean wasEnabled = target.accountEnabled();
        body.bool("accountEnabled").ifPresent(target::accountEnabled);
        if (body.has("userPrincipalName")) {
            String upn = body.requiredText("userPrincipalName",
                    GraphException.directoryBadRequest("Property userPrincipalName is invalid."));
            if (!upn.equalsIgnoreCase(target.userPrincipalName())) {
                checkUserPrincipalName(state, upn);
            }
            changed.add(ModifiedProperty.of("UserPrincipalName", target.userPrincipalName(), upn));
            state.changeUserPrincipalName(target, upn);
        }
        body.text("mailNickname").ifPresent(UserWritesApi::checkMailNickname);
        if (body.has("passwordPolicies")) {
            target.passwordPolicies(body.text("passwordPolicies").orElse(null));
        }
        for (String name : ordinaryProperties(body)) {
            changed.add(ModifiedProperty.of(capitalize(name), null, body.json().get(name).toString()));
        }
        applyOrdinary(body, target);

        DirectoryAuditLog audit = new DirectoryAuditLog(state);
        if (body.has("passwordProfile")) {
            Body profile = new Body(body.object("passwordProfile", "microsoft.graph.passwordProfile").orElseThrow(
                    () -> GraphException.requiredProperty("passwordProfile")));
            String secret = profile.requiredText("password", GraphException.requiredProperty("passwordProfile.password"));
            if (!PASSWORDS.accepts(secret, target)) {
                throw complexity();
            }
            setPassword(target, secret, profile, state.now());
            target.signInSessionsValidFromDateTime(state.now());
            refreshPasswordMethod(state, target);
            state.endTapSession(target.id());
            audit.record(call.actor(), AuditActivity.RESET_PASSWORD, "",
                    DirectoryAuditLog.user(target, ModifiedProperty.secret("PasswordProfile")));
        }
        if (wasEnabled != target.accountEnabled()) {
            if (!target.accountEnabled()) {
                state.endTapSession(target.id());
            }
            audit.record(call.actor(), target.accountEnabled() ? AuditActivity.ENABLE_ACCOUNT
                    : AuditActivity.DISABLE_ACCOUNT, "", DirectoryAuditLog.user(target,
                    ModifiedProperty.of("AccountEnabled", wasEnabled, target.accountEnabled())));
        }
        if (!changed.isEmpty()) {
            audit.record(call.actor(), AuditActivity.UPDATE_USER, "",
                    DirectoryAuditLog.user(target, changed.toArray(ModifiedProperty[]::new)));
        }
        return new Reply.Raw(WireResponse.empty(204));
    }

    /**
     * user-delete: 204. Only a user-deleting role that reaches the target in the "sensitive actions" table may do it
     * (an administrator, or a member of a role-assignable group, takes a Privileged Authentication Administrator or
     * Global Administrator). The account leaves its groups and loses its role assignments and methods.
     */
    private static Reply delete(ApiCall call) {
        SimUser target = call.user("userId");
        if (!call.rules().canDeleteUser(call.actor(), target)) {
            throw GraphException.insufficientPrivileges();
        }
        TenantState state = call.state();
        state.removeUser(target.id());
        new DirectoryAuditLog(state).record(call.actor(), AuditActivity.DELETE_USER, "", DirectoryAuditLog.user(target));
        return new Reply.Raw(WireResponse.empty(204));
    }

    /**
     * Non-sensitive properties need a user writer; each sensitive one the matching Entra table: a password the
     * "reset passwords" table, the others the "sensitive actions" table.
     */
    private static void authorizeUpdate(ApiCall call, SimUser target, Body body) {
        SimUser actor = call.actor();
        for (String name : iterable(body)) {
            boolean allowed;
            if (name.equals("passwordProfile")) {
                allowed = !actor.id().equals(target.id()) && call.rules().canResetPassword(actor, target);
            } else if (SENSITIVE.contains(name)) {
                allowed = call.rules().canPerformSensitiveAction(actor, target);
            } else {
                allowed = call.rules().canWriteUsers(actor);
            }
            if (!allowed) {
                throw GraphException.insufficientPrivileges();
            }
        }
    }

    private static Reply revokeSignInSessions(ApiCall call) {
        SimUser target = call.user("userId");
        SimUser actor = call.actor();
        if (!actor.id().equals(target.id()) && !call.rules().canResetPassword(actor, target)) {
            throw GraphException.insufficientPrivileges();
        }
        TenantState state = call.state();
        Instant before = target.signInSessionsValidFromDateTime();
        target.signInSessionsValidFromDateTime(state.now());
        if (target.guest()) {
            // A guest's sessions live in their home tenant: Graph answers success, nothing there is revoked.
            target.lastRevocationWithoutEffect(state.now());
        } else {
            state.endTapSession(target.id());
        }
        new DirectoryAuditLog(state).record(actor, AuditActivity.REVOKE_SESSIONS, "",
                DirectoryAuditLog.user(target, ModifiedProperty.of("StsRefreshTokensValidFrom",
                        before == null ? null : Wire.formatDateTime(before), Wire.formatDateTime(state.now()))));
        ObjectNode result = Wire.object();
        result.put("@odata.context", call.context("Edm.Boolean"));
        result.put("value", true);
        return new Reply.Raw(WireResponse.json(200, result));
    }

    /** Unknown names get OData's answer; user properties the demo tenant does not store are refused, not dropped. */
    private static void checkProperties(Body body, TableShape<SimUser> shape) {
        for (String name : iterable(body)) {
            if (!shape.declares(name) && !name.equals("passwordProfile")) {
                throw GraphException.unknownBodyProperty(name, DirectoryShapes.USER);
            }
            if (!WRITABLE.contains(name)) {
                throw GraphException.directoryBadRequest("The demo tenant does not set the property '" + name
                        + "' of a user.");
            }
        }
    }

    private static void checkUserPrincipalName(TenantState state, String upn) {
        if (!UPN.matcher(upn).matches()) {
            throw GraphException.directoryBadRequest("Property userPrincipalName is invalid.");
        }
        String domain = upn.substring(upn.indexOf('@') + 1);
        boolean verified = false;
        for (JsonNode verifiedDomain : state.organization().path("verifiedDomains")) {
            verified |= verifiedDomain.path("name").asText().equalsIgnoreCase(domain);
        }
        if (!verified) {
            throw GraphException.directoryBadRequest("The domain portion of the userPrincipalName property is invalid. "
                    + "You must use one of the verified domain names in your organization.");
        }
        if (state.user(upn).isPresent()) {
            throw GraphException.directoryBadRequest(
                    "Another object with the same value for property userPrincipalName already exists.");
        }
    }

    private static void checkMailNickname(String mailNickname) {
        if (!MAIL_NICKNAME.matcher(mailNickname).matches()) {
            throw GraphException.directoryBadRequest("Invalid value specified for property 'mailNickname' of resource "
                    + "'User'.");
        }
    }

    private static GraphException complexity() {
        return GraphException.directoryBadRequest("The specified password does not comply with password complexity "
                + "requirements. Please provide a different password.");
    }

    private static void setPassword(SimUser user, String secret, Body profile, Instant now) {
        user.password(PasswordHash.of(secret))
                .lastPasswordChangeDateTime(now)
                .forceChangePasswordNextSignIn(profile.bool("forceChangePasswordNextSignIn").orElse(true))
                .forceChangePasswordNextSignInWithMfa(profile.bool("forceChangePasswordNextSignInWithMfa").orElse(false))
                .failedPasswordSignIns(0);
    }

    /** The password method's createdDateTime is when the password was last set. */
    static void refreshPasswordMethod(TenantState state, SimUser user) {
        List<SimMethod> methods = state.methods().editable(user.id());
        methods.replaceAll(m -> m.type() == MethodType.PASSWORD
                ? new SimMethod(m.id(), m.type(), user.lastPasswordChangeDateTime(), m.properties()) : m);
    }

    private static List<String> ordinaryProperties(Body body) {
        List<String> names = new ArrayList<>();
        for (String name : iterable(body)) {
            if (!Set.of("accountEnabled", "userPrincipalName", "passwordProfile", "passwordPolicies").contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static void applyOrdinary(Body body, SimUser user) {
        text(body, "displayName", SimUser::displayName, user);
        text(body, "givenName", SimUser::givenName, user);
        text(body, "surname", SimUser::surname, user);
        text(body, "jobTitle", SimUser::jobTitle, user);
        text(body, "department", SimUser::department, user);
        text(body, "officeLocation", SimUser::officeLocation, user);
        text(body, "mobilePhone", SimUser::mobilePhone, user);
        text(body, "preferredLanguage", SimUser::preferredLanguage, user);
        text(body, "usageLocation", SimUser::usageLocation, user);
        text(body, "companyName", SimUser::companyName, user);
        text(body, "city", SimUser::city, user);
        text(body, "country", SimUser::country, user);
        text(body, "employeeId", SimUser::employeeId, user);
        text(body, "mailNickname", SimUser::mailNickname, user);
        body.strings("businessPhones").ifPresent(user::businessPhones);
        body.strings("otherMails").ifPresent(user::otherMails);
    }

    private static void text(Body body, String name, BiConsumer<SimUser, String> setter, SimUser user) {
        if (body.has(name)) {
            setter.accept(user, body.text(name).orElse(null));
        }
    }

    /** The body's property names; instance annotations such as the SDK's {@code @odata.type} are not properties. */
    private static Iterable<String> iterable(Body body) {
        List<String> names = new ArrayList<>();
        body.json().fieldNames().forEachRemaining(name -> {
            if (!name.startsWith("@")) {
                names.add(name);
            }
        });
        return names;
    }

    private static String capitalize(String name) {
        return Objects.requireNonNull(name).substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
