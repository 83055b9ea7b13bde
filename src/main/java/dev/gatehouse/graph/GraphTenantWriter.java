package dev.gatehouse.graph;

import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.authentication.AuthenticationRequestBuilder;
import com.microsoft.graph.users.item.authentication.methods.item.resetpassword.ResetPasswordPostRequestBody;
import com.microsoft.kiota.http.middleware.options.HeadersInspectionOption;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;
import dev.gatehouse.domain.tenant.TenantWriter;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link TenantWriter} over Microsoft Graph v1.0, through the gateway's cancellable calls, call log, retry policy
 * and error mapping. Every request goes out once: neither the retry handler (503/504) nor OkHttp (a broken
 * connection) resends a change, so a change Graph may or may not have carried out is reported as such.
 * Writes use the {@link PermissionSet#USER_RECOVERY} scopes.
 */
final class GraphTenantWriter implements TenantWriter {

    static final String TAP_LABEL = "Temporary Access Pass";

    private final GraphGateway gateway;
    private final PasswordResetFollower follower;
    /**
     * id and UPN of the signed-in account, read once (and again after a demo trainer changes the actor): Entra
     * refuses a TAP or a reset on your own account.
     */
    private final AtomicReference<Set<String>> signedIn = new AtomicReference<>();

    GraphTenantWriter(GraphGateway gateway) {
        this.gateway = gateway;
        this.follower = new PasswordResetFollower(gateway);
    }

    @Override
    public void revokeSignInSessions(String userId) {
        String key = GraphTenantDirectory.requireKey(userId);
        // Graph documents 200 {"value": true} and, in a known issue, other 2xx codes: any 2xx is success
        gateway.call(GraphOperation.REVOKE_SIGN_IN_SESSIONS, subject(key),
                () -> client().users().byUserId(key).revokeSignInSessions().post());
    }

    @Override
    public void setAccountEnabled(String userId, boolean enabled) {
        String key = GraphTenantDirectory.requireKey(userId);
        User change = new User();
        change.setAccountEnabled(enabled);
        gateway.call(GraphOperation.SET_ACCOUNT_ENABLED, subject(key),
                () -> client().users().byUserId(key).patch(change));
    }

    @Override
    public void deleteMethod(String userId, AuthMethod method) {
        String key = GraphTenantDirectory.requireKey(userId);
        MethodType type = method.type();
        if (type == MethodType.PASSWORD) {
            throw new TenantException(Kind.REJECTED, "The password method cannot be deleted: Graph has no DELETE for "
                    + "it. Reset the password instead.");
        }
        if (!type.deletableInV1() || type.collection().isEmpty()) {
            throw new TenantException(Kind.REJECTED, "A " + type.label() + " method cannot be deleted through "
                    + "Microsoft Graph v1.0: it has no collection of its own there. Use the Entra admin center.");
        }
        String id = method.id();
        String subject = "the " + type.label() + " method '" + method.summary() + "' of " + subject(key);
        gateway.call(GraphOperation.DELETE_METHOD, subject, () -> {
            delete(client().users().byUserId(key).authentication(), type, id);
            return null;
        });
    }

    /** The DELETE on {@code /users/{id}/authentication/{type.collection()}/{id}}. */
    private static void delete(AuthenticationRequestBuilder methods, MethodType type, String id) {
        switch (type) {
            case PHONE -> methods.phoneMethods().byPhoneAuthenticationMethodId(id).delete();
            case EMAIL -> methods.emailMethods().byEmailAuthenticationMethodId(id).delete();
            case FIDO2 -> methods.fido2Methods().byFido2AuthenticationMethodId(id).delete();
            case MICROSOFT_AUTHENTICATOR -> methods.microsoftAuthenticatorMethods()
                    .byMicrosoftAuthenticatorAuthenticationMethodId(id).delete();
            case SOFTWARE_OATH -> methods.softwareOathMethods().bySoftwareOathAuthenticationMethodId(id).delete();
            case TEMPORARY_ACCESS_PASS -> methods.temporaryAccessPassMethods()
                    .byTemporaryAccessPassAuthenticationMethodId(id).delete();
            case WINDOWS_HELLO_FOR_BUSINESS -> methods.windowsHelloForBusinessMethods()
                    .byWindowsHelloForBusinessAuthenticationMethodId(id).delete();
            case PLATFORM_CREDENTIAL -> methods.platformCredentialMethods()
                    .byPlatformCredentialAuthenticationMethodId(id).delete();
            case EXTERNAL -> methods.externalAuthenticationMethods().byExternalAuthenticationMethodId(id).delete();
            default -> throw new IllegalStateException("no v1.0 DELETE for " + type);
        }
    }

    @Override
    public PasswordReset resetPassword(String userId, Secret newPassword) {
        String key = GraphTenantDirectory.requireKey(userId);
        String subject = subject(key);
        refuseOwnAccount(key, "reset your own password here: Microsoft Graph's resetPassword never acts on the "
                + "caller's account. Change it yourself at https://mysignins.microsoft.com/security-info, or ask "
                + "another administrator");
        HeadersInspectionOption headers = new HeadersInspectionOption(false, true);
        gateway.call(GraphOperation.RESET_PASSWORD, subject, () -> {
            ResetPasswordPostRequestBody body = new ResetPasswordPostRequestBody();
            body.setNewPassword(newPassword.reveal());
            return client().users().byUserId(key).authentication().methods()
                    .byAuthenticationMethodId(MethodType.PASSWORD_METHOD_ID).resetPassword()
                    .post(body, c -> c.options.add(headers));
        });
        return follower.follow(client(), key, subject, headers.getResponseHeaders());
    }

    @Override
    public IssuedPass issueTemporaryAccessPass(String userId, TapRequest request) {
        String key = GraphTenantDirectory.requireKey(userId);
        refuseOwnAccount(key, "issue a Temporary Access Pass to your own account: Entra allows nobody to do that. "
                + "Ask another administrator");
        TemporaryAccessPassAuthenticationMethod body = new TemporaryAccessPassAuthenticationMethod();
        body.setLifetimeInMinutes(request.lifetimeMinutes());
        body.setIsUsableOnce(request.usableOnce());
        return gateway.call(GraphOperation.ISSUE_TEMPORARY_ACCESS_PASS, subject(key), () -> {
            TemporaryAccessPassAuthenticationMethod created = client().users().byUserId(key).authentication()
                    .temporaryAccessPassMethods().post(body);
            String code = created == null ? null : created.getTemporaryAccessPass();
            if (code == null || code.isEmpty()) {
                throw new TenantException(Kind.UNEXPECTED, "Graph created a Temporary Access Pass for "
                        + subject(key) + " but returned no code. Delete it and issue another.");
            }
            Secret secret = Secret.of(TAP_LABEL, code);
            created.setTemporaryAccessPass(null);
            return new IssuedPass(AuthMethodMapping.map(created), secret);
        });
    }

    /** Refuses before sending when {@code key} is the signed-in account's id or UPN. */
    private void refuseOwnAccount(String key, String cannot) {
        if (signedInAccount().stream().anyMatch(key::equalsIgnoreCase)) {
            throw new TenantException(Kind.REJECTED, "You cannot " + cannot + ".");
        }
    }

    /** Another admin acts on this connection now (the demo tenant's trainer controls). */
    void forgetSignedInAccount() {
        signedIn.set(null);
    }

    private Set<String> signedInAccount() {
        Set<String> known = signedIn.get();
        if (known != null) {
            return known;
        }
        User me = gateway.call(GraphOperation.READ_SIGNED_IN_USER, "your account",
                () -> gateway.client(PermissionSet.USERS_READ).me()
                        .get(c -> c.queryParameters.select = new String[]{"id", "userPrincipalName"}));
        Set<String> account = Stream.of(me.getId(), me.getUserPrincipalName()).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
        signedIn.compareAndSet(null, account);
        return account;
    }

    private GraphServiceClient client() {
        return gateway.client(PermissionSet.USER_RECOVERY);
    }

    static String subject(String key) {
        return "user '" + key + "'";
    }
}
