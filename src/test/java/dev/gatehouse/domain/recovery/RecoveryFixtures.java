package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.method.PhoneType;
import dev.gatehouse.domain.method.RegistrationEvent;
import dev.gatehouse.domain.method.TapState;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.role.RoleAssignment;
import dev.gatehouse.domain.tenant.GroupRef;
import dev.gatehouse.domain.tenant.SignedInAdmin;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantWriter;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** User shapes and admins for recovery tests, and a writer that records what the steps sent. */
final class RecoveryFixtures {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    static final AuthMethod PASSWORD = method(MethodType.PASSWORD_METHOD_ID, MethodType.PASSWORD, "Password", null);
    static final AuthMethod YUBIKEY = method("fido-1", MethodType.FIDO2, "YubiKey 5 NFC", NOW.minus(Duration.ofDays(200)));
    static final AuthMethod HELLO = method("whfb-1", MethodType.WINDOWS_HELLO_FOR_BUSINESS, "LAPTOP-7",
            NOW.minus(Duration.ofDays(300)));
    static final AuthMethod PHONE = method("3179e48a-750b-4051-897c-87b9720928f7", MethodType.PHONE,
            "+61 4XX XXX 123 (mobile)", null);
    static final AuthMethod AUTHENTICATOR = method("auth-own", MethodType.MICROSOFT_AUTHENTICATOR, "iPhone 15",
            NOW.minus(Duration.ofDays(400)));
    static final AuthMethod ATTACKER_APP = method("auth-attacker", MethodType.MICROSOFT_AUTHENTICATOR, "SM-A546B",
            NOW.minus(Duration.ofDays(1)));
    static final AuthMethod OATH = method("oath-1", MethodType.SOFTWARE_OATH, "", null);
    static final AuthMethod EMAIL = method("email-1", MethodType.EMAIL, "ada@example.org", null);
    static final AuthMethod USABLE_TAP = new AuthMethod("tap-1", MethodType.TEMPORARY_ACCESS_PASS, "Usable, one-time",
            NOW.minus(Duration.ofMinutes(5)), Map.of(), new TapState(NOW.minus(Duration.ofMinutes(5)), 60, true,
            true, "EnabledByPolicy"));

    static final RoleAssignment GLOBAL_ADMIN = role(DirectoryRole.GLOBAL_ADMINISTRATOR);
    static final RoleAssignment AUTH_ADMIN = role(DirectoryRole.AUTHENTICATION_ADMINISTRATOR);
    static final RoleAssignment PRIV_AUTH_ADMIN = role(DirectoryRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR);
    static final RoleAssignment USER_ADMIN = role(DirectoryRole.USER_ADMINISTRATOR);

    private RecoveryFixtures() {
    }

    static AuthMethod method(String id, MethodType type, String summary, Instant created) {
        return new AuthMethod(id, type, summary, created, Map.of());
    }

    static RoleAssignment role(DirectoryRole role) {
        return new RoleAssignment(role.templateId(), role.displayName(), "/", null);
    }

    static UserProfile profile(String id, String name, UserType type, SyncState sync) {
        String upn = name.toLowerCase().replace(' ', '.') + "@tailspintoys.com";
        return new UserProfile(id, name, upn, upn, type, true, sync, NOW.minus(Duration.ofDays(900)),
                NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(60)), "Engineer", "R&D");
    }

    static UserDetail user(String name, AuthMethod... methods) {
        return new UserDetail(profile("id-" + name.toLowerCase().replace(' ', '-'), name, UserType.MEMBER,
                SyncState.CLOUD_ONLY), List.of(), List.of(), List.of(methods));
    }

    static UserDetail passkeyUser() {
        return user("Ada Passkey", PASSWORD, YUBIKEY, HELLO, PHONE, AUTHENTICATOR, EMAIL);
    }

    static UserDetail smsOnlyUser() {
        return user("Sam Sms", PASSWORD, PHONE);
    }

    static UserDetail compromisedUser() {
        return user("Alex Wilber", PASSWORD, AUTHENTICATOR, ATTACKER_APP, PHONE);
    }

    static UserDetail tapUser() {
        return user("Tia Tap", PASSWORD, USABLE_TAP);
    }

    static UserDetail adminTarget() {
        UserDetail base = user("Grace Admin", PASSWORD, AUTHENTICATOR);
        return new UserDetail(base.profile(), List.of(USER_ADMIN), List.of(), base.methods());
    }

    static UserDetail syncedUser() {
        UserDetail base = user("Sid Synced", PASSWORD, AUTHENTICATOR);
        return new UserDetail(profile(base.profile().id(), "Sid Synced", UserType.MEMBER, SyncState.SYNCED),
                List.of(), List.of(), base.methods());
    }

    static UserDetail guest() {
        UserDetail base = user("Gus Guest", PHONE);
        return new UserDetail(profile(base.profile().id(), "Gus Guest", UserType.GUEST, SyncState.CLOUD_ONLY),
                List.of(), List.of(), base.methods());
    }

    static UserDetail breakGlass() {
        UserDetail base = user("Emergency Access 01", PASSWORD, YUBIKEY);
        return new UserDetail(base.profile(), List.of(GLOBAL_ADMIN),
                List.of(new GroupRef("g-bg", "Emergency Access Accounts", true)), base.methods());
    }

    static SignedInAdmin admin(RoleAssignment... roles) {
        return new SignedInAdmin(profile("id-admin", "Adele Vance", UserType.MEMBER, SyncState.CLOUD_ONLY),
                List.of(roles));
    }

    static MethodsPolicy policy(TapSettings tap, PolicyTarget tapTarget) {
        List<MethodConfiguration> configurations = new ArrayList<>(Stream.of("Fido2", "MicrosoftAuthenticator", "Sms",
                        "SoftwareOath", "Email")
                .map(id -> new MethodConfiguration(id, true, List.of(PolicyTarget.allUsers()), List.of())).toList());
        configurations.add(new MethodConfiguration("TemporaryAccessPass", true, List.of(tapTarget), List.of()));
        return new MethodsPolicy(configurations, Optional.of(tap));
    }

    static MethodsPolicy defaultPolicy() {
        return policy(new TapSettings(60, 10, 480, false, 8), PolicyTarget.allUsers());
    }

    static RecoveryContext context(SignedInAdmin actor, UserDetail target) {
        return context(actor, target, Optional.of(defaultPolicy()));
    }

    static RecoveryContext context(SignedInAdmin actor, UserDetail target, Optional<MethodsPolicy> policy) {
        return new RecoveryContext(actor, target, target.roleAssignableGroups(), policy, List.of(), List.of(),
                Map.of(), NOW, Duration.ofDays(7));
    }

    /** A context whose directory audit log holds these registrations. */
    static RecoveryContext context(SignedInAdmin actor, UserDetail target, RegistrationEvent... registrations) {
        return new RecoveryContext(actor, target, target.roleAssignableGroups(), Optional.of(defaultPolicy()),
                List.of(), List.of(registrations), Map.of(), NOW, Duration.ofDays(7));
    }

    /** A context whose audit log could not be read, for this reason. */
    static RecoveryContext contextWithoutAuditLog(SignedInAdmin actor, UserDetail target, String reason) {
        return new RecoveryContext(actor, target, target.roleAssignableGroups(), Optional.of(defaultPolicy()),
                List.of(), List.of(), Map.of(RecoveryContext.REGISTRATIONS, reason), NOW, Duration.ofDays(7));
    }

    /** A phone as Graph lists it: no date, its type among the details. */
    static AuthMethod phone(String id, String number, PhoneType type) {
        return new AuthMethod(id, MethodType.PHONE, number + " (" + type.label().toLowerCase() + ")", null,
                Map.of("Number", number, PhoneType.DETAIL, type.label()));
    }

    /** A self-service registration the user made {@code ago} before {@link #NOW}, as the audit log words it. */
    static RegistrationEvent registered(String reason, Duration ago) {
        return RegistrationEvent.fromAudit(NOW.minus(ago), reason, "alex.wilber@tailspintoys.com", "198.51.100.77");
    }

    /** Records every write; fails a chosen method id once. */
    static final class RecordingWriter implements TenantWriter {
        final List<String> calls = new ArrayList<>();
        String failOnDelete;
        PasswordReset resetAnswer = PasswordReset.confirmed();
        TenantException tapFailure;
        TenantException failure;

        @Override
        public void revokeSignInSessions(String userId) {
            calls.add("revoke " + userId);
        }

        @Override
        public void setAccountEnabled(String userId, boolean enabled) {
            calls.add((enabled ? "enable " : "disable ") + userId);
        }

        @Override
        public void deleteMethod(String userId, AuthMethod method) {
            if (method.id().equals(failOnDelete)) {
                failOnDelete = null;
                throw failure;
            }
            calls.add("delete " + method.id());
        }

        @Override
        public PasswordReset resetPassword(String userId, Secret newPassword) {
            calls.add("reset " + userId + " length " + newPassword.reveal().length());
            return resetAnswer;
        }

        @Override
        public IssuedPass issueTemporaryAccessPass(String userId, TapRequest request) {
            if (tapFailure != null) {
                throw tapFailure;
            }
            calls.add("tap " + userId + " " + request.lifetimeMinutes() + " " + request.usableOnce());
            return new IssuedPass(new AuthMethod("tap-new", MethodType.TEMPORARY_ACCESS_PASS, "Usable", NOW, Map.of(),
                    new TapState(NOW, request.lifetimeMinutes(), request.usableOnce(), true, "EnabledByPolicy")),
                    Secret.of("Temporary Access Pass", "Tr7#kd9Q"));
        }
    }
}
