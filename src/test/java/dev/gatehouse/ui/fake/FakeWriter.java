package dev.gatehouse.ui.fake;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.method.TapState;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.TenantWriter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A tenant writer that only records what it was asked to do, as "METHOD path" lines. */
public final class FakeWriter implements TenantWriter {

    private final List<String> calls = new ArrayList<>();

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private synchronized void record(String call) {
        calls.add(call);
    }

    @Override
    public void revokeSignInSessions(String userId) {
        record("POST /users/" + userId + "/revokeSignInSessions");
    }

    @Override
    public void setAccountEnabled(String userId, boolean enabled) {
        record("PATCH /users/" + userId + " accountEnabled=" + enabled);
    }

    @Override
    public void deleteMethod(String userId, AuthMethod method) {
        record("DELETE /users/" + userId + "/authentication/" + method.type().collection().orElse("methods") + "/"
                + method.id());
    }

    @Override
    public PasswordReset resetPassword(String userId, Secret newPassword) {
        record("POST /users/" + userId + "/authentication/methods/" + MethodType.PASSWORD_METHOD_ID + "/resetPassword");
        return PasswordReset.confirmed();
    }

    @Override
    public IssuedPass issueTemporaryAccessPass(String userId, TapRequest request) {
        record("POST /users/" + userId + "/authentication/temporaryAccessPassMethods");
        Instant start = Instant.now();
        TapState state = new TapState(start, request.lifetimeMinutes(), request.usableOnce(), true, "EnabledByPolicy");
        return new IssuedPass(new AuthMethod("tap-" + calls().size(), MethodType.TEMPORARY_ACCESS_PASS,
                "Temporary Access Pass", start, Map.of(), state), Secret.of("Temporary Access Pass", "Tp9#kq4W"));
    }
}
