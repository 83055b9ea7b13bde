package dev.gatehouse.sim.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.sim.access.MethodsPolicy;
import dev.gatehouse.sim.access.TemporaryAccessPassPolicy;
import dev.gatehouse.sim.api.MethodWritesApi;
import dev.gatehouse.sim.audit.AuditActivity;
import dev.gatehouse.sim.audit.DirectoryAuditLog;
import dev.gatehouse.sim.audit.SignInLog;
import dev.gatehouse.sim.http.ApiCall;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.state.PasswordHash;
import dev.gatehouse.sim.state.SimMethod;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TapSession;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.GraphException;
import dev.gatehouse.sim.wire.WireResponse;
import dev.gatehouse.sim.wire.Wire;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Trainer controls that act as the end user, under {@code /_demo/} (never under {@code /v1.0}): sign in with a
 * password or a Temporary Access Pass, register a passkey, Microsoft Authenticator or a phone within the pass's
 * session, and show what the demo tenant knows about a user beyond
 * Graph. Each answer says in plain JSON what happened ({@code outcome}: signedIn, passwordAccepted, failed,
 * refused, registered); each action leaves the audit and sign-in records Entra would.
 */
public final class EndUserActions {

    /** A one-time pass leaves this long to register a passwordless method (graph-facts §0.4, §6.2). */
    static final Duration ONE_TIME_WINDOW = Duration.ofMinutes(10);
    /** The one second factor the password sign-in plays: a Microsoft Authenticator notification, approved. */
    static final String PUSH = "push";

    private EndUserActions() {
    }

    public static void register(Router router) {
        ActingAdmins.register(router);
        router.get("/users/{user}", call -> locked(call, () -> facts(call)))
                .post("/users/{user}/signIn/password", call -> locked(call, () -> signInWithPassword(call)))
                .post("/users/{user}/signIn/temporaryAccessPass", call -> locked(call, () -> signInWithPass(call)))
                .post("/users/{user}/register/fido2", call -> locked(call, () -> registerPasskey(call)))
                .post("/users/{user}/register/microsoftAuthenticator", call -> locked(call, () -> registerAuthenticator(call)))
                .post("/users/{user}/register/phone", call -> locked(call, () -> registerPhone(call)));
    }

    private static ObjectNode facts(ApiCall call) {
        TenantState state = call.state();
        SimUser user = user(call);
        ObjectNode facts = Wire.object();
        facts.put("userPrincipalName", user.userPrincipalName());
        facts.put("accountEnabled", user.accountEnabled());
        facts.put("password", user.password().isPresent() ? "set by an admin"
                : state.demoPassword().isPresent() ? "the scenario's demo password" : "none known");
        facts.put("forceChangePasswordNextSignIn", user.forceChangePasswordNextSignIn());
        facts.put("failedPasswordSignIns", user.failedPasswordSignIns());
        facts.set("lastRevocationWithoutEffect", Wire.dateTime(user.lastRevocationWithoutEffect()));
        Optional<TapSession> session = state.tapSession(user.id());
        if (session.isPresent()) {
            ObjectNode tap = facts.putObject("temporaryAccessPassSession");
            tap.put("started", Wire.formatDateTime(session.get().started()));
            tap.put("endsAt", Wire.formatDateTime(session.get().endsAt()));
            tap.put("active", session.get().activeAt(state.now()));
        } else {
            facts.putNull("temporaryAccessPassSession");
        }
        return facts;
    }

    /**
     * Checks the password; with {@code "secondFactor": "push"} the user then approves a Microsoft Authenticator
     * notification, which works only when they have Authenticator registered and the methods policy enables it for
     * them. Without a second factor the sign-in stops at the password, as before.
     */
    private static ObjectNode signInWithPassword(ApiCall call) {
        TenantState state = call.state();
        SimUser user = user(call);
        String secondFactor = call.body().path("secondFactor").asText("");
        if (!secondFactor.isEmpty() && !secondFactor.equals(PUSH)) {
            throw GraphException.badRequest("secondFactor must be \"push\" or left out.");
        }
        refuseGuestsAndDisabled(state, user);
        String password = call.body().path("password").asText("");
        SignInLog signIns = new SignInLog(state);
        if (!state.passwordMatches(user, password)) {
            user.failedPasswordSignIns(user.failedPasswordSignIns() + 1);
            signIns.record(user, SignInLog.INVALID_CREDENTIALS,
                    "Error validating credentials due to invalid username or password.", null);
            ObjectNode answer = outcome("failed", "The password is not correct.");
            answer.put("failedPasswordSignIns", user.failedPasswordSignIns());
            return answer;
        }
        user.failedPasswordSignIns(0);
        if (secondFactor.equals(PUSH)) {
            return approvePush(state, user);
        }
        signIns.record(user, 0, "Other.", "Password verified; the demo does not prompt for a second factor.");
        ObjectNode answer = outcome("passwordAccepted", user.forceChangePasswordNextSignIn()
                ? "The password is correct; the user must now choose a new password." : "The password is correct.");
        answer.put("mustChangePassword", user.forceChangePasswordNextSignIn());
        return answer;
    }

    /** After a correct password: the notification goes to the user's Authenticator, and the user approves it. */
    private static ObjectNode approvePush(TenantState state, SimUser user) {
        if (!new MethodsPolicy(state).appliesTo("MicrosoftAuthenticator", user)) {
            throw refused("The password is correct, but Microsoft Authenticator is not enabled for this user by the "
                    + "authentication methods policy, so no notification can be sent.");
        }
        SimMethod authenticator = state.methods().list(user.id()).stream()
                .filter(m -> m.type() == MethodType.MICROSOFT_AUTHENTICATOR).findFirst()
                .orElseThrow(() -> refused("The password is correct, but " + user.displayName()
                        + " has no Microsoft Authenticator registered, so no notification can be sent."));
        String device = authenticator.properties().path("displayName").asText("their phone");
        new SignInLog(state).record(user, 0, "Other.",
                "Password verified; Microsoft Authenticator notification approved on " + device + ".");
        ObjectNode answer = outcome("signedIn", user.forceChangePasswordNextSignIn()
                ? "Signed in with the password and a notification approved on " + device
                + "; the user must now choose a new password."
                : "Signed in with the password and a notification approved on " + device + ".");
        answer.put("secondFactor", PUSH);
        answer.put("mustChangePassword", user.forceChangePasswordNextSignIn());
        return answer;
    }

    /**
     * Checks the pass as Entra would (policy, correctness, start, lifetime, one-time use), consumes a one-time
     * pass, and opens the registration session: 10 minutes for a one-time pass, the pass's lifetime otherwise.
     */
    private static ObjectNode signInWithPass(ApiCall call) {
        TenantState state = call.state();
        SimUser user = user(call);
        if (user.guest()) {
            throw refused("A Temporary Access Pass does not work for guest users.");
        }
        refuseGuestsAndDisabled(state, user);
        SimMethod pass = state.methods().list(user.id()).stream()
                .filter(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS).findFirst()
                .orElseThrow(() -> refused("The user has no Temporary Access Pass."));
        if (!new MethodsPolicy(state).appliesTo(TemporaryAccessPassPolicy.CONFIGURATION_ID, user)) {
            throw refused("Temporary Access Pass sign in was blocked due to User Credential Policy.");
        }
        Optional<PasswordHash> code = state.tapCode(pass.id());
        if (code.isEmpty()) {
            throw refused("The demo tenant never saw this pass's code (it came with the scenario); issue a new "
                    + "Temporary Access Pass to sign in with one.");
        }
        if (!code.get().matches(call.body().path("temporaryAccessPass").asText(""))) {
            return outcome("failed", "The Temporary Access Pass is not correct.");
        }
        Instant now = state.now();
        String usability = TemporaryAccessPassPolicy.usability(state, pass, now);
        if (!usability.equals("EnabledByPolicy")) {
            ObjectNode answer = outcome("refused", "The Temporary Access Pass cannot be used: " + usability + ".");
            answer.put("methodUsabilityReason", usability);
            return answer;
        }
        boolean oneTime = pass.properties().path("isUsableOnce").asBoolean(false);
        Instant end = TemporaryAccessPassPolicy.end(pass);
        if (oneTime) {
            pass.properties().put("_used", true);
            Instant window = now.plus(ONE_TIME_WINDOW);
            end = window.isBefore(end) ? window : end;
        }
        state.tapSession(new TapSession(user.id(), pass.id(), now, end));
        new SignInLog(state).record(user, 0, "Other.", "Temporary Access Pass sign-in");
        ObjectNode answer = outcome("signedIn", oneTime
                ? "Signed in with a one-time Temporary Access Pass; the pass is used up and the user has until "
                + Wire.formatDateTime(end) + " to register a method."
                : "Signed in with a Temporary Access Pass; it can be used again until " + Wire.formatDateTime(end) + ".");
        answer.put("methodUsabilityReason", TemporaryAccessPassPolicy.usability(state, pass, now));
        answer.put("registrationWindowEndsAt", Wire.formatDateTime(end));
        return answer;
    }

    private static ObjectNode registerPasskey(ApiCall call) {
        TenantState state = call.state();
        SimUser user = userInSession(call);
        MethodsPolicy policy = new MethodsPolicy(state);
        ObjectNode configuration = policy.configuration("Fido2").orElse(null);
        if (configuration == null || !policy.appliesTo("Fido2", user)) {
            throw refused("Passkeys (FIDO2) are not enabled for this user by the authentication methods policy.");
        }
        if (!configuration.path("isSelfServiceRegistrationAllowed").asBoolean(true)) {
            throw refused("The FIDO2 policy does not allow self-service set up.");
        }
        JsonNode body = call.body();
        String aaGuid = body.path("aaGuid").asText("2fc0579f-8113-47ea-b116-555a8db9202a");
        if (!keyAllowed(configuration.path("keyRestrictions"), aaGuid)) {
            throw refused("The FIDO2 policy's key restrictions do not allow the authenticator " + aaGuid + ".");
        }
        ObjectNode properties = Wire.object();
        properties.put("displayName", body.path("displayName").asText("Security key"));
        properties.put("aaGuid", aaGuid);
        properties.put("model", body.path("model").asText("YubiKey 5 NFC"));
        properties.putArray("attestationCertificates");
        properties.put("attestationLevel", "attested");
        properties.put("passkeyType", body.path("passkeyType").asText("deviceBound"));
        return registered(call, user, new SimMethod(UUID.randomUUID().toString(), MethodType.FIDO2, state.now(),
                properties));
    }

    private static ObjectNode registerAuthenticator(ApiCall call) {
        TenantState state = call.state();
        SimUser user = userInSession(call);
        if (!new MethodsPolicy(state).appliesTo("MicrosoftAuthenticator", user)) {
            throw refused("Microsoft Authenticator is not enabled for this user by the authentication methods policy.");
        }
        JsonNode body = call.body();
        ObjectNode properties = Wire.object();
        properties.put("displayName", body.path("displayName").asText("iPhone 15"));
        properties.put("deviceTag", body.path("deviceTag").asText("SoftwareTokenActivated"));
        properties.put("phoneAppVersion", body.path("phoneAppVersion").asText("6.8.12"));
        return registered(call, user, new SimMethod(UUID.randomUUID().toString(), MethodType.MICROSOFT_AUTHENTICATOR,
                state.now(), properties));
    }

    private static ObjectNode registerPhone(ApiCall call) {
        TenantState state = call.state();
        SimUser user = userInSession(call);
        MethodsPolicy policy = new MethodsPolicy(state);
        if (!policy.appliesTo("Sms", user) && !policy.appliesTo("Voice", user)) {
            throw refused("Neither SMS nor voice calls are enabled for this user by the authentication methods policy.");
        }
        JsonNode body = call.body();
        String phoneType = body.path("phoneType").asText("mobile");
        SimMethod phone = MethodWritesApi.addPhone(state, user, body.path("phoneNumber").asText(""), phoneType);
        return audited(call, user, phone, switch (phoneType) {
            case "alternateMobile" -> "Alternate Mobile Phone";
            case "office" -> "Office Phone";
            default -> "Mobile Phone SMS";
        });
    }

    private static ObjectNode registered(ApiCall call, SimUser user, SimMethod method) {
        call.state().methods().editable(user.id()).add(method);
        return audited(call, user, method, method.type() != MethodType.FIDO2 ? "Authenticator App with Notification and Code"
                : method.properties().path("passkeyType").asText().equals("synced") ? "Passkey (synced)"
                : "Passkey (device-bound)");
    }

    /**
     * Audits a self-service registration as My Sign-ins does: "User registered " and the method's name in the words
     * Entra's log uses ({@code RegistrationReasons} lists them).
     */
    private static ObjectNode audited(ApiCall call, SimUser user, SimMethod method, String loggedName) {
        new DirectoryAuditLog(call.state()).record(user, AuditActivity.USER_REGISTERED_SECURITY_INFO,
                "User registered " + loggedName, DirectoryAuditLog.user(user));
        ObjectNode answer = outcome("registered", user.displayName() + " registered " + method.type().label() + ".");
        answer.put("methodId", method.id());
        answer.put("type", method.type().odataType().orElseThrow());
        return answer;
    }

    /** The FIDO2 key restrictions: an enforced allow list must name the key, an enforced block list must not. */
    private static boolean keyAllowed(JsonNode restrictions, String aaGuid) {
        if (!restrictions.path("isEnforced").asBoolean(false)) {
            return true;
        }
        boolean listed = false;
        for (JsonNode guid : restrictions.path("aaGuids")) {
            listed |= guid.asText().equalsIgnoreCase(aaGuid);
        }
        return restrictions.path("enforcementType").asText("block").equals("allow") == listed;
    }

    /** Registration needs an open Temporary Access Pass session whose pass still exists. */
    private static SimUser userInSession(ApiCall call) {
        TenantState state = call.state();
        SimUser user = user(call);
        refuseGuestsAndDisabled(state, user);
        TapSession session = state.tapSession(user.id())
                .orElseThrow(() -> refused("Sign in with a Temporary Access Pass first."));
        if (!session.activeAt(state.now())) {
            throw refused("The Temporary Access Pass session ended at " + Wire.formatDateTime(session.endsAt())
                    + "; sign in again.");
        }
        if (state.methods().find(user.id(), session.temporaryAccessPassId()).isEmpty()) {
            state.endTapSession(user.id());
            throw refused("The Temporary Access Pass was deleted; its session ended.");
        }
        return user;
    }

    private static void refuseGuestsAndDisabled(TenantState state, SimUser user) {
        if (user.guest()) {
            throw refused("Guests sign in at their home organization, not here.");
        }
        if (!user.accountEnabled()) {
            new SignInLog(state).record(user, SignInLog.ACCOUNT_DISABLED, "User account is disabled.", null);
            throw refused("The account is disabled.");
        }
    }

    private static SimUser user(ApiCall call) {
        String name = call.path("user");
        return call.state().user(name).orElseThrow(() -> GraphException.resourceNotFound(name));
    }

    private static ObjectNode outcome(String outcome, String explanation) {
        ObjectNode answer = Wire.object();
        answer.put("outcome", outcome);
        answer.put("explanation", explanation);
        return answer;
    }

    /** A refusal is an answer (what happened), not an error: 200 with {@code outcome: refused}. */
    private static RefusedAction refused(String explanation) {
        return new RefusedAction(explanation);
    }

    private static Reply locked(ApiCall call, Supplier<ObjectNode> action) {
        return call.state().write(() -> {
            try {
                return answer(action.get());
            } catch (RefusedAction refused) {
                return answer(outcome("refused", refused.getMessage()));
            }
        });
    }

    private static Reply answer(ObjectNode body) {
        return new Reply.Raw(WireResponse.json(200, body));
    }

    private static final class RefusedAction extends RuntimeException {
        RefusedAction(String explanation) {
            super(explanation, null, false, false);
        }
    }
}
