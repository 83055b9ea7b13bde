package dev.gatehouse.domain.signin;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.method.TapState;
import dev.gatehouse.domain.policy.AuthenticationStrength;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Grant;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.State;
import dev.gatehouse.domain.policy.ConditionalAccessPolicy.Users;
import dev.gatehouse.domain.policy.MethodConfiguration;
import dev.gatehouse.domain.policy.MethodsPolicy;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.user.SyncState;
import dev.gatehouse.domain.user.UserProfile;
import dev.gatehouse.domain.user.UserType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Users, methods and policies shaped like the demo tenant's, for the simulator's tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    static final String USER_ID = "6e7b768e-07e2-4810-8459-485f84f8f204";
    static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
    static final String BREAK_GLASS_GROUP = "bbbbbbbb-0000-0000-0000-000000000001";
    static final String PILOT_GROUP = "aaaaaaaa-0000-0000-0000-000000000002";

    static final AuthMethod PASSWORD = method(MethodType.PASSWORD, MethodType.PASSWORD_METHOD_ID, null);
    static final AuthMethod AUTHENTICATOR = method(MethodType.MICROSOFT_AUTHENTICATOR, "auth-1", "iPhone 15");
    static final AuthMethod PHONE = method(MethodType.PHONE, "3179e48a-750b-4051-897c-87b9720928f7", "+1 555 0100");
    static final AuthMethod SOFTWARE_OATH = method(MethodType.SOFTWARE_OATH, "oath-1", "Authy");
    static final AuthMethod FIDO2 = method(MethodType.FIDO2, "fido-1", "YubiKey 5 NFC");
    static final AuthMethod HELLO = method(MethodType.WINDOWS_HELLO_FOR_BUSINESS, "whfb-1", "LAPTOP-7");

    static final AuthenticationStrength MFA_STRENGTH = new AuthenticationStrength(
            "00000000-0000-0000-0000-000000000002", "Multifactor authentication",
            Set.of("password,microsoftAuthenticatorPush", "password,sms", "password,softwareOath", "fido2",
                    "windowsHelloForBusiness", "temporaryAccessPassOneTime", "temporaryAccessPassMultiUse"));
    static final AuthenticationStrength PHISHING_RESISTANT = new AuthenticationStrength(
            "00000000-0000-0000-0000-000000000004", "Phishing-resistant MFA",
            Set.of("windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor"));
    /** graph-facts §9's example custom strength, used by the registration policy (§10.4). */
    static final AuthenticationStrength BOOTSTRAP = new AuthenticationStrength("c0ffee00-0000-0000-0000-000000000001",
            "Bootstrap FIDO2 or TAP", Set.of("fido2", "temporaryAccessPassOneTime"));

    private Fixtures() {
    }

    static AuthMethod method(MethodType type, String id, String summary) {
        return new AuthMethod(id, type, summary, null, null);
    }

    static AuthMethod tap(Instant start, int lifetimeMinutes, boolean usableOnce, boolean usable, String reason) {
        return new AuthMethod("tap-1", MethodType.TEMPORARY_ACCESS_PASS, "Temporary Access Pass", start, null,
                new TapState(start, lifetimeMinutes, usableOnce, usable, reason));
    }

    /** A one-time pass issued five minutes ago for an hour: usable now. */
    static AuthMethod usableTap() {
        return tap(NOW.minusSeconds(300), 60, true, true, "EnabledByPolicy");
    }

    static UserProfile profile(UserType type) {
        return new UserProfile(USER_ID, "Adele Vance", "AdeleV@contoso.com", null, type, true, SyncState.CLOUD_ONLY,
                Instant.parse("2024-01-10T08:00:00Z"), Instant.parse("2025-05-01T08:00:00Z"),
                Instant.parse("2025-05-01T08:00:00Z"), null, null);
    }

    static UserSnapshot member(AuthMethod... methods) {
        return new UserSnapshot(profile(UserType.MEMBER), List.of(methods), Set.of(PILOT_GROUP), Set.of(), false);
    }

    static UserSnapshot guest(AuthMethod... methods) {
        return new UserSnapshot(profile(UserType.GUEST), List.of(methods), Set.of(), Set.of(), false);
    }

    /** The seed-003 user before anything happens: password, Authenticator, phone, software OATH and a passkey. */
    static UserSnapshot fullyEquipped() {
        return member(PASSWORD, AUTHENTICATOR, PHONE, SOFTWARE_OATH, FIDO2);
    }

    /** "Require re-register MFA" as graph-facts §7 describes it: phone, Authenticator, software OATH deleted. */
    static UserSnapshot afterRequireReRegister(UserSnapshot user) {
        return user.without(m -> m.type().reRegisterEffect() != MethodType.ReRegisterEffect.KEPT);
    }

    static Users allUsers() {
        return users(Set.of("All"), Set.of(), Set.of(), Set.of(), false, false);
    }

    static Users users(Set<String> includeUsers, Set<String> excludeUsers, Set<String> includeGroups,
                       Set<String> excludeGroups, boolean includeGuests, boolean excludeGuests) {
        return new Users(includeUsers, excludeUsers, includeGroups, excludeGroups, Set.of(), Set.of(), includeGuests,
                excludeGuests);
    }

    static Grant or(String... controls) {
        return new Grant(false, Set.of(controls), Optional.empty());
    }

    static Grant strength(AuthenticationStrength strength, String... orControls) {
        return new Grant(false, Set.of(orControls), Optional.of(strength));
    }

    /** "Require MFA for all users" on every cloud app. */
    static ConditionalAccessPolicy mfaForAllApps(State state) {
        return new ConditionalAccessPolicy("p-mfa", "Require MFA for all users", state, allUsers(), Set.of("All"),
                Set.of(), Set.of(), or("mfa"), Optional.empty());
    }

    static ConditionalAccessPolicy onApps(String name, State state, Users users, Set<String> apps, Grant grant) {
        return new ConditionalAccessPolicy("p-" + name.hashCode(), name, state, users, apps, Set.of(), Set.of(), grant,
                Optional.empty());
    }

    /**
     * The registration policy of graph-facts §10.4: Register security information needs a compliant device or the
     * FIDO2-or-one-time-TAP strength; break-glass and guests excluded.
     */
    static ConditionalAccessPolicy registrationPolicy(State state) {
        return new ConditionalAccessPolicy("p-reg", "Protect security info registration", state,
                users(Set.of("All"), Set.of(), Set.of(), Set.of(BREAK_GLASS_GROUP), false, true),
                Set.of(), Set.of(), Set.of(ConditionalAccessPolicy.REGISTER_SECURITY_INFO),
                strength(BOOTSTRAP, "compliantDevice"), Optional.empty());
    }

    static MethodConfiguration enabled(String id, PolicyTarget... include) {
        return new MethodConfiguration(id, true, include.length == 0 ? List.of(PolicyTarget.allUsers()) : List.of(include),
                List.of());
    }

    /** Every method the simulator knows about enabled for all users. */
    static MethodsPolicy openMethodsPolicy(MethodConfiguration... overrides) {
        List<MethodConfiguration> configurations = new ArrayList<>(List.of(overrides));
        for (String id : List.of("Fido2", "MicrosoftAuthenticator", "Sms", "Voice", "SoftwareOath",
                MethodsPolicy.TEMPORARY_ACCESS_PASS, "Email")) {
            if (configurations.stream().noneMatch(c -> c.id().equals(id))) {
                configurations.add(enabled(id));
            }
        }
        return new MethodsPolicy(configurations, Optional.empty());
    }

    static SignInSimulator simulator(ConditionalAccessPolicy... policies) {
        return new SignInSimulator(List.of(policies), Optional.of(openMethodsPolicy()), NOW);
    }

    static SignInSituation office(SignInMethod method) {
        return SignInSituation.of(method, SignInTarget.OFFICE_365);
    }

    static SignInSituation registerInfo(SignInMethod method) {
        return SignInSituation.of(method, SignInTarget.REGISTER_SECURITY_INFO);
    }
}
