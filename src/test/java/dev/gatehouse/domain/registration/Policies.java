package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.method.TapState;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Grant;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Locations;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.role.DirectoryRole;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The registration workspace's tenant in miniature: policies on the action, methods policy, admin, break-glass. */
final class Policies {

    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    static final String BREAK_GLASS_GROUP = "bbbbbbbb-0000-0000-0000-00000000b001";
    static final String BG1 = "bg000001-0000-0000-0000-000000000001";
    static final String BG2 = "bg000002-0000-0000-0000-000000000002";
    static final String ADMIN_ID = "ad000001-0000-0000-0000-000000000001";
    static final String ACTION = ConditionalAccessPolicy.REGISTER_SECURITY_INFO;

    static final AuthenticationStrength PASSKEY_OR_TAP = new AuthenticationStrength(
            "5e1f0000-0000-0000-0000-000000000001", "Passkey or one-time TAP",
            Set.of("fido2", "temporaryAccessPassOneTime"));

    private Policies() {
    }

    static Users everyone() {
        return new Users(Set.of("All"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, false);
    }

    /** All users except guests and the break-glass group, as seed 000 designs it. */
    static Users everyoneButGuestsAndBreakGlass() {
        return new Users(Set.of("All"), Set.of(), Set.of(), Set.of(BREAK_GLASS_GROUP), Set.of(), Set.of(), false,
                true);
    }

    static Grant anyOf(String... controls) {
        return new Grant(false, Set.of(controls), Optional.empty());
    }

    /** Seed 000's design: the passkey-or-one-time-TAP strength OR a compliant device, sign-in every hour. */
    static ConditionalAccessPolicy design(State state) {
        return new ConditionalAccessPolicy(null, "Protect security info registration", state,
                everyoneButGuestsAndBreakGlass(), Set.of(), Set.of(), Set.of(ACTION),
                new Grant(false, Set.of("compliantDevice"), Optional.of(PASSKEY_OR_TAP)), Optional.of(1));
    }

    /** Microsoft's template: MFA on the action, everywhere except trusted locations. */
    static ConditionalAccessPolicy template(State state) {
        return new ConditionalAccessPolicy("p-template", "Securing security info registration", state, everyone(),
                Set.of(), Set.of(), Set.of(ACTION), anyOf("mfa"), Optional.empty(), Set.of("all"),
                new Locations(Set.of(Locations.ALL), Set.of(Locations.ALL_TRUSTED)));
    }

    static ConditionalAccessPolicy onAction(String id, String name, State state, Users users, Grant grant) {
        return new ConditionalAccessPolicy(id, name, state, users, Set.of(), Set.of(), Set.of(ACTION), grant,
                Optional.empty());
    }

    /** "CA001: Require MFA for all users" on All resources. */
    static ConditionalAccessPolicy mfaEverywhere(State state) {
        return new ConditionalAccessPolicy("p-ca001", "CA001: Require MFA for all users", state, everyone(),
                Set.of("All"), Set.of(), Set.of(), anyOf("mfa"), Optional.empty());
    }

    static MethodConfiguration on(String id, PolicyTarget... targets) {
        return new MethodConfiguration(id, true, targets.length == 0 ? List.of(PolicyTarget.allUsers())
                : List.of(targets), List.of());
    }

    static MethodConfiguration off(String id) {
        return new MethodConfiguration(id, false, List.of(PolicyTarget.allUsers()), List.of());
    }

    static MethodsPolicy methods(MethodConfiguration fido2, MethodConfiguration tap, TapSettings settings) {
        return new MethodsPolicy(List.of(fido2, tap, on("MicrosoftAuthenticator"), on("Sms")),
                Optional.ofNullable(settings));
    }

    static MethodsPolicy openMethods() {
        return methods(on("Fido2"), on(MethodsPolicy.TEMPORARY_ACCESS_PASS), new TapSettings(60, 10, 480, true, 8));
    }

    static AuthMethod method(MethodType type) {
        return new AuthMethod(type.name().toLowerCase() + "-1", type, type.label(), null, null);
    }

    static AuthMethod oneTimeTap() {
        Instant start = NOW.minusSeconds(120);
        return new AuthMethod("tap-1", MethodType.TEMPORARY_ACCESS_PASS, "Temporary Access Pass", start, null,
                new TapState(start, 60, true, true, "EnabledByPolicy"));
    }

    static UserSnapshot user(String id, String name, Set<String> groups, Set<String> roles, AuthMethod... methods) {
        UserProfile profile = new UserProfile(id, name, name.replace(" ", "").toLowerCase() + "@contoso.com", null,
                UserType.MEMBER, true, SyncState.CLOUD_ONLY, NOW.minusSeconds(86_400L * 400), null, null, null, null);
        return new UserSnapshot(profile, List.of(methods), groups, roles, false);
    }

    static UserSnapshot breakGlass(String id, String name) {
        return user(id, name, Set.of(BREAK_GLASS_GROUP), Set.of(DirectoryRole.GLOBAL_ADMINISTRATOR.templateId()),
                method(MethodType.PASSWORD), method(MethodType.FIDO2));
    }

    static UserSnapshot admin(AuthMethod... methods) {
        return user(ADMIN_ID, "Megan Bowen", Set.of(),
                Set.of(DirectoryRole.CONDITIONAL_ACCESS_ADMINISTRATOR.templateId()), methods);
    }
}
